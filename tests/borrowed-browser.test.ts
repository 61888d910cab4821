/** A catalog's Chromium, lent to each book: only the catalog closes it, and one crash starts one fresh browser. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BorrowedBrowser } from '../scripts/browser/borrowed-browser.ts';
import { SharedBrowser } from '../scripts/browser/shared-browser.ts';
import { build } from '../scripts/build/build.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

test("a book's release and close leave the catalog's browser running for the other books; the catalog closes it", async () => {
  const catalog = new SharedBrowser();
  const book = new BorrowedBrowser(catalog);
  const other = new BorrowedBrowser(catalog);
  const session = await book.acquire();
  assert.equal(await other.acquire(), session, 'both books print in one browser');
  await book.expect(1);
  await book.release();
  await book.close();
  assert.equal(session.browser.connected, true);
  await catalog.close();
  assert.equal(session.browser.connected, false);
});

test('after a crash the first book to see it drops the browser; the next, given the same one, leaves the fresh one alone', async () => {
  const catalog = new SharedBrowser();
  const first = new BorrowedBrowser(catalog);
  const second = new BorrowedBrowser(catalog);
  const crashed = await first.acquire();
  await second.acquire();
  await first.dropCrashed();
  assert.equal(crashed.browser.connected, false);
  const fresh = await first.acquire();
  assert.notEqual(fresh, crashed);
  await second.dropCrashed();
  assert.equal(fresh.browser.connected, true, 'the second book did not close the browser the first one started');
  assert.equal(await second.acquire(), fresh);
  await catalog.close();
});

test('a book built in a lent browser leaves no page open in it for the books after it', async () => {
  const catalog = new SharedBrowser();
  try {
    const session = await catalog.acquire();
    const pages = (await session.browser.pages()).length;
    const manuscriptDir = path.join(fixturesDir, 'books/minimal');
    await build({ manuscriptDir, outDir: tempDir(), formats: ['pdf', 'epub'], date: new Date(0), browser: new BorrowedBrowser(catalog) });
    assert.equal(session.browser.connected, true);
    assert.equal((await session.browser.pages()).length, pages);
  } finally {
    await catalog.close();
  }
});
