import path from 'node:path';
import { collectMessages, formatMessage, severityOf, type Severity } from '../diagnostics/format-message.ts';
import { ExitCode } from '../diagnostics/errors.ts';
import { checkBook } from '../lint/check-book.ts';
import type { CheckCommand } from './parse-args.ts';

/** One problem as `check --format json` prints it. */
export interface JsonDiagnostic {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string | null;
  message: string;
}

/**
 * Runs `quire check`: prints every problem, one line each in file order, then a count;
 * or, with `--format json`, a JSON array of them. Returns 1 when there are errors, or
 * warnings under `--strict`.
 */
export async function runCheck(command: CheckCommand): Promise<number> {
  const { files } = await checkBook(command.manuscriptDir);
  const messages = collectMessages(files);
  const count = (severity: Severity) => messages.filter(({ message }) => severityOf(message) === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  if (command.output === 'json') {
    const json: JsonDiagnostic[] = messages.map(({ file, message }) => ({
      path: path.relative(process.cwd(), file.path) || file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: severityOf(message),
      ruleId: message.ruleId ?? null,
      message: message.reason,
    }));
    console.log(JSON.stringify(json, null, 2));
  } else {
    for (const { file, message } of messages) console.log(formatMessage(message, file.path));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    console.log(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')} checked`);
  }
  return errors > 0 || (command.strict && warnings > 0) ? ExitCode.manuscript : ExitCode.ok;
}
