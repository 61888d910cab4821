import path from 'node:path';
import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';
import { smartenText } from '../transforms/remark-smart-typography.ts';
import { matterOf } from './chapter-roles.ts';
import { countWords } from './count-words.ts';
import type { Chapter, ChapterFacts } from './types.ts';

/**
 * Assembles a {@link Chapter} from a parsed file: title (front matter, else the first
 * level-1 heading, else the file name with a warning), role, outline and ids, all from
 * what the parse recorded of the tree (`file.data.facts`, see `rehypeChapterFacts`). A
 * chapter whose body has no level-1 heading gets one from its title, so every chapter
 * opens alike. `parsed` is the file's tree, decoded when first asked for (see
 * `ParsedRecord`), and the key its parse is cached under. The chapter's `tree` is decoded
 * on first use too, with that heading added and its links' fragments as the link check
 * left them (see `checkCrossReferences`): a rebuild never decodes the trees of the
 * chapters whose outputs it takes from caches.
 */
export function buildChapter(parsed: { tree: () => Root; key: string }, file: VFile, index: number, sourcePath: string, usedNames: Set<string>): Chapter {
  const facts: ChapterFacts = file.data.facts!;
  const frontMatter = file.data.frontMatter ?? {};
  const declaredTitle = typeof frontMatter.title === 'string' ? smartenText(frontMatter.title.trim()) : undefined;
  let title = declaredTitle || (facts.firstHeading ?? '');
  if (!title) {
    title = path.basename(sourcePath, path.extname(sourcePath));
    reportWarning(file, 'Chapter has no title: add `title:` to its front matter or a `# Heading`', { line: 1, column: 1 }, 'missing-title');
  }
  const headed = facts.firstHeading !== undefined;
  const words = (file.data.words ?? 0) + (headed ? 0 : countWords(title));

  const epubType = typeof frontMatter['epub-type'] === 'string' ? frontMatter['epub-type'].trim() : 'chapter';
  let matter = matterOf(frontMatter.matter, epubType);
  if (!matter) {
    reportWarning(file, `Unknown \`matter: ${String(frontMatter.matter)}\`: use frontmatter, bodymatter or backmatter`, { line: 1, column: 1 }, 'invalid-value');
    matter = 'bodymatter';
  }

  const name = uniqueName(path.basename(sourcePath, path.extname(sourcePath)), usedNames);
  // Copies, so the link check's changes stay this chapter's and are not written back to the cache's record.
  const references = facts.references.map((reference) => ({ ...reference }));
  let tree: Root | undefined;
  const decodeTree = (): Root => {
    const root = parsed.tree();
    if (!headed) root.children.unshift(h('h1', title));
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
  return {
    index,
    sourcePath,
    name,
    id: `ch-${name}`,
    title,
    subtitle: typeof frontMatter.subtitle === 'string' ? frontMatter.subtitle : undefined,
    matter,
    epubType,
    lang: typeof frontMatter.lang === 'string' ? frontMatter.lang : undefined,
    get tree() {
      return (tree ??= decodeTree());
    },
    file,
    outline: facts.outline,
    ids: new Set(facts.ids),
    references,
    images: facts.images,
    frontMatter,
    words,
    parseKey: parsed.key,
  };
}

function uniqueName(base: string, used: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+/, '') || 'chapter';
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean}-${n}`;
  used.add(name.toLowerCase());
  return name;
}
