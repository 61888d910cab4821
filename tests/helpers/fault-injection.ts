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

/**
 * True once a build into `outDir` has written the document of a part of the book to lay
 * out and print (`html/.part-<n>.html`, removed once printed): the book is in Chromium.
 */
export function printing(outDir: string): boolean {
  return stagingFolders(outDir).some((name) => existsSync(path.join(path.dirname(outDir), name, 'html/.part-0.html')));
}

/** A stand-in for Chromium that runs the real one and kills it mid-print. */
export interface CrashingBrowser {
  /** Point `PUPPETEER_EXECUTABLE_PATH` here. */
  executable: string;
  /** How many times the browser was launched. */
  launches(): number;
}

/**
 * Writes a wrapper script that starts the real `chromium` and, for the first `crashes`
 * launches, SIGKILLs it as soon as a build into `outDir` writes a part's document after
 * that launch, that is, while the book is being laid out or printed.
 */
export function crashingBrowser(chromium: string, outDir: string, crashes: number): CrashingBrowser {
  const dir = tempDir('quire-crashing-browser-');
  const counter = path.join(dir, 'launches');
  const executable = path.join(dir, 'chromium');
  const staged = `${path.dirname(outDir)}/.${path.basename(outDir)}.staging-*/html/.part-*.html`;
  writeFileSync(
    executable,
    `#!/bin/sh
n=$(( $(cat '${counter}' 2>/dev/null || echo 0) + 1 ))
echo $n > '${counter}'
touch '${dir}/launch-'$n
'${chromium}' "$@" &
pid=$!
if [ $n -le ${crashes} ]; then
  ( while [ -z "$(find ${staged} -newer '${dir}/launch-'$n 2>/dev/null)" ]; do sleep 0.05; done; kill -9 $pid ) &
fi
wait $pid
`,
  );
  chmodSync(executable, 0o755);
  return { executable, launches: () => (existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0) };
}
