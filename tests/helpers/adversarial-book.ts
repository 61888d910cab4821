import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './paths.ts';
import { tempDir } from './run-cli.ts';

/** The adversarial fixture, one chapter per class of attack. */
export const adversarialFixture = path.join(fixturesDir, 'adversarial');

/** A copy of the adversarial book, ready to build. */
export interface AdversarialBook {
  /** The manuscript folder. */
  manuscript: string;
  /** A file outside the manuscript that the book tries to read. */
  secretFile: string;
  /** The text inside `secretFile`: it must appear in no output. */
  secret: string;
  /** Every `KeepNN` marker of the manuscript: text that must survive into every output. */
  keptMarkers: string[];
}

/**
 * Copies the adversarial manuscript into a fresh folder, with `{{PORT}}` replaced by the
 * port of a listener on 127.0.0.1 and `{{SECRET}}` by a file beside (outside) the manuscript.
 */
export function prepareAdversarialBook(port: number): AdversarialBook {
  const root = tempDir('quire-adversarial-');
  const manuscript = path.join(root, 'manuscript');
  cpSync(path.join(adversarialFixture, 'manuscript'), manuscript, { recursive: true });
  const secret = 'TOPSECRET-4f1e9b';
  const secretFile = path.join(root, 'secret.txt');
  writeFileSync(secretFile, `${secret}\n`);
  const keptMarkers = new Set<string>();
  for (const name of readdirSync(manuscript).filter((entry) => entry.endsWith('.md'))) {
    const file = path.join(manuscript, name);
    const text = readFileSync(file, 'utf8').replaceAll('{{PORT}}', String(port)).replaceAll('{{SECRET}}', secretFile);
    writeFileSync(file, text);
    for (const match of text.matchAll(/Keep\d+/g)) keptMarkers.add(match[0]);
  }
  return { manuscript, secretFile, secret, keptMarkers: [...keptMarkers].sort() };
}
