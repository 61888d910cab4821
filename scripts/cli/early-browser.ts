import type { Format } from '../output/formats.ts';
import { needsBrowser } from '../renderers/browser-needs.ts';
import { SharedBrowser } from '../browser/shared-browser.ts';
import { loadConfig } from '../config/load-config.ts';

/**
 * Starts Chromium for a build of `formats` from `manuscriptDir` before the build's own
 * modules load, when the book will need it (see `needsBrowser`): its
 * start-up, about a second, then overlaps Node loading the toolchain as well as the
 * parse. Reads only `book.yaml` for that; a book whose config cannot be read starts
 * nothing here, and the build reports why.
 */
export async function startBrowserEarly(manuscriptDir: string, formats: readonly Format[]): Promise<SharedBrowser | undefined> {
  const { config } = await loadConfig(manuscriptDir).catch(() => ({ config: undefined }));
  const wanted = new Set(formats);
  if (!config || !needsBrowser(wanted, config)) return undefined;
  const browser = new SharedBrowser();
  browser.warm();
  // Puppeteer is evaluated before the rest of the toolchain, not beside it, so Chromium
  // boots on the other core while Node evaluates the build: an EPUB rebuilt after an edit,
  // which waits on Chromium, is ready sooner; a cold build, which waits on Node, is not later.
  await browser.spawned();
  return browser;
}
