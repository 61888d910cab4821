import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { EpubCheck } from '@likecoin/epubcheck-ts';

/** Counts of one validator's findings, and the findings themselves. */
export interface Validation {
  errors: number;
  warnings: number;
  report: string;
}

/** Validates with `@likecoin/epubcheck-ts`, the pure-JS EPUBCheck port. */
export async function epubcheckTs(file: string): Promise<Validation> {
  const result = await EpubCheck.validate(new Uint8Array(await readFile(file)));
  const report = result.messages
    .filter((message) => message.severity !== 'info' && message.severity !== 'usage')
    .map((message) => `${message.severity} ${message.id}: ${message.message} ${JSON.stringify(message.location ?? {})}`)
    .join('\n');
  return { errors: result.errorCount + result.fatalCount, warnings: result.warningCount, report };
}

/** Validates with Debian's EPUBCheck 4.2.6 (`apt-get install epubcheck`), run through Java. */
export function epubcheckJava(file: string): Validation {
  const run = spawnSync('java', ['-jar', '/usr/bin/epubcheck', file], { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  const report = `${run.stdout}\n${run.stderr}`;
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(report);
  if (!counts) throw new Error(`EPUBCheck did not run (is the epubcheck package installed?):\n${report}`);
  return { errors: Number(counts[1]) + Number(counts[2]), warnings: Number(counts[3]), report };
}

/**
 * A validator's findings grouped by message id (`ERROR RSC-005`, `error HTM-003`), each
 * with its count and its first message cut to `width` characters: a short account of a
 * report that may hold thousands of lines.
 */
export function findingsById(report: string, width = 240): Map<string, { count: number; first: string }> {
  const findings = new Map<string, { count: number; first: string }>();
  for (const line of report.split('\n')) {
    const match = /^(ERROR|FATAL|WARNING|error|fatal|warning)[ (]([A-Z]+-\d+[a-z]?)\)?:?\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    const key = `${match[1]} ${match[2]}`;
    const seen = findings.get(key);
    if (seen) seen.count++;
    else findings.set(key, { count: 1, first: match[3]!.slice(0, width) });
  }
  return findings;
}
