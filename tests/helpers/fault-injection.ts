import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './run-cli.ts';

/** The ids of running processes whose command line contains `text`. */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes(text)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Waits, turn by turn, until `condition` holds; fails after `limitMs` so a test cannot hang. */
export async function eventually(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The staging folders of `outDir` that exist now. */
export function stagingFolders(outDir: string): string[] {
  const prefix = `.${path.basename(outDir)}.staging-`;
  return readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(prefix));
}

/** A stand-in for Chromium that runs the real one and kills or stalls it mid-print (see {@link crashingBrowser}, {@link stallingBrowser}). */
export interface FaultyBrowser {
  /** Point `PUPPETEER_EXECUTABLE_PATH` here. */
  executable: string;
  /** How many times the browser was launched. */
  launches(): number;
  /** Whether a launch has been stalled. */
  stalled(): boolean;
}

/**
 * A stand-in for `chromium` that starts the real one and, for the first `crashes`
 * launches, SIGKILLs it the moment it is told to load a part of a book built into
 * `outDir` (`.print-root/.part-<n>.html` in the build's staging folder), that is, as the book is
 * being laid out or printed.
 */
export function crashingBrowser(chromium: string, outDir: string, crashes: number): FaultyBrowser {
  return faultyBrowser(chromium, outDir, 'kill', crashes);
}

/**
 * A stand-in for `chromium` that starts the real one and stops passing messages between
 * it and the build the moment it is told to load a part of a book built into `outDir`:
 * the build then waits mid-print for as long as a test needs (see `stalled()`).
 */
export function stallingBrowser(chromium: string, outDir: string): FaultyBrowser {
  return faultyBrowser(chromium, outDir, 'stall', 1);
}

/**
 * Writes the stand-in: it sits on the pipe Puppeteer talks to Chromium over
 * (`--remote-debugging-pipe`: commands on fd 3, replies on fd 4) and passes every message
 * on, until a launch among the first `times` is told to load a part; so the fault falls
 * on that command however fast the browser is, rather than on whatever a poll of the
 * file system happens to catch. When the build closes its end, the real browser sees its
 * pipe close as it would without the stand-in.
 */
function faultyBrowser(chromium: string, outDir: string, fault: 'kill' | 'stall', times: number): FaultyBrowser {
  const dir = tempDir('quire-faulty-browser-');
  const counter = path.join(dir, 'launches');
  const stalledMark = path.join(dir, 'stalled');
  const executable = path.join(dir, 'chromium');
  const staging = `/.${path.basename(outDir)}.staging-`;
  writeFileSync(
    executable,
    `#!${process.execPath}
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const counter = ${JSON.stringify(counter)};
const n = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0) + 1;
fs.writeFileSync(counter, String(n));
const child = spawn(${JSON.stringify(chromium)}, process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'pipe'] });
const fromPuppeteer = new net.Socket({ fd: 3, readable: true, writable: false });
const toPuppeteer = new net.Socket({ fd: 4, readable: false, writable: true });
let pending = '';
let stalled = false;
fromPuppeteer.on('data', (chunk) => {
  if (stalled) return;
  if (n <= ${times}) {
    pending += chunk.toString('latin1');
    const messages = pending.split('\\0');
    pending = messages.pop();
    if (messages.some((message) => message.includes('"Page.navigate"') && message.includes(${JSON.stringify(staging)}) && message.includes('/.print-root/.part-'))) {
      if (${JSON.stringify(fault)} === 'kill') {
        child.kill('SIGKILL');
        fromPuppeteer.destroy();
      } else {
        stalled = true;
        fs.writeFileSync(${JSON.stringify(stalledMark)}, '');
      }
      return;
    }
  }
  child.stdio[3].write(chunk);
});
fromPuppeteer.on('end', () => child.stdio[3].end());
child.stdio[4].pipe(toPuppeteer);
child.stdio[3].on('error', () => undefined);
toPuppeteer.on('error', () => undefined);
child.on('exit', (code, signal) => process.exit(signal ? 137 : code ?? 0));
`,
  );
  chmodSync(executable, 0o755);
  return {
    executable,
    launches: () => (existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0),
    stalled: () => existsSync(stalledMark),
  };
}
