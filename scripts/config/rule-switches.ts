import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { switchableRules } from '../diagnostics/switchable-rules.ts';
import { nearMiss } from './near-miss.ts';

const offValues = new Set(['off', false]);
const onValues = new Set(['on', true]);

/**
 * Reads `check:` of `book.yaml`, a mapping of rule ids to `off` or `on`, into the ids of
 * the rules switched off. An unknown rule is an `unknown-key` warning naming the rule it
 * probably meant; a rule that cannot be switched off (an error) or a value other than
 * `off` or `on` is an `invalid-value` error.
 */
export function readRuleSwitches(file: VFile, node: YamlNode | null, keyPoint: Point, pointAt: (offset: number) => Point): string[] {
  if (node === null) return [];
  if (!isMap(node)) {
    reportError(file, '`check` must be a mapping of rule ids to `off` or `on`, such as `straight-quote: off`', node.range ? pointAt(node.range[0]) : keyPoint, 'invalid-value');
    return [];
  }
  const known = Object.keys(switchableRules);
  const off: string[] = [];
  for (const pair of node.items) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const at = isScalar(pair.key) && pair.key.range ? pointAt(pair.key.range[0]) : keyPoint;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!Object.hasOwn(switchableRules, rule)) {
      const meant = nearMiss(rule, known);
      if (meant) reportWarning(file, `Unknown rule \`${rule}\` in \`check\`: did you mean \`${meant}\`?`, at, 'unknown-key');
      else reportError(file, `\`${rule}\` is not a warning that can be switched off: use one of ${known.join(', ')}`, at, 'invalid-value');
      continue;
    }
    if (offValues.has(value as string | boolean)) off.push(rule);
    else if (!onValues.has(value as string | boolean)) reportError(file, `\`check.${rule}\` must be \`off\` or \`on\``, at, 'invalid-value');
  }
  return off;
}
