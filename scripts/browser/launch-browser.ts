import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { EnvironmentError } from '../diagnostics/errors.ts';
import { ownedPrefix, removeOrphanedFolders } from '../process/orphaned-folders.ts';
import { registerSignalCleanup } from '../process/signal-cleanup.ts';
import { chromiumFlags } from './chromium-flags.ts';
import { resolveBrowser } from './resolve-browser.ts';

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
    // Imported here, not with this module: a build that needs no browser never evaluates Puppeteer.
    const { default: puppeteer } = await import('puppeteer');
    onSpawning?.();
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      // No first tab: every page we print in is a tab of its own browser context, so
      // Puppeteer's about:blank only cost a renderer and the wait for it.
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
