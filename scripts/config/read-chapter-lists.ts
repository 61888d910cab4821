import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { checkListedFile } from './check-listed-file.ts';
import type { ConfigPart } from './types.ts';

/** A key of `book.yaml` as the config loader read it: its value's node and where the key is. */
export interface ListEntry {
  node: YamlNode | null;
  keyPoint: Point;
}

/** The reading order and grouping that `chapters:` or `parts:` give. */
export interface ChapterLists {
  /** Every listed chapter file, in reading order, normalised. */
  chapters: string[];
  /** The parts, each with its chapters (a run of `chapters`), in order. */
  parts: ConfigPart[];
}

/** Keys of a part's entry; `part` is Quarto's word for its title. */
const partKeys = new Set(['title', 'part', 'chapters']);

/**
 * Reads `chapters:` and `parts:` of `book.yaml`. `chapters:` is a list of chapter files,
 * some of which may be parts in Quarto's shape (`- part: Title` with `chapters: [...]`);
 * `parts:` is a list of parts (`- title: Title` with `chapters: [...]`), where a plain file
 * is a chapter outside any part (a preface, an appendix). Only one of the two keys may be
 * given: both is an error at `parts`. Every problem is a located error: a file that is not
 * in the manuscript (`missing-chapter`), a file listed twice (`duplicate-chapter`), a part
 * without a title or chapters, a part inside a part (`invalid-value`). Undefined when
 * neither key is set.
 */
export function readChapterLists(
  file: VFile,
  manuscriptDir: string,
  entries: { chapters?: ListEntry; parts?: ListEntry },
  pointAt: (offset: number) => Point,
): ChapterLists | undefined {
  const placeOf = (node: YamlNode | null | undefined, fallback: Point): Point => (node?.range ? pointAt(node.range[0]) : fallback);
  const given = (entry: ListEntry | undefined) => entry !== undefined && !(isScalar(entry.node) && (entry.node.value === null || entry.node.value === '')) && entry.node !== null;
  if (given(entries.chapters) && given(entries.parts)) {
    reportError(
      file,
      '`parts` and `chapters` cannot both be set: list the book in `parts` (a plain file there is a chapter outside any part), or add `- part: Title` entries to `chapters`',
      entries.parts!.keyPoint,
      'conflicting-keys',
    );
    return undefined;
  }
  const key = given(entries.parts) ? 'parts' : given(entries.chapters) ? 'chapters' : undefined;
  if (!key) return undefined;
  const top = entries[key]!;
  const lists: ChapterLists = { chapters: [], parts: [] };
  const seen = new Set<string>();

  const addChapter = (node: YamlNode, fallback: Point): string | undefined => {
    const at = placeOf(node, fallback);
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      reportError(file, `A chapter in \`${key}\` must be a file name`, at, 'invalid-value');
      return undefined;
    }
    const relative = checkListedFile(file, manuscriptDir, String(node.value).trim(), { node, keyPoint: at }, pointAt, 'missing-chapter');
    if (seen.has(relative)) {
      reportError(file, `\`${relative}\` is listed twice: a chapter has one place in the book`, at, 'duplicate-chapter');
      return undefined;
    }
    seen.add(relative);
    lists.chapters.push(relative);
    return relative;
  };

  const addPart = (node: YAMLMap, at: Point) => {
    const values = new Map<string, { node: YamlNode | null; at: Point }>();
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyAt = placeOf(pair.key as YamlNode, at);
      if (!partKeys.has(name)) {
        reportWarning(file, `Unknown key \`${name}\` in a part: a part has \`title\` and \`chapters\``, keyAt, 'unknown-key');
        continue;
      }
      values.set(name === 'part' ? 'title' : name, { node: (pair.value as YamlNode | null) ?? null, at: keyAt });
    }
    const titleNode = values.get('title')?.node;
    const title = isScalar(titleNode) && titleNode.value !== null ? String(titleNode.value).trim() : '';
    if (!title) reportError(file, 'A part needs a `title`', placeOf(titleNode, values.get('title')?.at ?? at), 'invalid-value');
    const chapters = values.get('chapters');
    const items = isSeq(chapters?.node) ? (chapters.node.items as YamlNode[]) : isScalar(chapters?.node) ? [chapters.node] : [];
    if (items.length === 0) {
      reportError(file, `Part ${title ? `\`${title}\` ` : ''}needs \`chapters\`: a list of its chapter files`, chapters?.at ?? at, 'invalid-value');
    }
    const part: ConfigPart = { title, chapters: [] };
    for (const item of items) {
      if (isMap(item)) {
        reportError(file, 'A part cannot hold a part: put sub-chapters in a folder named after their chapter', placeOf(item, at), 'invalid-value');
        continue;
      }
      const relative = addChapter(item, placeOf(item, at));
      if (relative) part.chapters.push(relative);
    }
    if (title && part.chapters.length > 0) lists.parts.push(part);
  };

  const items = isSeq(top.node) ? (top.node.items as YamlNode[]) : [top.node!];
  for (const item of items) {
    const at = placeOf(item, top.keyPoint);
    if (isMap(item)) addPart(item, at);
    else if (item !== null) addChapter(item, at);
  }
  return lists;
}
