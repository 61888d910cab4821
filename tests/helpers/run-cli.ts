import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/** What a run of the command line printed and returned. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Node's arguments before the command's own that start the command line as the npm scripts do: the launcher, which runs the bundle. */
export const launcherEntry: readonly string[] = [path.join(projectRoot, 'scripts/quire.mjs')];

/** Node's arguments that start the command line from its TypeScript sources through tsx, as the launcher does not; to compare the two. */
export const sourceEntry: readonly string[] = ['--import', 'tsx', path.join(projectRoot, 'scripts/cli.ts')];

/**
 * Runs the command line in a child process, as a user would through npm (`entry` says
 * how it starts; the launcher unless told). Each run gets an empty layout cache unless
 * `env` names one, so every build measures its print layout.
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, entry = launcherEntry): CliRun {
  const result = spawnSync(process.execPath, [...entry, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764000000', QUIRE_CACHE_DIR: tempDir('quire-cache-'), ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh empty folder under the system's temporary folder. */
export function tempDir(prefix = 'quire-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs the command line through the launcher in a child process without blocking this
 * one, so servers in the test (a TCP listener, say) keep answering while the build runs.
 */
export function runCliAsync(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...launcherEntry, ...args], {
      cwd: projectRoot,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1764000000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
