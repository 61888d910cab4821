import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { EnvironmentError } from '../diagnostics/errors.ts';
import { ownedPrefix, removeOrphanedFolders } from '../process/orphaned-folders.ts';
import { registerSignalCleanup } from '../process/signal-cleanup.ts';
import { resolveBrowser } from './resolve-browser.ts';

/**
 * Flags that let Chromium run headless in containers and CI without touching the network.
 * `--host-resolver-rules` makes every host name and address unresolvable, IP literals
 * included, so even a connection Chromium opens ahead of a request (an iframe's
 * navigation, say) that request interception would then refuse is never made. The first
 * two features turned off make Chromium 15x preload the omnibox's popups, in a renderer of
 * their own, for every browser context (every part of a book is printed in one): about
 * half a second of CPU each, which on two cores is time taken from the parse and the
 * print. Puppeteer turns them off by default from its PR #15278, which is not in 24.x.
 * The third makes Chromium start a spare renderer after each page it opens, for the next
 * one; but the next page is in a context of its own, which cannot use it (ten copies of
 * the default book as one catalog: 28 renderers, 8.4 s; without spares, 10 and 7.5 s).
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
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
];

const profilePrefix = 'quire-chromium-';

/** A running browser with its own throw-away profile. `close()` removes both. */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the resolved Chromium with a fresh `--user-data-dir`. It talks to us over a pipe,
 * so it exits by itself when this process dies, even by SIGKILL; on a signal the browser's
 * process group is killed and its profile removed before we exit. Profiles that killed
 * builds left in the temporary folder (`quire-chromium-<pid>-*`) are removed first.
 * `onSpawning` is called once Puppeteer is loaded and starts the process.
 */
export async function launchBrowser(onSpawning?: () => void): Promise<BrowserSession> {
  const executablePath = await resolveBrowser();
  await removeOrphanedFolders(os.tmpdir(), profilePrefix);
  const profile = await mkdtemp(path.join(os.tmpdir(), ownedPrefix(profilePrefix)));
  let pid: number | undefined;
  const unregister = registerSignalCleanup(() => {
    if (pid) killGroup(pid);
    rmSync(profile, { recursive: true, force: true });
  });
  const temporary = path.join(profile, 'tmp');
  let browser: Browser;
  try {
    await mkdir(temporary);
    // Loaded here, not with this module: a build that needs no browser never loads Puppeteer (0.2 s).
    const { default: puppeteer } = await import('puppeteer');
    onSpawning?.();
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      // No first tab: every page we print in is a tab of its own browser context, so
      // Puppeteer's about:blank only cost a renderer and the wait for it (about 0.1 s).
      ignoreDefaultArgs: ['about:blank'],
      waitForInitialPage: false,
      // Chromium's own temporary files go inside the profile, removed with it.
      env: { ...process.env, TMPDIR: temporary },
      args: [...chromiumFlags, '--no-startup-window', `--user-data-dir=${profile}`],
      timeout: 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    unregister();
    throw new EnvironmentError(`Chromium (${executablePath}) could not be started: ${(error as Error).message}`);
  }
  pid = browser.process()?.pid;
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      // A crashed browser may leave helpers behind; make sure none outlive the build.
      if (pid) killGroup(pid);
      await rm(profile, { recursive: true, force: true });
      unregister();
    },
  };
}

/** Kills Chromium and its helper processes (Puppeteer starts it as a process group leader). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
