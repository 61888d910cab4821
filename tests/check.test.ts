/**
 * `quire check` through the real command line: every rule fixture
 * (tests/fixtures/rules/<rule>/manuscript) must print exactly the located lines of its
 * `expected-check.txt`, which hold everything the build reports and the lint rules' own
 * findings; the two books must pass; JSON, `--strict` and `check:` switches work.
 * Regenerate the expectations with `UPDATE_EXPECTED=1 npm test`.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintRules } from '../scripts/lint/rules.ts';
import { defaultManuscript, fixturesDir, mobyDickManuscript } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const rulesDir = path.join(fixturesDir, 'rules');
const located = /^[^:\s][^:]*:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/;
const summary = /^\d+ errors?, \d+ warnings? in \d+ files? checked$/;
/** Rules that only laying the book out for print can find: `check` reads the parse alone, and starts no browser. */
const layoutRules = new Set(['wider-than-page']);

for (const rule of readdirSync(rulesDir).sort()) {
  test(`check fixture: ${rule}`, () => {
    const run = runCli(['check', '--manuscript', path.join(rulesDir, rule, 'manuscript')]);
    const printed = run.stdout.split('\n').filter(Boolean);
    assert.match(printed.at(-1) ?? '', summary, run.stdout);
    const lines = printed.slice(0, -1);
    assert.ok(lines.every((line) => located.test(line)), run.stdout);
    const expectedFile = path.join(rulesDir, rule, 'expected-check.txt');
    if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, `${lines.join('\n')}\n`);
    assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_EXPECTED=1 npm test`);
    const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean);
    assert.deepEqual(lines, expected, run.stdout + run.stderr);
    if (layoutRules.has(rule)) {
      assert.deepEqual(expected, [], 'check does not lay the book out');
      return;
    }
    assert.ok(expected.some((line) => line.endsWith(`[${rule}]`)) || rule.includes('many'), `the fixture shows [${rule}]`);
    const built = readFileSync(path.join(rulesDir, rule, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
    for (const line of built) assert.ok(expected.includes(line), `check reports what the build reports: ${line}`);
    assert.equal(run.status, expected.some((line) => line.includes(': error: ')) ? 1 : 0, run.stdout);
  });
}

test('every rule of check has a fixture', () => {
  for (const { id } of lintRules) assert.ok(existsSync(path.join(rulesDir, id, 'manuscript')), id);
});

test('broken front matter, a missing image, a broken link, an orphan footnote and a non-UTF-8 file are all reported', () => {
  const run = runCli(['check', '--manuscript', path.join(rulesDir, 'check-many-problems', 'manuscript')]);
  assert.equal(run.status, 1);
  const lines = run.stdout.split('\n').filter((line) => located.test(line));
  assert.ok(lines.length >= 5, run.stdout);
  for (const rule of ['invalid-front-matter', 'missing-image', 'broken-link', 'undefined-footnote', 'not-utf8']) {
    assert.ok(lines.some((line) => line.endsWith(`[${rule}]`)), rule);
  }
});

test('the default book and Moby-Dick check without errors', () => {
  for (const manuscript of [defaultManuscript, mobyDickManuscript]) {
    const run = runCli(['check', '--manuscript', manuscript]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^0 errors, /m);
  }
});

test('--format json prints an array of located problems; --strict fails on warnings', () => {
  const manuscript = path.join(rulesDir, 'heading-skip', 'manuscript');
  const run = runCli(['check', '--format', 'json', '--manuscript', manuscript]);
  assert.equal(run.status, 0, run.stderr);
  const problems = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  assert.equal(problems.length, 2);
  assert.deepEqual(Object.keys(problems[0]!).sort(), ['column', 'line', 'message', 'path', 'ruleId', 'severity']);
  assert.equal(problems[0]!.ruleId, 'heading-skip');
  assert.equal(problems[0]!.severity, 'warning');
  assert.equal(problems[0]!.line, 5);
  assert.equal(runCli(['check', '--strict', '--manuscript', manuscript]).status, 1);
});

test('warnings switched off in book.yaml are not reported; a misspelt rule is', () => {
  const dir = tempDir();
  cpSync(path.join(rulesDir, 'straight-quote', 'manuscript'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), 'title: "Switches"\ncheck:\n  straight-quote: off\n  heading-skipp: off\n');
  const run = runCli(['check', '--manuscript', dir]);
  assert.equal(run.status, 0, run.stdout);
  assert.doesNotMatch(run.stdout, /\[straight-quote\]/);
  assert.match(run.stdout, /book\.yaml:4:3: warning: Unknown rule `heading-skipp` in `check`: did you mean `heading-skip`\? \[unknown-key\]/);
  writeFileSync(path.join(dir, 'book.yaml'), 'title: "Switches"\ncheck:\n  broken-link: off\n');
  assert.match(runCli(['check', '--manuscript', dir]).stdout, /book\.yaml:3:3: error: `broken-link` is not a warning that can be switched off/);
});
