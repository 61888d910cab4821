import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveBrowser } from '../../scripts/browser/resolve-browser.ts';
import { projectRoot } from './paths.ts';
import { tempDir } from './run-cli.ts';

/** One violation Ace reported: its rule, impact and the document it is in. */
export interface AceViolation {
  rule: string;
  impact: string;
  document: string;
  description: string;
}

/** Runs Ace by DAISY (`ace-puppeteer`, on the same Chromium as the build) and returns its violations. */
export async function runAce(epub: string): Promise<AceViolation[]> {
  const out = tempDir('quire-ace-');
  const run = spawnSync(path.join(projectRoot, 'node_modules/.bin/ace-puppeteer'), ['--force', '--silent', '--outdir', out, epub], {
    encoding: 'utf8',
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: await resolveBrowser() },
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`Ace did not run:\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const violations: AceViolation[] = [];
  for (const document of report.assertions ?? []) {
    for (const assertion of document.assertions ?? []) {
      violations.push({
        rule: assertion['earl:test']['dct:title'],
        impact: assertion['earl:test']['earl:impact'],
        document: document['earl:testSubject']?.url,
        description: assertion['earl:result']?.['dct:description'],
      });
    }
  }
  return violations;
}
