import type { VFile } from 'vfile';
import { collectMessages, formatMessage } from '../diagnostics/format-message.ts';
import { EnvironmentError, ExitCode, ManuscriptError } from '../diagnostics/errors.ts';

/** Every message of `files` as `path:line:column: severity: message [rule-id]`, in file order. */
export function messageLines(files: readonly VFile[]): string[] {
  return collectMessages(files).map(({ file, message }) => formatMessage(message, file.path));
}

/** A failed build as the command line reports it. */
export interface BuildFailure {
  exitCode: number;
  /** The manuscript's messages with their places, for standard error. */
  messages: string[];
  /** Then what failed, for standard error. */
  lines: string[];
  /** What failed, in a few words, for a catalog's summary. */
  reason: string;
}

/**
 * How a build's error is reported: a manuscript's errors with their places and a count, or
 * the machine's problem (no browser, an output that could not be written), each ending in
 * a line saying nothing was written (`to` names where, for a book of a catalog). Undefined
 * for any other error: a fault of ours, not of the input.
 */
export function buildFailure(error: unknown, to?: string): BuildFailure | undefined {
  const nothing = `nothing was written${to ? ` to ${to}` : ''}`;
  if (error instanceof ManuscriptError) {
    const count = error.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
    const reason = `${count} error${count === 1 ? '' : 's'} in the manuscript`;
    return { exitCode: ExitCode.manuscript, messages: messageLines(error.files), lines: [`build failed: ${reason}; ${nothing}`], reason };
  }
  if (error instanceof EnvironmentError) {
    return { exitCode: error.exitCode, messages: [], lines: [`error: ${error.message}`, `build failed: ${nothing}`], reason: error.message.split('\n')[0]! };
  }
  return undefined;
}
