import { bundleDir } from '../toolchain/toolchain-paths.ts';
import { sourceMappedStack } from './source-mapped-stack.ts';

/**
 * What is printed for a fault of ours (an error no diagnostic explains): `internal
 * error: ` and the error's stack, whose frames name the TypeScript sources also when the
 * bundle runs.
 */
export function internalErrorText(error: unknown): string {
  const stack = (error as Error | undefined)?.stack ?? String(error);
  return `internal error: ${bundleDir ? sourceMappedStack(stack, bundleDir) : stack}`;
}
