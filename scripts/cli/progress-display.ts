import type { Format } from '../output/formats.ts';
import type { BuildProgress } from '../renderers/build-progress.ts';

/** Where and how build progress is shown. */
export interface ProgressDisplayOptions {
  /** The stream to draw on (standard error, so standard output stays clean). */
  stream: NodeJS.WriteStream;
  /** Nothing at all. */
  quiet: boolean;
  /** Redraw one line in place: a terminal, not CI. Otherwise one plain line per finished stage. */
  live: boolean;
  formats: readonly Format[];
  /** Put before each plain line: the book's name, in a catalog. */
  label?: string;
}

/** Shows a build's progress, and is told to stop before the summary is printed. */
export interface ProgressDisplay {
  update(event: BuildProgress): void;
  /** Clears the live line. */
  stop(): void;
}

const barWidth = 24;

/**
 * A progress display for the terminal: in a TTY one line redrawn in place, a bar with
 * chapters parsed, pages printed and the EPUB packed; in CI or a pipe a plain line per
 * finished stage; with `--quiet` nothing.
 */
export function createProgressDisplay(options: ProgressDisplayOptions): ProgressDisplay {
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  if (!options.live) {
    return {
      update: (event) => {
        if (event.finished) options.stream.write(`  ${options.label ? `${options.label}: ` : ''}${event.finished}\n`);
      },
      stop: () => undefined,
    };
  }
  // Each stage's share of the work done, from 0 to 1.
  const stages = new Map<string, number>([['parse', 0]]);
  for (const format of options.formats) stages.set(format, 0);
  if (stages.has('pdf')) stages.set('html', 0);
  const labels = new Map<string, string>([['parse', 'parsing']]);
  let drawn = false;
  const draw = () => {
    const share = [...stages.values()].reduce((sum, part) => sum + part, 0) / stages.size;
    const filled = Math.round(share * barWidth);
    const text = [...labels.values()].join(' · ');
    const line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${text}`;
    options.stream.write(`\r\x1b[2K${line.slice(0, (options.stream.columns || 80) - 1)}`);
    drawn = true;
  };
  return {
    update(event) {
      stages.set(event.stage, shareOf(event));
      if (!(event.stage === 'parse' && event.finished)) labels.set(event.stage, shortLabel(event));
      draw();
    },
    stop() {
      if (drawn) options.stream.write('\r\x1b[2K');
    },
  };
}

function shareOf(event: BuildProgress): number {
  if (event.finished) return 1;
  if (!event.total) return 0;
  const done = (event.done ?? 0) / event.total;
  // A PDF is half done once measured; the final print is the other half.
  return event.stage === 'pdf' ? 0.5 + done / 2 : done;
}

function shortLabel(event: BuildProgress): string {
  switch (event.stage) {
    case 'parse':
      return `${event.done ?? 0}/${event.total ?? '?'} chapters`;
    case 'pdf':
      if (event.finished) return 'PDF printed';
      return event.done ? `PDF ${event.done}/${event.total} pages` : `PDF ${event.total} pages measured`;
    case 'epub':
      return 'EPUB packed';
    default:
      return 'HTML';
  }
}
