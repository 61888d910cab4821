/**
 * The Chromium every build prints with: what it starts, what it starts for each browser
 * context a part is printed in, and that either of Debian's builds of it makes the same book.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../scripts/browser/launch-browser.ts';
import { openContainedPage } from '../scripts/browser/page-pool.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

test('a browser context opened for printing holds only its page: no omnibox popups are preloaded beside it', async () => {
  const session = await launchBrowser();
  try {
    const { context, page } = await openContainedPage(session.browser, [tempDir()]);
    await page.goto('about:blank');
    const cdp = await session.browser.target().createCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const ours = targetInfos.filter((target) => target.browserContextId === context.id);
    assert.deepEqual(
      ours.map((target) => `${target.type} ${target.url}`),
      ['page about:blank'],
      'each preloaded popup costs a renderer of its own, about half a second of CPU',
    );
    assert.deepEqual(targetInfos.filter((target) => target.url.startsWith('chrome://omnibox-popup')), []);
  } finally {
    await session.close();
  }
});

test('the browser starts with no tab of its own: every page is opened for a part, in a context of its own', async () => {
  const session = await launchBrowser();
  try {
    const cdp = await session.browser.target().createCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    assert.deepEqual(targetInfos.filter((target) => target.type === 'page').map((target) => target.url), [], 'an about:blank tab costs a renderer and the wait for it');
  } finally {
    await session.close();
  }
});

test('a page, once loaded, has one renderer: Chromium starts no spare one beside it', async () => {
  const session = await launchBrowser();
  try {
    const { page } = await openContainedPage(session.browser, [tempDir()]);
    await page.setContent('<p>A page in a context of its own.</p>');
    // Chromium starts a spare renderer just after a page commits: give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const renderers = descendants(session.browser.process()!.pid!).filter((pid) => commandLine(pid).includes('--type=renderer'));
    assert.equal(renderers.length, 1, 'a spare renderer costs a process start that the next page, in another context, cannot use');
  } finally {
    await session.close();
  }
});

/** The processes below `root`, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const pending = [root];
  while (pending.length > 0) for (const child of children.get(pending.pop()!) ?? []) found.push(child), pending.push(child);
  return found;
}

/** A process's command line, or nothing once it has ended. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

test('the headless shell and the full Chromium build the same EPUB and PDF, byte for byte', () => {
  const browsers = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
  for (const browser of browsers) assert.ok(existsSync(browser), `${browser} is installed (apt-get install chromium chromium-headless-shell)`);
  const outs = browsers.map((browser) => {
    const out = tempDir('quire-browser-');
    const run = runCli(['build', '--format', 'epub,pdf', '--quiet', '--manuscript', defaultManuscript, '--out', out], { PUPPETEER_EXECUTABLE_PATH: browser });
    assert.equal(run.status, 0, run.stderr);
    return out;
  });
  const books = readdirSync(outs[0]!).filter((name) => /\.(epub|pdf)$/.test(name)).sort();
  assert.equal(books.length, 2, books.join(', '));
  for (const name of books) assert.ok(readFileSync(path.join(outs[0]!, name)).equals(readFileSync(path.join(outs[1]!, name))), `${name} differs between the two browsers`);
});
