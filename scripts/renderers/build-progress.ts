/**
 * A step of the build, for a progress display. A counting stage reports `done` of
 * `total` (chapters parsed, pages printed); `finished` is set, with one line saying what
 * was done, when a stage is complete.
 */
export interface BuildProgress {
  stage: 'parse' | 'html' | 'pdf' | 'epub';
  done?: number;
  total?: number;
  finished?: string;
}
