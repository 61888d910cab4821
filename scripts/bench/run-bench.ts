/**
 * `npm run bench`: builds the default book, Moby-Dick and generated books of 250k, 500k
 * and 1M words (skipped with `--quick`), runs the reference commands when they are
 * installed (pandoc to EPUB; Chromium's plain print of pandoc's HTML), builds 10 copies
 * of the default book as separate commands and as one catalog, and prints wall times,
 * peak memory of the whole process tree, our stage timings, and the ratios the issues
 * set. The two sides of every ratio are measured side by side (see `measureAlternately`):
 * three rounds in which each runs in turn, timed without memory sampling, each side the
 * median of its rounds, so that the machine's drift within the run moves both alike.
 * `--only catalog` runs the catalog rows alone.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumFlags } from '../browser/chromium-flags.ts';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { projectRoot as root } from '../toolchain/toolchain-paths.ts';
import { benchCatalog } from './bench-catalog.ts';
import { generateBook } from './generate-book.ts';
import { measureAlternately, measureCommand, type Contender, type Measurement } from './measure-command.ts';

const moby = path.resolve(root, '../shared/corpora/moby-dick/manuscript');
const work = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-'));
const env = { SOURCE_DATE_EPOCH: '1764000000', QUIRE_CACHE_DIR: path.join(work, 'cache') };

interface Row {
  name: string;
  run: Measurement;
  note?: string;
}
const rows: Row[] = [];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'catalog') throw new Error(`--only ${only}: the only part that runs alone is catalog`);
const runs = (part: 'books' | 'catalog') => only === undefined || only === part;
// Our command as the npm scripts run it, through the launcher; run once first so that no
// measured row includes building its bundle after an edit.
const cli = { command: process.execPath, args: [path.join(root, 'scripts/quire.mjs')], cwd: root };
execFileSync(cli.command, [...cli.args, '--help'], { cwd: cli.cwd, stdio: 'ignore' });

let outputs = 0;

/**
 * Our build as the npm scripts run it, to be measured (see `sideBySide`): `cold` empties
 * the caches before each run; `before` also runs before each.
 */
function ours(manuscript: string, format: string, options: { cold?: boolean; before?: () => void } = {}): Contender {
  const { cold = true } = options;
  const out = path.join(work, `out-${outputs++}`);
  const before = () => {
    if (cold) rmSync(env.QUIRE_CACHE_DIR, { recursive: true, force: true });
    options.before?.();
  };
  return { command: cli.command, args: [...cli.args, 'build', '--format', format, '--quiet', '--timings', '--manuscript', manuscript, '--out', out], options: { cwd: cli.cwd, env, before } };
}

/** How many timed rounds give the wall time of a row that a ratio is taken from (their median). */
const ratioRuns = 3;

/**
 * Measures named commands side by side, `rounds` rounds (see `measureAlternately`), and
 * adds a row for each, with our stage timings when it is ours. The two sides of every
 * ratio are measured in one call, so they run in turn, under the same conditions.
 */
async function sideBySide(named: ReadonlyArray<readonly [string, Contender]>, rounds = ratioRuns): Promise<Row[]> {
  const measured = await measureAlternately(named.map(([, contender]) => contender), rounds);
  return named.map(([name], index) => {
    const run = measured[index];
    if (!run || run.exitCode !== 0) throw new Error(`${name} failed:\n${run?.stderr ?? 'not run: an earlier command failed'}`);
    const stages = [...run.stdout.matchAll(/^timing (\S+) (\d+) ms$/gm)].map((match) => `${match[1]} ${match[2]}`).join(', ');
    const row = { name, run, note: stages || undefined };
    rows.push(row);
    return row;
  });
}

function has(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The launch flags the brief gives for a plain Chromium on this machine. */
const plainPrintFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The reference commands, when pandoc is installed: pandoc to EPUB over Moby-Dick's
 * chapters, and Chromium printing pandoc's HTML of them, as anyone would run it (Debian's
 * full `/usr/bin/chromium` when it is there, with the flags the project's brief gives for
 * this machine), and with the browser and flags our builds use too (the headless shell
 * when it is installed, see `systemBrowserPaths`; our flags turn off the omnibox popups
 * Chromium preloads, see `chromiumFlags`), for comparison. Every print starts from a
 * fresh profile, as ours do.
 */
async function references(): Promise<{ epub: Contender; plainPrint: Contender; plainPrintOurFlags: Contender }> {
  const chapters = readdirSync(moby).filter((name) => name.endsWith('.md')).sort();
  const html = path.join(work, 'pandoc.html');
  execFileSync('pandoc', ['-f', 'gfm', '-s', '--toc', '-t', 'html5', '--metadata-file', 'book.yaml', '--metadata', 'title=Moby Dick', '-o', html, ...chapters], { cwd: moby });
  const browser = await resolveBrowser();
  const plainChromium = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : browser;
  const print = (command: string, flags: readonly string[]): Contender => {
    const profile = path.join(work, `plain-profile-${outputs++}`);
    const freshProfile = () => {
      rmSync(profile, { recursive: true, force: true });
      mkdirSync(profile);
    };
    return { command, args: [...flags, `--user-data-dir=${profile}`, `--print-to-pdf=${path.join(work, 'plain.pdf')}`, `file://${html}`], options: { before: freshProfile } };
  };
  return {
    epub: { command: 'pandoc', args: ['-f', 'gfm', '--toc', '-t', 'epub3', '--metadata-file', 'book.yaml', '-o', path.join(work, 'pandoc.epub'), ...chapters], options: { cwd: moby } },
    plainPrint: print(plainChromium, plainPrintFlags),
    plainPrintOurFlags: print(browser, chromiumFlags),
  };
}

let mobyEpub: Row | undefined;
let mobyEpubWarm: Row | undefined;
let mobyPdf: Row | undefined;
let pandocEpub: Row | undefined;
let plainPrint: Row | undefined;
let plainPrintOurFlags: Row | undefined;
// Incremental: a copy of Moby-Dick built cold, then one chapter edited and built again with
// the caches the cold build left; once as it is, and once with `page-list: none` (an EPUB
// that needs no browser).
const incremental: Array<{ label: string; cold: Row; edited: Row }> = [];
if (runs('books')) {
  const reference = has('pandoc') ? await references() : undefined;
  // Start-up alone: Node, the launcher's check of its bundle, and loading the toolchain.
  rows.push({ name: 'Start-up, --help (ours)', run: await measureCommand(cli.command, [...cli.args, '--help'], { cwd: cli.cwd, env, timedRuns: ratioRuns }) });
  // Each layout-cached run follows a cold one, whose caches it finds.
  [mobyEpub, mobyEpubWarm, pandocEpub] = await sideBySide([
    ['Moby-Dick EPUB, cold (ours)', ours(moby, 'epub')],
    ['Moby-Dick EPUB, print layout cached (ours)', ours(moby, 'epub', { cold: false })],
    ...(reference ? [['pandoc -f gfm --toc -t epub3 (reference)', reference.epub] as const] : []),
  ]);
  [mobyPdf, plainPrint, plainPrintOurFlags] = await sideBySide([
    ['Moby-Dick PDF, cold (ours)', ours(moby, 'pdf')],
    ...(reference
      ? [["Chromium plain print of pandoc's HTML (reference)", reference.plainPrint] as const, ["Chromium plain print of pandoc's HTML, with our browser and flags", reference.plainPrintOurFlags] as const]
      : []),
  ]);
  await sideBySide([['Moby-Dick all formats (ours)', ours(moby, 'epub,pdf,html')]], 1);
  await sideBySide([['Default book all formats (ours)', ours(path.join(root, 'manuscript'), 'epub,pdf,html')]], 1);

  for (const pageList of ['print', 'none']) {
    const copy = path.join(work, `moby-edit-${pageList}`);
    cpSync(moby, copy, { recursive: true });
    if (pageList === 'none') appendFileSync(path.join(copy, 'book.yaml'), '\npage-list: none\n');
    const label = `page-list: ${pageList}`;
    const chapter = readdirSync(copy).filter((name) => name.endsWith('.md')).sort()[40]!;
    // Each edited run edits the chapter again, after a cold run: it finds the caches warm for every chapter but it.
    let edits = 0;
    const edit = () => appendFileSync(path.join(copy, chapter), `\nParagraph ${++edits}, added after the first build, so that this chapter alone changed.\n`);
    const [cold, edited] = await sideBySide([
      [`Moby-Dick EPUB, ${label}, copy built cold (ours)`, ours(copy, 'epub')],
      [`Moby-Dick EPUB, ${label}, after editing ${chapter}, caches warm (ours)`, ours(copy, 'epub', { cold: false, before: edit })],
    ]);
    incremental.push({ label, cold: cold!, edited: edited! });
  }
}

// Generated books at growing sizes: time should grow no worse than linearly with words.
const quick = process.argv.includes('--quick');
const scale: Array<{ words: number; row: Row }> = [];
for (const words of quick || !runs('books') ? [] : [250_000, 500_000, 1_000_000]) {
  const dir = path.join(work, `generated-${words}`);
  generateBook({ dir, words, chapters: Math.round(words / 2500), seed: 1938, vocabularyFrom: path.join(root, 'manuscript') });
  const [row] = await sideBySide([[`Generated ${words.toLocaleString('en')} words, EPUB + PDF (ours)`, ours(dir, 'epub,pdf')]], 1);
  scale.push({ words, row: row! });
}

// Issue 7: a catalog of 10 copies of the default book in one command, against 10 commands.
const catalog = runs('catalog')
  ? await benchCatalog({ manuscript: path.join(root, 'manuscript'), copies: 10, work, build: cli, env, jobs: [os.availableParallelism(), 1] })
  : undefined;
for (const { name, run, stages } of catalog ? [catalog.separate, ...catalog.catalogs] : []) {
  rows.push({ name, run, note: `summed over books: ${[...stages].map(([stage, ms]) => `${stage} ${ms}`).join(', ')}` });
}

console.log('\n| run | wall s | peak MB (tree PSS) | our stages (ms) |');
console.log('| --- | ---: | ---: | --- |');
for (const row of rows) console.log(`| ${row.name} | ${seconds(row.run.wallMs)} | ${megabytes(row.run.peakBytes)} | ${row.note ?? ''} |`);
console.log('');
if (pandocEpub && mobyEpub && mobyEpubWarm) {
  console.log(`EPUB ratio, ours / pandoc: ${(mobyEpub.run.wallMs / pandocEpub.run.wallMs).toFixed(2)} cold, ${(mobyEpubWarm.run.wallMs / pandocEpub.run.wallMs).toFixed(2)} with the print layout cached (target ≤ 0.5)`);
}
for (const { label, cold, edited } of incremental) {
  const versusPandoc = pandocEpub ? `; cold EPUB / pandoc ${(cold.run.wallMs / pandocEpub.run.wallMs).toFixed(2)} (target ≤ 0.5)` : '';
  console.log(`Incremental ratio (${label}), EPUB after a one-chapter edit / cold: ${(edited.run.wallMs / cold.run.wallMs).toFixed(2)} (target ≤ 0.3)${versusPandoc}`);
}
if (plainPrint && mobyPdf) console.log(`PDF ratio, ours / plain Chromium print: ${(mobyPdf.run.wallMs / plainPrint.run.wallMs).toFixed(2)} (target ≤ 1.5)`);
if (plainPrintOurFlags && mobyPdf) console.log(`PDF ratio, ours / plain print with our browser and flags: ${(mobyPdf.run.wallMs / plainPrintOurFlags.run.wallMs).toFixed(2)}`);
if (runs('books') && !pandocEpub) console.log('pandoc is not installed: reference runs skipped (apt-get install pandoc).');
for (const { words, row } of scale) {
  console.log(`${words.toLocaleString('en')} words: ${seconds(row.run.wallMs)} s, ${((row.run.wallMs / words) * 1000).toFixed(1)} ms per 1,000 words, peak ${megabytes(row.run.peakBytes)} MB (target ≤ 1536)`);
}
if (mobyPdf) console.log(`Moby-Dick PDF peak memory: ${megabytes(mobyPdf.run.peakBytes)} MB (target ≤ 1536)`);
if (catalog) {
  for (const { name, run } of catalog.catalogs) {
    console.log(`Catalog ratio, 10 separate builds / ${name.replace(/^.*, one catalog build, /, 'one catalog, ').replace(/ \(ours\)$/, '')}: ${(catalog.separate.run.wallMs / run.wallMs).toFixed(2)}× (${seconds(catalog.separate.run.wallMs)} s / ${seconds(run.wallMs)} s; target ≥ 2), peak ${megabytes(run.peakBytes)} MB against ${megabytes(catalog.separate.run.peakBytes)} MB for one separate build`);
  }
}
if (runs('books') && !existsSync(moby)) console.log('(Moby-Dick corpus not found beside the project.)');
rmSync(work, { recursive: true, force: true });
