import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';

/**
 * Locks a page down before it loads manuscript content: no JavaScript, and every request
 * refused unless it is a `file:` URL inside one of `allowedDirs`. Nothing reaches the
 * network, and nothing outside the build's own files is read.
 */
export async function containPage(page: Page, allowedDirs: readonly string[]): Promise<void> {
  const roots = allowedDirs.map((dir) => path.resolve(dir) + path.sep);
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('file:')) {
      const file = path.resolve(fileURLToPath(url));
      if (roots.some((root) => file.startsWith(root))) {
        void request.continue();
        return;
      }
    }
    if (url.startsWith('data:')) {
      void request.continue();
      return;
    }
    void request.abort('accessdenied');
  });
}
