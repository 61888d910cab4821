import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { resolveBrowser } from './resolve-browser.ts';

/**
 * Flags that let Chromium run headless in containers and CI without touching the network.
 * `--host-resolver-rules` makes every host name and address unresolvable, IP literals
 * included, so even a connection Chromium opens ahead of a request (an iframe's
 * navigation, say) that request interception would then refuse is never made.
 */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** A running browser with its own throw-away profile. `close()` removes both. */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the resolved Chromium with a fresh `--user-data-dir`. */
export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = await resolveBrowser();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'quire-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...chromiumFlags, `--user-data-dir=${profile}`],
      timeout: 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
