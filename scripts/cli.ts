import { build } from './build.ts';
import { buildFailure, messageLines } from './cli/build-failure.ts';
import { buildSummary } from './cli/build-summary.ts';
import { parseCommand, usage, type BuildCommand, type Command } from './cli/parse-args.ts';
import { createProgressDisplay } from './cli/progress-display.ts';
import { runCatalog } from './cli/run-catalog.ts';
import { runCheck } from './cli/run-check.ts';
import { runDev } from './cli/run-dev.ts';
import { runNew } from './cli/run-new.ts';
import { ExitCode } from './diagnostics/errors.ts';
import { internalErrorText } from './diagnostics/internal-error.ts';
import { runSignalCleanups } from './process/signal-cleanup.ts';
import { sourceDate } from './time/source-date.ts';

async function runBuild(command: BuildCommand): Promise<number> {
  if (command.books.length > 1) return runCatalog(command);
  const started = performance.now();
  const log = command.quiet ? () => undefined : (line: string) => console.log(line);
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  const display = createProgressDisplay({ stream: live ? process.stderr : process.stdout, quiet: command.quiet, live, formats: command.formats });
  const [book] = command.books;
  try {
    const result = await build({
      manuscriptDir: book!.manuscriptDir,
      outDir: book!.outDir,
      formats: command.formats,
      date: sourceDate(),
      progress: (event) => display.update(event),
    });
    display.stop();
    for (const line of messageLines(result.files)) console.error(line);
    if (command.timings) {
      for (const { stage, ms } of result.timings) console.log(`timing ${stage} ${Math.round(ms)} ms`);
      const { parsed, reused, workers } = result.parse;
      console.log(`parse chapters: ${parsed} parsed, ${reused} from cache, ${workers} worker thread${workers === 1 ? '' : 's'}`);
    }
    for (const line of buildSummary(result, (performance.now() - started) / 1000)) log(line);
    return ExitCode.ok;
  } catch (error) {
    display.stop();
    const failure = buildFailure(error);
    if (!failure) throw error;
    for (const line of [...failure.messages, ...failure.lines]) console.error(line);
    return failure.exitCode;
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
    console.error(internalErrorText(error));
    process.exitCode = ExitCode.output;
  },
);
