import { existsSync } from 'node:fs';
import { EnvironmentError } from '../diagnostics/errors.ts';

/**
 * Where browsers usually live, in the order they are tried after Puppeteer's own cache.
 * Debian's `chromium-headless-shell` comes first: the same Chromium release built as
 * headless only, it starts a page on a fraction of the CPU the full browser
 * (`/usr/bin/chromium`) takes, which is most of an EPUB rebuild after an edit (see
 * docs/performance.md, 'Figures behind the design'). With
 * `--font-render-hinting=none` (see `chromiumFlags`) the two lay out and print the same
 * bytes; a test holds them to it.
 */
export const systemBrowserPaths: readonly string[] = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * The Chromium to print with: `PUPPETEER_EXECUTABLE_PATH`, then the browser in Puppeteer's
 * cache, then the usual system paths. Throws an {@link EnvironmentError} that says how to
 * install one when none is found.
 */
export async function resolveBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new EnvironmentError(`PUPPETEER_EXECUTABLE_PATH is set to ${configured}, but no file is there.`);
  }
  const cached = await puppeteerCachedBrowser();
  if (cached) return cached;
  const system = systemBrowserPaths.find((candidate) => existsSync(candidate));
  if (system) return system;
  throw new EnvironmentError(
    [
      'No Chromium found to render the PDF. Install one, then build again:',
      '  Debian/Ubuntu: sudo apt-get install chromium-headless-shell (or chromium)',
      '  macOS:         brew install --cask chromium',
      '  or point PUPPETEER_EXECUTABLE_PATH at any Chrome or Chromium binary.',
    ].join('\n'),
  );
}

async function puppeteerCachedBrowser(): Promise<string | undefined> {
  try {
    const { default: puppeteer } = await import('puppeteer');
    const candidate = puppeteer.executablePath();
    return candidate && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
