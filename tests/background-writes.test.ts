/**
 * Cache writes in the background: a few at a time, yet `settled` waits for every one
 * started, queued ones included, and a write that fails only leaves its entry out.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BackgroundWrites } from '../scripts/cache/background-writes.ts';
import { tempDir } from './helpers/run-cli.ts';

test('settled waits for every write started, queued ones too; a failing write is left out', async () => {
  const dir = tempDir('quire-writes-');
  const blocked = path.join(dir, 'a-file');
  writeFileSync(blocked, '');
  const writes = new BackgroundWrites();
  for (let index = 0; index < 20; index++) writes.start(path.join(dir, 'entries', `${index}.txt`), `entry ${index}`);
  // Its folder is a file: this write fails.
  writes.start(path.join(blocked, 'entry.txt'), 'lost');
  await writes.settled();
  const written = readdirSync(path.join(dir, 'entries')).sort();
  assert.equal(written.length, 20, 'every entry, and no temporary file, is there');
  for (const name of written) assert.equal(readFileSync(path.join(dir, 'entries', name), 'utf8'), `entry ${path.basename(name, '.txt')}`);
});
