import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What {@link writeNestedBook} wrote, to check the outputs against. */
export interface NestedBook {
  title: string;
  /** Part titles, in order. */
  parts: string[];
  /** Chapter titles (chapters and sub-chapters), in reading order. */
  chapters: string[];
  /** Titles of the sub-chapters (files in a chapter's folder), in reading order. */
  subChapters: string[];
  /** Titles of the chapters that open on a recto (not sub-chapters). */
  openers: string[];
}

const places = ['Harbour', 'Mill', 'Orchard', 'Quarry', 'Ferry', 'Chapel', 'Granary', 'Ridge'];
const things = ['lantern', 'ledger', 'rope', 'kettle', 'compass', 'bell', 'sail', 'key'];

/** A paragraph of plain made-up prose, different for each `seed`. */
function paragraph(seed: number): string {
  const sentences = Array.from({ length: 4 }, (_, index) => {
    const place = places[(seed + index) % places.length]!;
    const thing = things[(seed * 3 + index) % things.length]!;
    return `By the ${place.toLowerCase()} someone had left a ${thing}, and nobody came back for it before dark`;
  });
  return `${sentences.join('. ')}.`;
}

/**
 * Writes a manuscript of nested folders into `dir`, with no `chapters:` or `parts:`: a
 * preface at the top, three part folders (two titled by a `_part.md`, one by its folder
 * name), each with chapter files and, for some, a folder of sub-chapters named after the
 * chapter's file (one of them nested a level deeper), and an appendix at the top. Some
 * fifty small files.
 */
export function writeNestedBook(dir: string): NestedBook {
  const book: NestedBook = { title: 'The Nested Book', parts: [], chapters: [], subChapters: [], openers: [] };
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  };
  let seed = 0;
  const chapter = (relative: string, title: string, sub: boolean) => {
    write(relative, `# ${title}\n\n${paragraph(seed++)}\n\n${paragraph(seed++)}\n`);
    book.chapters.push(title);
    (sub ? book.subChapters : book.openers).push(title);
  };
  write('book.yaml', `title: "${book.title}"\nauthor: "Test Author"\nlang: en\nidentifier: "urn:uuid:5a2c7e10-3b4d-4f6a-8e9b-1c2d3e4f5a6b"\n`);
  chapter('00-preface.md', 'Preface', false);
  const partFolders = ['01-the-coast', '02-inland', '03-the-high-moors'];
  const partTitles = ['Along the Coast', 'Inland', 'The high moors'];
  partFolders.forEach((folder, partIndex) => {
    book.parts.push(partTitles[partIndex]!);
    if (partIndex < 2) write(`${folder}/_part.md`, `---\ntitle: "${partTitles[partIndex]}"\n---\n`);
    for (let chapterIndex = 1; chapterIndex <= 4; chapterIndex++) {
      const stem = `${folder}/0${chapterIndex}-chapter`;
      chapter(`${stem}.md`, `${places[(partIndex * 4 + chapterIndex) % places.length]} ${partIndex + 1}.${chapterIndex}`, false);
      if (chapterIndex === 4) continue;
      for (let section = 1; section <= 3; section++) {
        chapter(`${stem}/0${section}-section.md`, `Section ${partIndex + 1}.${chapterIndex}.${section}`, true);
        if (partIndex === 0 && chapterIndex === 1 && section === 2) {
          for (let deeper = 1; deeper <= 2; deeper++) chapter(`${stem}/0${section}-section/0${deeper}-note.md`, `Note ${deeper} on 1.1.2`, true);
        }
      }
    }
  });
  chapter('99-appendix.md', 'Appendix', false);
  return book;
}
