import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { reportError } from '../diagnostics/report.ts';
import { checkListedFile } from './check-listed-file.ts';
import type { ListEntry } from './read-chapter-lists.ts';

/**
 * Reads `styles:` of `book.yaml`: one CSS file or a list of them, in the order they apply.
 * Each is a located error at its value when it is not a file name (`invalid-value`), not
 * a `.css` file (`not-a-stylesheet`), outside the manuscript or missing
 * (`missing-stylesheet`). A file listed twice applies once, where it is first listed.
 * Returns the normalised manuscript-relative paths of the usable ones.
 */
export function readStyleList(file: VFile, manuscriptDir: string, entry: ListEntry | undefined, pointAt: (offset: number) => Point): string[] {
  if (!entry?.node) return [];
  const items = isSeq(entry.node) ? (entry.node.items as YamlNode[]) : [entry.node];
  const styles: string[] = [];
  for (const node of items) {
    const at = node?.range ? pointAt(node.range[0]) : entry.keyPoint;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      if (isScalar(node) && node.value === null) continue;
      reportError(file, 'A stylesheet in `styles` must be a file name', at, 'invalid-value');
      continue;
    }
    const written = node.value.trim();
    if (!/\.css$/i.test(written)) {
      reportError(file, `\`${written}\` is not a stylesheet: \`styles\` lists CSS files, ending in \`.css\``, at, 'not-a-stylesheet');
      continue;
    }
    const errors = file.messages.length;
    const relative = checkListedFile(file, manuscriptDir, written, { node, keyPoint: at }, pointAt, 'missing-stylesheet');
    if (file.messages.length === errors && !styles.includes(relative)) styles.push(relative);
  }
  return styles;
}
