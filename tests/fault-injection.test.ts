/**
 * Failures leave the output folder exactly as it was, with no staging folder, no browser
 * profile and no browser process left behind: Chromium killed mid-print (retried once),
 * the build itself killed by SIGKILL or stopped by Ctrl-C, a write that fails, a print
 * that takes too long, and two builds into the same folder at once.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { resolveBrowser } from '../scripts/browser/resolve-browser.ts';
import { crashingBrowser, eventually, processesMentioning, stagingFolders, stallingBrowser } from './helpers/fault-injection.ts';
import { fixturesDir, projectRoot } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { launcherEntry, runCli, runCliAsync, tempDir } from './helpers/run-cli.ts';

const manuscript = path.join(fixturesDir, 'books/minimal');

/** An output folder holding an earlier build's file, and a private temporary folder. */
function setUp(): { out: string; tmp: string } {
  const out = path.join(tempDir(), 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'earlier.txt'), 'an earlier build\n');
  return { out, tmp: tempDir('quire-tmp-') };
}

/** The output folder is as it was, and nothing of the build is left: files or processes. */
async function assertNothingLeft(out: string, tmp: string): Promise<void> {
  assert.deepEqual(readdirSync(out), ['earlier.txt'], 'the output folder is unchanged');
  assert.deepEqual(stagingFolders(out), [], 'no staging folder is left');
  await eventually(() => processesMentioning(tmp).length === 0, 'every browser process has exited');
  assert.deepEqual(leftIn(tmp), [], 'no browser profile or temporary file is left');
}

/** What a build left in its temporary folder. */
function leftIn(tmp: string): string[] {
  return readdirSync(tmp);
}

test('Chromium killed mid-print twice: exit 4 after one retry, nothing written or left running', async () => {
  const { out, tmp } = setUp();
  const browser = crashingBrowser(await resolveBrowser(), out, 99);
  const run = await runCliAsync(['build', '--manuscript', manuscript, '--out', out], { PUPPETEER_EXECUTABLE_PATH: browser.executable, TMPDIR: tmp });
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /error: Chromium stopped while printing the PDF/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(browser.launches(), 2, 'the print was retried once in a fresh browser');
  await assertNothingLeft(out, tmp);
});

test('Chromium killed mid-print once: the retry prints the book', async () => {
  const { out, tmp } = setUp();
  const browser = crashingBrowser(await resolveBrowser(), out, 1);
  const run = await runCliAsync(['build', '--format', 'pdf', '--manuscript', manuscript, '--out', out], { PUPPETEER_EXECUTABLE_PATH: browser.executable, TMPDIR: tmp });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Chromium stopped while printing the PDF: .*; printing once more/);
  assert.equal(browser.launches(), 2);
  assert.deepEqual(readdirSync(out).sort(), ['a-minimal-book.pdf', 'earlier.txt']);
  await eventually(() => processesMentioning(tmp).length === 0, 'every browser process has exited');
  assert.deepEqual(leftIn(tmp), []);
});

for (const signal of ['SIGKILL', 'SIGINT'] as const) {
  test(`the build stopped by ${signal} mid-print leaves the output folder as it was`, async () => {
    const { out, tmp } = setUp();
    const browser = stallingBrowser(await resolveBrowser(), out);
    const child = spawn(process.execPath, [...launcherEntry, 'build', '--manuscript', manuscript, '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, TMPDIR: tmp, PUPPETEER_EXECUTABLE_PATH: browser.executable },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code, killedBy) => resolve(code ?? (killedBy === 'SIGKILL' ? 137 : null))));
    await eventually(() => browser.stalled(), 'the build is printing');
    child.kill(signal);
    assert.equal(await exited, signal === 'SIGKILL' ? 137 : 130);
    assert.deepEqual(readdirSync(out), ['earlier.txt'], 'the output folder is unchanged');
    // Chromium talks over a pipe: it exits by itself when the build dies, even by SIGKILL.
    await eventually(() => processesMentioning(tmp).length === 0, 'every browser process has exited');
    if (signal === 'SIGINT') {
      await assertNothingLeft(out, tmp);
      return;
    }
    // A killed process cleans nothing; the next build removes what it left.
    assert.equal(stagingFolders(out).length, 1, 'the killed build left its staging folder');
    const next = runCli(['build', '--format', 'pdf', '--quiet', '--manuscript', manuscript, '--out', out], { TMPDIR: tmp });
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(stagingFolders(out), [], 'the next build removed the stale staging folder');
    assert.deepEqual(leftIn(tmp), [], 'and the stale browser profile');
    assert.deepEqual(readdirSync(out).sort(), ['a-minimal-book.pdf', 'earlier.txt']);
  });
}

test('a write that fails (a full disk) is a clear error and leaves nothing', async (t) => {
  // A 64 kB tmpfs (the machines of this project run as root): the web edition's fonts do not fit.
  const disk = tempDir('quire-full-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
  t.after(() => execFileSync('umount', [disk]));
  const out = path.join(disk, 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'earlier.txt'), 'an earlier build\n');
  const tmp = tempDir('quire-tmp-');
  const run = await runCliAsync(['build', '--format', 'epub,html', '--manuscript', manuscript, '--out', out], { TMPDIR: tmp });
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /error: Could not write the outputs for .*dist: ENOSPC/);
  assert.match(run.stderr, /build failed: nothing was written/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  await assertNothingLeft(out, tmp);
});

test('a print that takes longer than QUIRE_PRINT_TIMEOUT fails clearly; a bad value is refused', async () => {
  const { out, tmp } = setUp();
  const slow = await runCliAsync(['build', '--format', 'pdf', '--manuscript', manuscript, '--out', out], { QUIRE_PRINT_TIMEOUT: '0.001', TMPDIR: tmp });
  assert.equal(slow.status, 4, slow.stderr);
  assert.match(slow.stderr, /error: Chromium did not finish printing within 0\.001 s .*set QUIRE_PRINT_TIMEOUT/);
  await assertNothingLeft(out, tmp);
  const bad = runCli(['build', '--format', 'pdf', '--manuscript', manuscript, '--out', out], { QUIRE_PRINT_TIMEOUT: 'soon', TMPDIR: tmp });
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /QUIRE_PRINT_TIMEOUT must be a number of seconds/);
  await assertNothingLeft(out, tmp);
});

test('two builds into the same folder at once: the last to finish wins, whole', async () => {
  const out = path.join(tempDir(), 'dist');
  const books = ['first', 'second'].map((name) => {
    const copy = path.join(tempDir(), name);
    cpSync(manuscript, copy, { recursive: true });
    const chapter = path.join(copy, '02-closing.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\nBuilt by the ${name} build.\n`);
    return copy;
  });
  for (let round = 0; round < 3; round++) {
    const runs = await Promise.all(books.map((book) => runCliAsync(['build', '--format', 'epub,html', '--quiet', '--manuscript', book, '--out', out])));
    for (const run of runs) assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(path.join(out, 'html/02-closing.html'), 'utf8');
    const epub = await (await readEpub(path.join(out, 'a-minimal-book.epub'))).text('OEBPS/02-closing.xhtml');
    const builtBy = (text: string) => /Built by the (\w+) build/.exec(text)?.[1];
    assert.ok(builtBy(html), 'the web edition is whole');
    assert.equal(builtBy(epub), builtBy(html), 'the EPUB and the web edition come from the same build');
    assert.deepEqual(readdirSync(out).sort(), ['a-minimal-book.epub', 'html']);
    assert.deepEqual(readdirSync(path.dirname(out)).sort(), ['dist'], 'no staging folder or lock is left');
  }
});
