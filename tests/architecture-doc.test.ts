/**
 * The worked example of docs/architecture.md ("Where a new feature goes") is code that
 * runs: each block the document marks `<!-- example: tests/examples/<file> -->` must be
 * that file, word for word, and the file is what `book-passes.test.ts` and
 * `renderer-contract.test.ts` run over real books.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../scripts/toolchain/toolchain-paths.ts';

const doc = readFileSync(path.join(projectRoot, 'docs/architecture.md'), 'utf8');

test('the worked example in docs/architecture.md is the code the tests run', () => {
  const blocks = [...doc.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)];
  assert.deepEqual(blocks.map(([, file]) => file).sort(), ['tests/examples/image-count-pass.ts', 'tests/examples/words-renderer.ts']);
  for (const [, file, code] of blocks) assert.equal(code, readFileSync(path.join(projectRoot, file!), 'utf8'), `${file} as docs/architecture.md shows it`);
});
