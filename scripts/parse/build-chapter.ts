import path from 'node:path';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { BookConfig } from '../config/types.ts';
import { reportWarning } from '../diagnostics/report.ts';
import { label } from '../config/labels.ts';
import { smartenText } from '../transforms/remark-smart-typography.ts';
import { matterOf } from '../book/chapter-roles.ts';
import { plainTitle, titleChapter } from '../book/chapter-title.ts';
import { titledTree } from './titled-tree.ts';
import { countWords } from '../book/count-words.ts';
import type { Chapter, ChapterFacts } from '../book/types.ts';
import { textDirection, type TextDirection } from '../config/text-direction.ts';

/**
 * Assembles a {@link Chapter} from a parsed file: title (see `titleChapter`: the front
 * matter's, else its first heading of the highest level it uses; a chapter with neither
 * is named in the contents by its first words, or `Chapter N`, shows no title and is a
 * `missing-title` warning), role, outline and ids, all from what the parse recorded of
 * the tree (`file.data.facts`, see `rehypeChapterFacts`). `parsed` is the file's tree,
 * decoded when first asked for (see `ParsedRecord`), and the key its parse is cached
 * under. The chapter's `tree` is decoded on first use too, edited as its title requires
 * (see `titledTree`) and with its links' fragments as the link check left them (see
 * `linkCheck`): a rebuild never decodes the trees of the chapters whose
 * outputs it takes from caches.
 */
export function buildChapter(
  parsed: { tree: () => Root; key: string },
  file: VFile,
  index: number,
  sourcePath: string,
  usedNames: Set<string>,
  config: Pick<BookConfig, 'title' | 'subtitle' | 'labels' | 'lang'>,
): Chapter {
  const facts: ChapterFacts = file.data.facts!;
  const frontMatter = file.data.frontMatter ?? {};
  const declared = typeof frontMatter.title === 'string' ? smartenText(frontMatter.title.trim()) : undefined;
  const bookTitles = [config.title, ...(config.subtitle ? [`${config.title}: ${config.subtitle}`, `${config.title} ${config.subtitle}`] : [])];
  const titling = titleChapter({ headings: facts.headings, declared, declaredPlace: file.data.titlePlace, bookTitles });
  const dropped = titling.bookTitleHeading;
  if (dropped) {
    reportWarning(
      file,
      `This heading repeats the book's title and is left out: the chapter is titled by its first \`##\`${titling.title ? `, “${titling.title}”` : ''}`,
      dropped.place,
      'book-title-heading',
    );
  }
  let title = titling.title;
  if (title === undefined) {
    title = plainTitle(facts.lead) || label(config.labels, 'chapter', { n: index + 1 });
    reportWarning(file, `Chapter has no title: add \`title:\` to its front matter or a \`# Heading\`; the contents list it as “${title}”`, { line: 1, column: 1 }, 'missing-title');
  }
  const words = (file.data.words ?? 0) + (titling.addHeading ? countWords(title) : 0) - (dropped ? countWords(dropped.text) : 0);

  const epubType = typeof frontMatter['epub-type'] === 'string' ? frontMatter['epub-type'].trim() : 'chapter';
  let matter = matterOf(frontMatter.matter, epubType);
  if (!matter) {
    reportWarning(file, `Unknown \`matter: ${String(frontMatter.matter)}\`: use frontmatter, bodymatter or backmatter`, { line: 1, column: 1 }, 'invalid-value');
    matter = 'bodymatter';
  }

  const name = uniqueName(path.basename(sourcePath, path.extname(sourcePath)), usedNames);
  // Copies, so the link check's changes stay this chapter's and are not written back to the cache's record.
  const references = facts.references.map((reference) => ({ ...reference }));
  const edits = { dropFirstHeading: dropped !== undefined, shift: titling.shift, heading: titling.addHeading ? title : undefined, notes: config.labels.notes };
  let tree: Root | undefined;
  const decodeTree = (): Root => {
    const root = titledTree(parsed.tree(), edits);
    // The tree's links, in the order the facts list them, take the fragments the link check
    // settled on; a walk only when it changed one.
    if (references.some((reference, index) => reference.fragment !== facts.references[index]!.fragment)) {
      let next = 0;
      visit(root, 'element', (node) => {
        const reference = node.data?.crossReference;
        if (reference) reference.fragment = references[next++]!.fragment;
      });
    }
    return root;
  };
  const ids = new Set(facts.ids);
  if (dropped?.id !== undefined) ids.delete(dropped.id);
  return {
    index,
    sourcePath,
    name,
    id: `ch-${name}`,
    title,
    titleShown: titling.title !== undefined,
    titlePlace: titling.place,
    treeEdits: JSON.stringify(edits),
    subtitle: typeof frontMatter.subtitle === 'string' ? frontMatter.subtitle : undefined,
    matter,
    epubType,
    lang: typeof frontMatter.lang === 'string' ? frontMatter.lang : undefined,
    dir: chapterDirection(frontMatter, config.lang),
    get tree() {
      return (tree ??= decodeTree());
    },
    file,
    outline: titling.outline,
    ids,
    references,
    images: facts.images,
    frontMatter,
    words,
    parseKey: parsed.key,
  };
}

/** The direction of a chapter whose front matter gives it a language written the other way from the book's `lang`. */
function chapterDirection(frontMatter: Record<string, unknown>, lang: string): TextDirection | undefined {
  if (typeof frontMatter.lang !== 'string') return undefined;
  const own = textDirection(frontMatter.lang);
  return own === textDirection(lang) ? undefined : own;
}

function uniqueName(base: string, used: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+/, '') || 'chapter';
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean}-${n}`;
  used.add(name.toLowerCase());
  return name;
}
