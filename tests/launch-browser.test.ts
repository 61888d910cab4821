/** The Chromium every build prints with: what it starts, and what it starts for each browser context a part is printed in. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../scripts/browser/launch-browser.ts';
import { openContainedPage } from '../scripts/browser/page-pool.ts';
import { tempDir } from './helpers/run-cli.ts';

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
