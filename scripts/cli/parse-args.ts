import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allFormats, type Format } from '../build.ts';

/** `quire build`: render the manuscript into the output folder. */
export interface BuildCommand {
  name: 'build';
  manuscriptDir: string;
  outDir: string;
  formats: Format[];
  quiet: boolean;
  /** Print how long each stage took. */
  timings: boolean;
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
       quire check [--manuscript DIR] [--strict] [--format json]
       quire new book DIR
       quire new chapter "Title" [--manuscript DIR]
       quire dev [--manuscript DIR] [--port N]

  --format      build: formats to build, comma-separated or repeated (default: all)
                check: text (default) or json
  --manuscript  the manuscript folder, with book.yaml (default: manuscript)
  --out         the output folder (default: dist)
  --quiet       print only problems
  --timings     print how long each stage took
  --strict      check: warnings fail the check too
  --port        dev: the port on 127.0.0.1 (default: 4173)`;

const manuscript = { type: 'string', default: 'manuscript' } as const;
const optionsOf = {
  build: {
    format: { type: 'string', multiple: true },
    manuscript,
    out: { type: 'string', default: 'dist' },
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
    case 'dev': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad port "${String(values.port)}".`);
      noPositionals(positionals);
      return { name, manuscriptDir, port };
    }
    default:
      noPositionals(positionals);
      return buildCommand(values as { format?: string[]; out: string; quiet: boolean; timings: boolean }, manuscriptDir);
  }
}

function buildCommand(values: { format?: string[]; out: string; quiet: boolean; timings: boolean }, manuscriptDir: string): BuildCommand {
  const requested = (values.format ?? []).flatMap((entry) => entry.split(',')).map((entry) => entry.trim().toLowerCase());
  for (const format of requested) {
    if (!(allFormats as readonly string[]).includes(format)) throw new Error(`Unknown format "${format}": use ${allFormats.join(', ')}.`);
  }
  return {
    name: 'build',
    manuscriptDir,
    outDir: values.out,
    formats: requested.length > 0 ? (requested as Format[]) : [...allFormats],
    quiet: values.quiet,
    timings: values.timings,
  };
}

function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new Error(`Unexpected argument "${positionals[0]}".`);
}
