import { existsSync } from 'node:fs';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Node as YamlNode } from 'yaml';
import { reportError } from '../diagnostics/report.ts';
import { resolveInside } from '../manuscript/resolve-inside.ts';

/**
 * Checks a file that `book.yaml` names (a chapter, the cover): inside the manuscript and
 * present, else a located error at its value (`ruleId` when it is missing). Returns its
 * normalised manuscript-relative path, or the text as written when it cannot be resolved.
 */
export function checkListedFile(
  file: VFile,
  manuscriptDir: string,
  relative: string,
  entry: { node: YamlNode | null; keyPoint: Point },
  pointAt: (offset: number) => Point,
  ruleId: string,
): string {
  const at = entry.node?.range ? pointAt(entry.node.range[0]) : entry.keyPoint;
  const resolved = resolveInside(manuscriptDir, relative);
  if (!resolved.ok) reportError(file, `\`${relative}\`: ${resolved.reason}`, at, resolved.ruleId);
  else if (!existsSync(resolved.path)) reportError(file, `File not found: \`${relative}\``, at, ruleId);
  return resolved.ok ? resolved.relative : relative;
}
