import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';

/** How long one Chromium load or print may take when `QUIRE_PRINT_TIMEOUT` is not set. */
export const defaultPrintTimeoutSeconds = 300;

/**
 * The longest one page load or print may take, in milliseconds: `QUIRE_PRINT_TIMEOUT`
 * (seconds, such as `600` for a very long book) or {@link defaultPrintTimeoutSeconds}.
 * A value that is not a positive number is an {@link EnvironmentError} (exit code 2).
 */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.QUIRE_PRINT_TIMEOUT;
  if (setting === undefined || setting === '') return defaultPrintTimeoutSeconds * 1000;
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new EnvironmentError(`QUIRE_PRINT_TIMEOUT must be a number of seconds, such as 600; it is "${setting}"`, ExitCode.usage);
  }
  return Math.round(seconds * 1000);
}
