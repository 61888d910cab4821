/**
 * One fixture manuscript per diagnostic rule (tests/fixtures/rules/<rule>/manuscript),
 * built through the real command line. Each must print exactly the located lines in its
 * `expected.txt`; a fixture with errors must exit 1 and leave the output folder as it was.
 * Rules of `check` alone build without a word (an empty `expected.txt`); the check tests
 * are in check.test.ts. Regenerate the expectations with `UPDATE_EXPECTED=1 npm test`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintRules } from '../scripts/lint/rules.ts';
import { fixturesDir } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const rulesDir = path.join(fixturesDir, 'rules');
const located = /^[^:\s][^:]*:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/;
/** Fixtures that show many rules at once; every other fixture shows its own rule only. */
const combined = new Set(['many-errors', 'check-many-problems']);

for (const rule of readdirSync(rulesDir).sort()) {
  test(`rule fixture: ${rule}`, () => {
    const outDir = tempDir();
    writeFileSync(path.join(outDir, 'keep.txt'), 'an earlier build\n');
    const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', path.join(rulesDir, rule, 'manuscript'), '--out', outDir]);
    const lines = run.stderr.split('\n').filter((line) => located.test(line));
    const expectedFile = path.join(rulesDir, rule, 'expected.txt');
    if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, `${lines.join('\n')}\n`);
    assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_EXPECTED=1 npm test`);
    const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean);
    const checkOnly = lintRules.some((lint) => lint.id === rule);
    assert.equal(expected.length === 0, checkOnly, checkOnly ? 'the build does not run the rules of check' : 'a rule fixture must produce at least one diagnostic');
    assert.deepEqual(lines, expected, run.stderr);
    assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace is printed');
    const hasError = expected.some((line) => line.includes(': error: '));
    if (hasError) {
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(readdirSync(outDir), ['keep.txt'], 'a failed build writes nothing');
      assert.deepEqual(readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(`.${path.basename(outDir)}.staging-`)), []);
    } else {
      assert.equal(run.status, 0, run.stderr);
      assert.ok(readdirSync(outDir).some((name) => name.endsWith('.epub')));
    }
    if (!combined.has(rule)) assert.ok(expected.every((line) => line.endsWith(`[${rule}]`)), `every line is [${rule}]`);
  });
}

test('many-errors reports every error it can find, not just the first', () => {
  const expected = readFileSync(path.join(rulesDir, 'many-errors', 'expected.txt'), 'utf8');
  for (const rule of ['missing-image', 'broken-link', 'undefined-footnote', 'broken-anchor']) {
    assert.ok(expected.includes(`[${rule}]`), rule);
  }
});
