import { parseArgs } from 'node:util';
import { allFormats, type Format } from '../build.ts';

/** A parsed command line. */
export interface Command {
  name: 'build' | 'help';
  manuscriptDir: string;
  outDir: string;
  formats: Format[];
  quiet: boolean;
  /** Print how long each stage took. */
  timings: boolean;
}

/** The usage text of the command line. */
export const usage = `Usage: quire build [--format epub|pdf|html[,...]] [--manuscript DIR] [--out DIR] [--quiet]

  --format      formats to build, comma-separated or repeated (default: all)
  --manuscript  the manuscript folder, with book.yaml (default: manuscript)
  --out         the output folder (default: dist)
  --quiet       print only problems
  --timings     print how long each stage took`;

/** Parses `argv` (without node and the script). Throws an Error with a usage message on bad input. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', multiple: true },
      manuscript: { type: 'string', default: 'manuscript' },
      out: { type: 'string', default: 'dist' },
      quiet: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const name = values.help ? 'help' : (positionals[0] ?? 'build');
  if (name !== 'build' && name !== 'help') throw new Error(`Unknown command "${name}".`);
  const requested = (values.format ?? []).flatMap((entry) => entry.split(',')).map((entry) => entry.trim().toLowerCase());
  for (const format of requested) {
    if (!(allFormats as readonly string[]).includes(format)) throw new Error(`Unknown format "${format}": use ${allFormats.join(', ')}.`);
  }
  return {
    name,
    manuscriptDir: values.manuscript!,
    outDir: values.out!,
    formats: requested.length > 0 ? (requested as Format[]) : [...allFormats],
    quiet: values.quiet!,
    timings: values.timings!,
  };
}
