import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

/** Where a diagnostic points: a unist position or point, or nothing for the whole file. */
export type Place = Position | Point | undefined;

/** Records an error on `file`: the build will fail, but keeps going to find more. */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'quire' });
  message.fatal = true;
}

/** Records a warning on `file`: the build goes on and succeeds. */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, { place, ruleId, source: 'quire' });
}
