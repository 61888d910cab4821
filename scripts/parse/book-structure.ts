import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import type { BookConfig } from '../config/types.ts';
import { reportWarning } from '../diagnostics/report.ts';
import { partTitleFile } from '../manuscript/list-chapter-files.ts';
import { readSource } from '../manuscript/read-source.ts';

/** A part as the manuscript gives it, before its chapters are parsed. */
export interface StructurePart {
  title: string;
  /** Manuscript-relative paths of its chapter files, in reading order. */
  chapters: string[];
  /** The `_part.md` its title came from, with its messages. */
  titleFile?: VFile;
}

/** How a manuscript's chapter files are grouped: in parts, and sub-chapters under chapters. */
export interface BookStructure {
  parts: StructurePart[];
  /** Each sub-chapter's file, and the file of the chapter it continues. */
  parents: Map<string, string>;
}

/**
 * The structure of a book whose chapter files, in reading order, are `files`. Parts come
 * from `book.yaml` when it lists the chapters (`parts:`, or `- part:` entries of
 * `chapters:`), else from the manuscript's top-level folders: each folder that holds
 * chapters is a part, titled by its `_part.md` (see {@link partTitle}) or else by its name
 * made readable, but for a folder named after a top-level chapter's file, which holds that
 * chapter's sub-chapters (mdBook's layout: `cargo.md`, then `cargo/build.md`). Either way, a file in a folder named after an earlier chapter of the same
 * part (`01-chapter/01-section.md` after `01-chapter.md`) is a sub-chapter of it: of the
 * nearest such chapter, when folders nest deeper.
 */
export async function bookStructure(manuscriptDir: string, config: BookConfig, files: readonly string[]): Promise<BookStructure> {
  const parts = config.chapters ? config.parts.map((part) => ({ ...part })) : await folderParts(manuscriptDir, files);
  return { parts, parents: subChapterParents(files, parts) };
}

/** The parts the top-level folders of an unlisted manuscript make, in reading order. */
async function folderParts(manuscriptDir: string, files: readonly string[]): Promise<StructurePart[]> {
  const listed = new Set(files);
  const parts = new Map<string, StructurePart>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash < 0) continue;
    const folder = file.slice(0, slash);
    if (listed.has(`${folder}.md`)) continue;
    let part = parts.get(folder);
    if (!part) {
      part = { title: readableName(folder), chapters: [] };
      const titlePath = path.join(manuscriptDir, folder, partTitleFile);
      if (existsSync(titlePath)) {
        part.titleFile = await readSource(titlePath);
        part.title = partTitle(part.titleFile) ?? part.title;
      }
      parts.set(folder, part);
    }
    part.chapters.push(file);
  }
  return [...parts.values()];
}

/**
 * The title a `_part.md` gives its part: `title:` in its front matter, else its first
 * level-1 heading. Anything else in it is left out of the book, with a warning
 * (`part-text-ignored`) at its first line.
 */
export function partTitle(file: VFile): string | undefined {
  if (file.messages.length > 0) return undefined;
  const lines = String(file.value).split(/\r?\n/);
  let title: string | undefined;
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      try {
        const data = parseYaml(lines.slice(1, end).join('\n')) as unknown;
        const value = data && typeof data === 'object' ? (data as Record<string, unknown>).title : undefined;
        if (typeof value === 'string' && value.trim()) title = value.trim();
      } catch {
        reportWarning(file, 'Invalid front matter: the part is titled from its heading or its folder', { line: 1, column: 1 }, 'part-text-ignored');
      }
      start = end + 1;
    }
  }
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^#\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && title === undefined) {
      title = heading[1];
      continue;
    }
    if (line.trim() === '' || heading) {
      if (heading) reportWarning(file, 'A part has one title: this heading is left out of the book', { line: index + 1, column: 1 }, 'part-text-ignored');
      continue;
    }
    reportWarning(file, 'Only the part\'s title is used: the text of `_part.md` after it is left out of the book', { line: index + 1, column: 1 }, 'part-text-ignored');
    break;
  }
  return title;
}

/** A folder's name as a title: a leading number and separators dropped, dashes and underscores made spaces, the first letter a capital (`01-the-road_north` → `The road north`). */
export function readableName(folder: string): string {
  const words = folder.replace(/^\d+[\s._-]*/, '').replace(/[-_]+/g, ' ').trim() || folder;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Each sub-chapter of `files` (see {@link bookStructure}) and the chapter file it continues. */
function subChapterParents(files: readonly string[], parts: readonly StructurePart[]): Map<string, string> {
  const partOf = new Map(parts.flatMap((part, index) => part.chapters.map((file) => [file, index] as const)));
  const earlier = new Set<string>();
  const parents = new Map<string, string>();
  for (const file of files) {
    const folders = file.split('/').slice(0, -1);
    for (let depth = folders.length; depth > 0; depth--) {
      const candidate = `${folders.slice(0, depth).join('/')}.md`;
      if (earlier.has(candidate) && partOf.get(candidate) === partOf.get(file)) {
        parents.set(file, candidate);
        break;
      }
    }
    earlier.add(file);
  }
  return parents;
}
