import { build } from './build.ts';
import { buildSummary } from './cli/build-summary.ts';
import { parseCommand, usage, type BuildCommand, type Command } from './cli/parse-args.ts';
import { createProgressDisplay } from './cli/progress-display.ts';
import { runCheck } from './cli/run-check.ts';
import { runDev } from './cli/run-dev.ts';
import { runNew } from './cli/run-new.ts';
import { collectMessages, formatMessage } from './diagnostics/format-message.ts';
import { EnvironmentError, ExitCode, ManuscriptError } from './diagnostics/errors.ts';
import { runSignalCleanups } from './process/signal-cleanup.ts';
import { sourceDate } from './time/source-date.ts';
import type { VFile } from 'vfile';

/** Prints every message of `files` as `path:line:column: severity: message [rule-id]`. */
function printMessages(files: readonly VFile[]): void {
  for (const { file, message } of collectMessages(files)) console.error(formatMessage(message, file.path));
}

async function runBuild(command: BuildCommand): Promise<number> {
  const started = performance.now();
  const log = command.quiet ? () => undefined : (line: string) => console.log(line);
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  const display = createProgressDisplay({ stream: live ? process.stderr : process.stdout, quiet: command.quiet, live, formats: command.formats });
  try {
    const result = await build({
      manuscriptDir: command.manuscriptDir,
      outDir: command.outDir,
      formats: command.formats,
      date: sourceDate(),
      progress: (event) => display.update(event),
    });
    display.stop();
    printMessages(result.files);
    if (command.timings) {
      for (const { stage, ms } of result.timings) console.log(`timing ${stage} ${Math.round(ms)} ms`);
      const { parsed, reused, workers } = result.parse;
      console.log(`parse chapters: ${parsed} parsed, ${reused} from cache, ${workers} worker thread${workers === 1 ? '' : 's'}`);
    }
    for (const line of buildSummary(result, (performance.now() - started) / 1000)) log(line);
    return ExitCode.ok;
  } catch (error) {
    display.stop();
    if (error instanceof ManuscriptError) {
      printMessages(error.files);
      const count = error.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
      console.error(`build failed: ${count} error${count === 1 ? '' : 's'} in the manuscript; nothing was written`);
      return ExitCode.manuscript;
    }
    if (error instanceof EnvironmentError) {
      console.error(`error: ${error.message}`);
      console.error('build failed: nothing was written');
      return error.exitCode;
    }
    throw error;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return ExitCode.usage;
  }
  if (command.name === 'help') {
    console.log(usage);
    return ExitCode.ok;
  }
  if (command.name === 'check') return runCheck(command);
  if (command.name === 'new') return runNew(command);
  if (command.name === 'dev') return runDev(command);
  return runBuild(command);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    runSignalCleanups();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    runSignalCleanups();
    console.error(`internal error: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = ExitCode.output;
  },
);
