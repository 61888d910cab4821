// Only what every command needs is imported up front; each command loads its own modules,
// so that a build can start Chromium before the whole toolchain has loaded.
import { startBrowserEarly } from './cli/early-browser.ts';
import { parseCommand, usage, type BuildCommand, type Command } from './cli/parse-args.ts';
import { ExitCode } from './diagnostics/errors.ts';
import { internalErrorText } from './diagnostics/internal-error.ts';
import { runSignalCleanups } from './process/signal-cleanup.ts';
import { sourceDate } from './time/source-date.ts';

async function runBuild(command: BuildCommand): Promise<number> {
  if (command.books.length > 1) return (await import('./cli/run-catalog.ts')).runCatalog(command);
  const started = performance.now();
  const [book] = command.books;
  const browser = await startBrowserEarly(book!.manuscriptDir, command.formats);
  const [{ build }, { buildFailure, messageLines }, { buildSummary }, { createProgressDisplay }] = await Promise.all([
    import('./build/build.ts'),
    import('./cli/build-failure.ts'),
    import('./cli/build-summary.ts'),
    import('./cli/progress-display.ts'),
  ]);
  const log = command.quiet ? () => undefined : (line: string) => console.log(line);
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  const display = createProgressDisplay({ stream: live ? process.stderr : process.stdout, quiet: command.quiet, live, formats: command.formats });
  try {
    const result = await build({
      manuscriptDir: book!.manuscriptDir,
      outDir: book!.outDir,
      formats: command.formats,
      date: sourceDate(),
      progress: (event) => display.update(event),
      browser,
    });
    display.stop();
    for (const line of messageLines(result.files)) console.error(line);
    if (command.timings) {
      for (const { stage, ms } of result.timings) console.log(`timing ${stage} ${Math.round(ms)} ms`);
      const { parsed, reused } = result.parse;
      console.log(`parse chapters: ${parsed} parsed, ${reused} from cache`);
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
  if (command.name === 'check') return (await import('./cli/run-check.ts')).runCheck(command);
  if (command.name === 'new') return (await import('./cli/run-new.ts')).runNew(command);
  if (command.name === 'dev') return (await import('./cli/run-dev.ts')).runDev(command);
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
