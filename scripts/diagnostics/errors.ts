import type { VFile } from 'vfile';

/** Exit codes of the command line, one per kind of failure. */
export const ExitCode = {
  ok: 0,
  /** The manuscript has errors; every one was printed with its location. */
  manuscript: 1,
  /** The command line was wrong. */
  usage: 2,
  /** Something the build needs is missing from this machine (a browser, say). */
  environment: 3,
  /** An output could not be rendered or written. */
  output: 4,
} as const;

/** The manuscript has errors. They are messages on `files`; nothing was written. */
export class ManuscriptError extends Error {
  readonly files: readonly VFile[];
  constructor(files: readonly VFile[]) {
    super('The manuscript has errors.');
    this.name = 'ManuscriptError';
    this.files = files;
  }
}

/** A failure of the machine rather than of the manuscript, with a hint on how to fix it. */
export class EnvironmentError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.environment) {
    super(message);
    this.name = 'EnvironmentError';
    this.exitCode = exitCode;
  }
}

/** Chromium went away (crashed, or was killed) while printing: worth one more try. */
export class BrowserCrashError extends EnvironmentError {
  constructor(message: string) {
    super(message, ExitCode.output);
    this.name = 'BrowserCrashError';
  }
}
