/**
 * `npm run bench`: builds the default book, Moby-Dick and generated books of 250k, 500k
 * and 1M words (skipped with `--quick`), runs the reference commands when they are
 * installed (pandoc to EPUB; Chromium's plain print of pandoc's HTML), and prints
 * wall times, peak memory of the whole process tree, our stage timings, and the ratios the
 * issues set. Every ratio compares runs made in this one invocation, on this machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumFlags } from '../browser/launch-browser.ts';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { generateBook } from './generate-book.ts';
import { measureCommand, type Measurement } from './measure-command.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const moby = path.resolve(root, '../shared/corpora/moby-dick/manuscript');
const work = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-'));
const env = { SOURCE_DATE_EPOCH: '1764000000', QUIRE_CACHE_DIR: path.join(work, 'cache') };

interface Row {
  name: string;
  run: Measurement;
  note?: string;
}
const rows: Row[] = [];

/** Runs our build; `cold` empties the print layout cache first. */
async function ours(name: string, manuscript: string, format: string, cold = true): Promise<Row> {
  const out = path.join(work, `out-${rows.length}`);
  if (cold) rmSync(env.QUIRE_CACHE_DIR, { recursive: true, force: true });
  const run = await measureCommand(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cli.ts'), 'build', '--format', format, '--quiet', '--timings', '--manuscript', manuscript, '--out', out], { cwd: root, env });
  if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
  const stages = [...run.stdout.matchAll(/^timing (\S+) (\d+) ms$/gm)].map((match) => `${match[1]} ${match[2]}`).join(', ');
  const row = { name, run, note: stages };
  rows.push(row);
  return row;
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

const mobyEpub = await ours('Moby-Dick EPUB, cold (ours)', moby, 'epub');
const mobyEpubWarm = await ours('Moby-Dick EPUB, print layout cached (ours)', moby, 'epub', false);
const mobyPdf = await ours('Moby-Dick PDF, cold (ours)', moby, 'pdf');
await ours('Moby-Dick all formats (ours)', moby, 'epub,pdf,html');
await ours('Default book all formats (ours)', path.join(root, 'manuscript'), 'epub,pdf,html');

// Generated books at growing sizes: time should grow no worse than linearly with words.
const quick = process.argv.includes('--quick');
const scale: Array<{ words: number; row: Row }> = [];
for (const words of quick ? [] : [250_000, 500_000, 1_000_000]) {
  const dir = path.join(work, `generated-${words}`);
  generateBook({ dir, words, chapters: Math.round(words / 2500), seed: 1938, vocabularyFrom: path.join(root, 'manuscript') });
  scale.push({ words, row: await ours(`Generated ${words.toLocaleString('en')} words, EPUB + PDF (ours)`, dir, 'epub,pdf') });
}

let pandocEpub: Row | undefined;
let plainPrint: Row | undefined;
const chapters = readdirSync(moby).filter((name) => name.endsWith('.md')).sort();
if (has('pandoc')) {
  const run = await measureCommand('pandoc', ['-f', 'gfm', '--toc', '-t', 'epub3', '--metadata-file', 'book.yaml', '-o', path.join(work, 'pandoc.epub'), ...chapters], { cwd: moby });
  pandocEpub = { name: 'pandoc -f gfm --toc -t epub3 (reference)', run };
  rows.push(pandocEpub);
  const html = path.join(work, 'pandoc.html');
  execFileSync('pandoc', ['-f', 'gfm', '-s', '--toc', '-t', 'html5', '--metadata-file', 'book.yaml', '--metadata', 'title=Moby Dick', '-o', html, ...chapters], { cwd: moby });
  const browser = await resolveBrowser();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-profile-'));
  const print = await measureCommand(browser, [...chromiumFlags, `--user-data-dir=${profile}`, `--print-to-pdf=${path.join(work, 'plain.pdf')}`, `file://${html}`]);
  rmSync(profile, { recursive: true, force: true });
  plainPrint = { name: "Chromium plain print of pandoc's HTML (reference)", run: print };
  rows.push(plainPrint);
}

console.log('\n| run | wall s | peak MB (tree PSS) | our stages (ms) |');
console.log('| --- | ---: | ---: | --- |');
for (const row of rows) console.log(`| ${row.name} | ${seconds(row.run.wallMs)} | ${megabytes(row.run.peakBytes)} | ${row.note ?? ''} |`);
console.log('');
if (pandocEpub) {
  console.log(`EPUB ratio, ours / pandoc: ${(mobyEpub.run.wallMs / pandocEpub.run.wallMs).toFixed(2)} cold, ${(mobyEpubWarm.run.wallMs / pandocEpub.run.wallMs).toFixed(2)} with the print layout cached (target ≤ 0.5)`);
}
if (plainPrint) console.log(`PDF ratio, ours / plain Chromium print: ${(mobyPdf.run.wallMs / plainPrint.run.wallMs).toFixed(2)} (target ≤ 1.5)`);
if (!pandocEpub) console.log('pandoc is not installed: reference runs skipped (apt-get install pandoc).');
for (const { words, row } of scale) {
  console.log(`${words.toLocaleString('en')} words: ${seconds(row.run.wallMs)} s, ${((row.run.wallMs / words) * 1000).toFixed(1)} ms per 1,000 words, peak ${megabytes(row.run.peakBytes)} MB (target ≤ 1536)`);
}
console.log(`Moby-Dick PDF peak memory: ${megabytes(mobyPdf.run.peakBytes)} MB (target ≤ 1536)`);
if (!existsSync(moby)) console.log('(Moby-Dick corpus not found beside the project.)');
rmSync(work, { recursive: true, force: true });
