import { realpathSync } from 'node:fs';
import path from 'node:path';

/** A manuscript-relative reference resolved to a path, or the reason it may not be used. */
export type Resolved = { ok: true; path: string; relative: string } | { ok: false; reason: string; ruleId: string };

const schemePattern = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves `reference` (a path from `fromDir`, default the manuscript folder) and checks
 * that it stays inside the manuscript: no URL scheme, no absolute path, no `../` escape,
 * and no symlink that leads outside. `relative` is the POSIX path from the manuscript root.
 */
export function resolveInside(manuscriptDir: string, reference: string, fromDir = manuscriptDir): Resolved {
  if (schemePattern.test(reference)) {
    const remote = /^https?:/i.test(reference);
    return {
      ok: false,
      reason: remote
        ? 'remote files are never fetched during a build: download it into the manuscript folder and link it relatively'
        : 'only relative paths inside the manuscript folder are allowed',
      ruleId: remote ? 'remote-resource' : 'resource-outside-manuscript',
    };
  }
  if (path.isAbsolute(reference)) {
    return { ok: false, reason: 'absolute paths are not allowed: use a path relative to the manuscript', ruleId: 'resource-outside-manuscript' };
  }
  const root = path.resolve(manuscriptDir);
  const resolved = path.resolve(fromDir, reference);
  const relative = path.relative(root, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, reason: 'the path leads outside the manuscript folder', ruleId: 'resource-outside-manuscript' };
  }
  try {
    const real = realpathSync(resolved);
    const realRelative = path.relative(realpathSync(root), real);
    if (realRelative.startsWith('..') || path.isAbsolute(realRelative)) {
      return { ok: false, reason: 'the path is a symlink that leads outside the manuscript folder', ruleId: 'resource-outside-manuscript' };
    }
  } catch {
    // A missing file is the caller's to report, with its own rule.
  }
  return { ok: true, path: resolved, relative: relative.split(path.sep).join('/') };
}
