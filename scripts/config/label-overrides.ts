import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { labelNames, type LabelName } from './labels.ts';
import { nearMiss } from './near-miss.ts';

/**
 * Reads `labels:` of `book.yaml`, a mapping of label names to the words the book prints
 * instead (`labels: { contents: Inhalt }`). An unknown name is an `unknown-key` warning,
 * naming the label it probably meant when there is one, and is not used; a value that is
 * not a non-empty string, or a `labels` that is not a mapping, is an `invalid-value` error.
 */
export function readLabelOverrides(file: VFile, node: YamlNode | null, keyPoint: Point, pointAt: (offset: number) => Point): Partial<Record<LabelName, string>> {
  if (node === null) return {};
  if (!isMap(node)) {
    reportError(file, '`labels` must be a mapping of label names to text, such as `contents: Inhalt`', node.range ? pointAt(node.range[0]) : keyPoint, 'invalid-value');
    return {};
  }
  const known: readonly string[] = labelNames;
  const overrides: Partial<Record<LabelName, string>> = {};
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const at = isScalar(pair.key) && pair.key.range ? pointAt(pair.key.range[0]) : keyPoint;
    if (!known.includes(name)) {
      const meant = nearMiss(name, known);
      const hint = meant ? `did you mean \`${meant}\`?` : `the labels are ${known.join(', ')}.`;
      reportWarning(file, `Unknown label \`${name}\` in \`labels\`: ${hint} It is not used`, at, 'unknown-key');
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    if (!text) {
      const valueAt = isScalar(pair.value) && pair.value.range ? pointAt(pair.value.range[0]) : at;
      reportError(file, `\`labels.${name}\` must be a non-empty string`, valueAt, 'invalid-value');
      continue;
    }
    overrides[name as LabelName] = text;
  }
  return overrides;
}
