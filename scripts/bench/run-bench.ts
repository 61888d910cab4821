/**
 * `npm run bench`: builds the default book, Moby-Dick and generated books of 250k, 500k
 * and 1M words (skipped with `--quick`), runs the reference commands when they are
 * installed (pandoc to EPUB; Chromium's plain print of pandoc's HTML), builds 10 copies
 * of the default book as separate commands and as one catalog, and prints wall times,
 * peak memory of the whole process tree, our stage timings, and the ratios the issues
 * set. Every ratio compares runs made in this one invocation, on this machine, each side
 * timed without memory sampling (see `measureCommand`), the median of three runs.
 * `--only catalog` runs the catalog rows alone.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumFlags } from '../browser/launch-browser.ts';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { projectRoot as root } from '../toolchain-paths.ts';
import { benchCatalog } from './bench-catalog.ts';
import { generateBook } from './generate-book.ts';
import { measureCommand, type Measurement } from './measure-command.ts';

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

/**
 * Runs our build (see `measureCommand`): once sampling memory, then `timedRuns` more for
 * the wall time. `cold` empties the caches before each run; `before` also runs before each.
 */
async function ours(name: string, manuscript: string, format: string, options: { cold?: boolean; timedRuns?: number; before?: () => void } = {}): Promise<Row> {
  const { cold = true, timedRuns = 1 } = options;
  const out = path.join(work, `out-${rows.length}`);
  const before = () => {
    if (cold) rmSync(env.QUIRE_CACHE_DIR, { recursive: true, force: true });
    options.before?.();
  };
  const run = await measureCommand(cli.command, [...cli.args, 'build', '--format', format, '--quiet', '--timings', '--manuscript', manuscript, '--out', out], { cwd: cli.cwd, env, before, timedRuns });
  if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
  const stages = [...run.stdout.matchAll(/^timing (\S+) (\d+) ms$/gm)].map((match) => `${match[1]} ${match[2]}`).join(', ');
  const row = { name, run, note: stages };
  rows.push(row);
  return row;
}

/** How many unwatched runs give the wall time of a row that a ratio is taken from (their median). */
const ratioRuns = 3;

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

let mobyEpub: Row | undefined;
let mobyEpubWarm: Row | undefined;
let mobyPdf: Row | undefined;
if (runs('books')) {
  // Start-up alone: Node, the launcher's check of its bundle, and loading the toolchain.
  rows.push({ name: 'Start-up, --help (ours)', run: await measureCommand(cli.command, [...cli.args, '--help'], { cwd: cli.cwd, env, timedRuns: ratioRuns }) });
  mobyEpub = await ours('Moby-Dick EPUB, cold (ours)', moby, 'epub', { timedRuns: ratioRuns });
  mobyEpubWarm = await ours('Moby-Dick EPUB, print layout cached (ours)', moby, 'epub', { cold: false, timedRuns: ratioRuns });
  mobyPdf = await ours('Moby-Dick PDF, cold (ours)', moby, 'pdf', { timedRuns: ratioRuns });
  await ours('Moby-Dick all formats (ours)', moby, 'epub,pdf,html');
  await ours('Default book all formats (ours)', path.join(root, 'manuscript'), 'epub,pdf,html');
}

// Incremental: a copy of Moby-Dick built cold, one chapter edited, built again with the
// caches warm; once as it is, and once with `page-list: none` (an EPUB that needs no browser).
const incremental: Array<{ label: string; cold: Row; edited: Row }> = [];
for (const pageList of runs('books') ? ['print', 'none'] : []) {
  const copy = path.join(work, `moby-edit-${pageList}`);
  cpSync(moby, copy, { recursive: true });
  if (pageList === 'none') appendFileSync(path.join(copy, 'book.yaml'), '\npage-list: none\n');
  const label = `page-list: ${pageList}`;
  const cold = await ours(`Moby-Dick EPUB, ${label}, copy built cold (ours)`, copy, 'epub', { timedRuns: ratioRuns });
  const chapter = readdirSync(copy).filter((name) => name.endsWith('.md')).sort()[40]!;
  // Each run edits the chapter again, so each finds the caches warm for every chapter but it.
  let edits = 0;
  const edit = () => appendFileSync(path.join(copy, chapter), `\nParagraph ${++edits}, added after the first build, so that this chapter alone changed.\n`);
  const edited = await ours(`Moby-Dick EPUB, ${label}, after editing ${chapter}, caches warm (ours)`, copy, 'epub', { cold: false, before: edit, timedRuns: ratioRuns });
  incremental.push({ label, cold, edited });
}

// Generated books at growing sizes: time should grow no worse than linearly with words.
const quick = process.argv.includes('--quick');
const scale: Array<{ words: number; row: Row }> = [];
for (const words of quick || !runs('books') ? [] : [250_000, 500_000, 1_000_000]) {
  const dir = path.join(work, `generated-${words}`);
  generateBook({ dir, words, chapters: Math.round(words / 2500), seed: 1938, vocabularyFrom: path.join(root, 'manuscript') });
  scale.push({ words, row: await ours(`Generated ${words.toLocaleString('en')} words, EPUB + PDF (ours)`, dir, 'epub,pdf') });
}

let pandocEpub: Row | undefined;
let plainPrint: Row | undefined;
let plainPrintOurFlags: Row | undefined;
/** The launch flags the brief gives for a plain Chromium on this machine. */
const plainPrintFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const chapters = readdirSync(moby).filter((name) => name.endsWith('.md')).sort();
if (runs('books') && has('pandoc')) {
  const run = await measureCommand('pandoc', ['-f', 'gfm', '--toc', '-t', 'epub3', '--metadata-file', 'book.yaml', '-o', path.join(work, 'pandoc.epub'), ...chapters], { cwd: moby, timedRuns: ratioRuns });
  pandocEpub = { name: 'pandoc -f gfm --toc -t epub3 (reference)', run };
  rows.push(pandocEpub);
  const html = path.join(work, 'pandoc.html');
  execFileSync('pandoc', ['-f', 'gfm', '-s', '--toc', '-t', 'html5', '--metadata-file', 'book.yaml', '--metadata', 'title=Moby Dick', '-o', html, ...chapters], { cwd: moby });
  const browser = await resolveBrowser();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-profile-'));
  // Every run starts from a fresh profile, as ours do.
  const freshProfile = () => {
    rmSync(profile, { recursive: true, force: true });
    mkdirSync(profile);
  };
  const printWith = (flags: readonly string[]) =>
    measureCommand(browser, [...flags, `--user-data-dir=${profile}`, `--print-to-pdf=${path.join(work, 'plain.pdf')}`, `file://${html}`], { before: freshProfile, timedRuns: ratioRuns });
  // The reference is Chromium as anyone would run it, with the flags the project's brief
  // gives for this machine; the second row gives the plain print our own flags too, which
  // turn off the omnibox popups Chromium preloads (see `chromiumFlags`), for comparison.
  plainPrint = { name: "Chromium plain print of pandoc's HTML (reference)", run: await printWith(plainPrintFlags) };
  rows.push(plainPrint);
  plainPrintOurFlags = { name: "Chromium plain print of pandoc's HTML, with our Chromium flags", run: await printWith(chromiumFlags) };
  rows.push(plainPrintOurFlags);
  rmSync(profile, { recursive: true, force: true });
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
if (plainPrintOurFlags && mobyPdf) console.log(`PDF ratio, ours / plain Chromium print with our flags: ${(mobyPdf.run.wallMs / plainPrintOurFlags.run.wallMs).toFixed(2)}`);
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
