/** The parse cache's code fingerprint follows a module's relative imports, and only those. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sourceClosure } from '../scripts/cache/source-closure.ts';
import { tempDir } from './helpers/run-cli.ts';

test('the closure holds the entry and every module reached by relative import or re-export, once each; a missing entry is an error', async () => {
  const dir = tempDir();
  const modules: Record<string, string> = {
    'entry.ts': "import { b } from './b.ts';\nimport type { C } from './c.ts';\nimport { readFile } from 'node:fs/promises';\nexport * from './d.ts';\n",
    'b.ts': "import './entry.ts';\nexport const b = 1;\n",
    'c.ts': "export type C = string; // mentions import x from './unused.ts' only in a comment-like string\n",
    'd.ts': 'export const d = 2;\n',
    'unrelated.ts': 'export const u = 3;\n',
  };
  for (const [name, text] of Object.entries(modules)) writeFileSync(path.join(dir, name), text);
  const closure = await sourceClosure([path.join(dir, 'entry.ts')]);
  assert.deepEqual(closure.map((file) => path.basename(file.path)), ['b.ts', 'c.ts', 'd.ts', 'entry.ts']);
  assert.equal(closure.find((file) => file.path.endsWith('d.ts'))!.text, modules['d.ts']);
  await assert.rejects(sourceClosure([path.join(dir, 'moved.ts')]), { code: 'ENOENT' });
});
