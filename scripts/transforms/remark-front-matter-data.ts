import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, LineCounter, parseDocument, isScalar } from 'yaml';
import { nearMiss } from '../config/near-miss.ts';
import { frontMatterKeys } from '../config/schema.ts';
import { reportError, reportWarning } from '../diagnostics/report.ts';

/**
 * Reads a chapter's YAML front matter into `file.data.frontMatter` (and where it sets
 * `title` into `file.data.titlePlace`). Invalid YAML is a located error; a near miss of a known key (`tilte`) is a warning; other keys are kept.
 */
export default function remarkFrontMatterData() {
  return (tree: Root, file: VFile): void => {
    const node = tree.children[0];
    file.data.frontMatter = {};
    if (!node || node.type !== 'yaml') return;
    const firstLine = (node.position?.start.line ?? 1) + 1;
    const lines = new LineCounter();
    const doc = parseDocument(node.value, { lineCounter: lines, prettyErrors: false });
    const pointAt = (offset: number) => {
      const { line, col } = lines.linePos(offset);
      return { line: firstLine + line - 1, column: col };
    };
    for (const error of doc.errors) {
      reportError(file, `Invalid front matter: ${error.message.split('\n')[0]}`, pointAt(error.pos[0]), 'invalid-front-matter');
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    if (!isMap(doc.contents)) {
      reportError(file, 'Front matter must be a mapping of keys to values', node.position, 'invalid-front-matter');
      return;
    }
    const data = doc.toJSON() as Record<string, unknown>;
    const known = Object.keys(frontMatterKeys);
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === 'title' && isScalar(pair.key) && pair.key.range) {
        file.data.titlePlace = { start: pointAt(pair.key.range[0]), end: pointAt(pair.key.range[1]) };
      }
      if (Object.hasOwn(frontMatterKeys, key)) continue;
      const meant = nearMiss(key, known);
      if (meant && !Object.hasOwn(data, meant)) {
        const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
        reportWarning(file, `Unknown front-matter key \`${key}\`: did you mean \`${meant}\`?`, pointAt(offset), 'unknown-key');
      }
    }
    file.data.frontMatter = data;
  };
}
