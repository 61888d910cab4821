import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** How serious a diagnostic is, as printed. */
export type Severity = 'error' | 'warning' | 'info';

/** The severity of a vfile message: `fatal: true` is an error, `false` a warning. */
export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/**
 * Formats one message as `path:line:column: severity: message [rule-id]`, the shape
 * compilers and editors understand. The path is relative to `cwd`.
 */
export function formatMessage(message: VFileMessage, filePath: string | undefined, cwd = process.cwd()): string {
  const shown = filePath ? path.relative(cwd, filePath) || filePath : '<input>';
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${shown}:${line}:${column}: ${severityOf(message)}: ${message.reason}${rule}`;
}

/** Every message of every file, sorted by path, then line, then column. */
export function collectMessages(files: readonly VFile[]): Array<{ file: VFile; message: VFileMessage }> {
  const all = files.flatMap((file) => file.messages.map((message) => ({ file, message })));
  return all.sort(
    (a, b) =>
      (a.file.path ?? '').localeCompare(b.file.path ?? '') ||
      (a.message.line ?? 0) - (b.message.line ?? 0) ||
      (a.message.column ?? 0) - (b.message.column ?? 0),
  );
}

/** True when any file carries an error (a fatal message). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
