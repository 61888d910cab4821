import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../toolchain/toolchain-paths.ts';

/**
 * Shows that a change of the toolchain leaves its outputs as they were: builds each book
 * in every format with the checkout at `--base` (a git ref, default `main`) and with the
 * working tree, each with a cold cache of its own and the same `SOURCE_DATE_EPOCH`, and
 * compares every file of `dist/` byte for byte. Exits 1 and names each file that differs.
 *
 *   npm run same-outputs -- [--base REF] [--book DIR]...
 *
 * Without `--book`: the default book and Moby-Dick.
 */
const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'main' },
    book: { type: 'string', multiple: true },
    formats: { type: 'string', default: 'epub,pdf,html' },
  },
});
const books = values.book?.length ? values.book.map((book) => path.resolve(book)) : [path.join(projectRoot, 'manuscript'), path.resolve(projectRoot, '../shared/corpora/moby-dick/manuscript')];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'quire-same-outputs-'));
const baseTree = path.join(scratch, 'base');

try {
  execFileSync('git', ['worktree', 'add', '--detach', baseTree, values.base!], { cwd: projectRoot, stdio: 'ignore' });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(baseTree, 'node_modules'));
  let differing = 0;
  for (const [index, book] of books.entries()) {
    const outputs = ['base', 'head'].map((side) => {
      const root = side === 'base' ? baseTree : projectRoot;
      const out = path.join(scratch, `${side}-${index}`);
      execFileSync('node', [path.join(root, 'scripts/quire.mjs'), 'build', '--manuscript', book, '--out', out, '--format', values.formats!], {
        env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', QUIRE_CACHE_DIR: path.join(scratch, `cache-${side}-${index}`) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      return hashes(out);
    });
    const [base, head] = outputs as [Map<string, string>, Map<string, string>];
    const names = [...new Set([...base.keys(), ...head.keys()])].sort();
    const changed = names.filter((name) => base.get(name) !== head.get(name));
    differing += changed.length;
    console.log(`${path.relative(process.cwd(), book) || '.'}: ${names.length - changed.length} of ${names.length} files identical`);
    for (const name of changed) console.log(`  differs: ${name}${base.has(name) ? '' : ' (new)'}${head.has(name) ? '' : ' (gone)'}`);
  }
  process.exitCode = differing === 0 ? 0 : 1;
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: projectRoot, stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}

/** The SHA-256 of every file under `dir`, by its path relative to `dir`. */
function hashes(dir: string, into = new Map<string, string>(), prefix = ''): Map<string, string> {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) hashes(full, into, `${prefix}${name}/`);
    else into.set(`${prefix}${name}`, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return into;
}
