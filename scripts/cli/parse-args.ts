import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allFormats, type Format } from '../output/formats.ts';
import { bookTargets, type BookTarget } from '../catalog/book-targets.ts';

/**
 * `quire build`: render one manuscript into the output folder, or several (a catalog),
 * each into its own folder under it.
 */
export interface BuildCommand {
  name: 'build';
  /** Every manuscript, in the order given, with its output folder. */
  books: BookTarget[];
  outDir: string;
  formats: Format[];
  quiet: boolean;
  /** Print how long each stage took. */
  timings: boolean;
  /** A catalog: how many books are built at once, when given (else see `catalogJobs`). */
  jobs?: number;
}

/** `quire check`: lint the manuscript on the build's own parse. */
export interface CheckCommand {
  name: 'check';
  manuscriptDir: string;
  /** Warnings fail the check too. */
  strict: boolean;
  output: 'text' | 'json';
}

/** `quire new book DIR` or `quire new chapter "Title"`: scaffold a manuscript or a chapter. */
export interface NewCommand {
  name: 'new';
  kind: 'book' | 'chapter';
  /** The folder of the new book, or the title of the new chapter. */
  argument: string;
  manuscriptDir: string;
}

/** `quire dev`: the preview server. */
export interface DevCommand {
  name: 'dev';
  manuscriptDir: string;
  port: number;
}

/** A parsed command line. */
export type Command = BuildCommand | CheckCommand | NewCommand | DevCommand | { name: 'help' };

/** The usage text of the command line. */
export const usage = `Usage: quire build [--format epub|pdf|html[,...]] [--manuscript DIR] [--out DIR] [--quiet]
       quire build [options] DIR... [--jobs N]
       quire check [--manuscript DIR] [--strict] [--format json]
       quire new book DIR
       quire new chapter "Title" [--manuscript DIR]
       quire dev [--manuscript DIR] [--port N]

  --format      build: formats to build, comma-separated or repeated (default: all)
                check: text (default) or json
  --manuscript  the manuscript folder, with book.yaml (default: manuscript)
  DIR...        build: several manuscript folders in one command (a catalog), each
                built into OUT/<folder name>/; --manuscript may be repeated instead
  --jobs        build: how many books of a catalog are built at once (default: one
                per core for short books, else half the cores, at least 1)
  --out         the output folder (default: dist)
  --quiet       print only problems
  --timings     print how long each stage took
  --strict      check: warnings fail the check too
  --port        dev: the port on 127.0.0.1 (default: 4173)`;

const manuscript = { type: 'string', default: 'manuscript' } as const;
const optionsOf = {
  build: {
    format: { type: 'string', multiple: true },
    manuscript: { type: 'string', multiple: true },
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    timings: { type: 'boolean', default: false },
  },
  check: { manuscript, strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  new: { manuscript },
  dev: { manuscript, port: { type: 'string', default: '4173' } },
} satisfies Record<string, ParseArgsConfig['options']>;

/** Parses `argv` (without node and the script). Throws an Error with a usage message on bad input. */
export function parseCommand(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { name: 'help' };
  const named = argv[0] !== undefined && !argv[0].startsWith('-');
  const name = named ? argv[0]! : 'build';
  if (!Object.hasOwn(optionsOf, name)) throw new Error(`Unknown command "${name}".`);
  const { values, positionals } = parseArgs({
    args: argv.slice(named ? 1 : 0),
    allowPositionals: true,
    options: optionsOf[name as keyof typeof optionsOf] as ParseArgsConfig['options'],
  }) as { values: Record<string, unknown>; positionals: string[] };
  if (name === 'build') return buildCommand(values as unknown as BuildValues, positionals);
  const manuscriptDir = values.manuscript as string;
  switch (name) {
    case 'check': {
      const output = values.format as string;
      if (output !== 'text' && output !== 'json') throw new Error(`Unknown check format "${output}": use text or json.`);
      noPositionals(positionals);
      return { name, manuscriptDir, strict: values.strict as boolean, output };
    }
    case 'new': {
      const [kind, argument, ...rest] = positionals;
      if ((kind !== 'book' && kind !== 'chapter') || !argument || rest.length > 0) {
        throw new Error('Use `new book DIR` or `new chapter "Title"`.');
      }
      return { name, kind, argument, manuscriptDir };
    }
    default: {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad port "${String(values.port)}".`);
      noPositionals(positionals);
      return { name: 'dev', manuscriptDir, port };
    }
  }
}

interface BuildValues {
  format?: string[];
  manuscript?: string[];
  out: string;
  quiet: boolean;
  timings: boolean;
  jobs?: string;
}

/** The build's manuscripts are every `--manuscript` and every argument, in that order. */
function buildCommand(values: BuildValues, positionals: readonly string[]): BuildCommand {
  const manuscripts = [...(values.manuscript ?? []), ...positionals];
  const requested = (values.format ?? []).flatMap((entry) => entry.split(',')).map((entry) => entry.trim().toLowerCase());
  for (const format of requested) {
    if (!(allFormats as readonly string[]).includes(format)) throw new Error(`Unknown format "${format}": use ${allFormats.join(', ')}.`);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new Error(`Bad --jobs "${String(values.jobs)}": use a whole number of at least 1.`);
  return {
    name: 'build',
    books: bookTargets(manuscripts.length > 0 ? manuscripts : ['manuscript'], values.out),
    outDir: values.out,
    formats: requested.length > 0 ? (requested as Format[]) : [...allFormats],
    quiet: values.quiet,
    timings: values.timings,
    jobs,
  };
}

function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new Error(`Unexpected argument "${positionals[0]}".`);
}
