import path from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';
import { smartenText } from '../transforms/remark-smart-typography.ts';
import { matterOf } from './chapter-roles.ts';
import { countWords } from './count-words.ts';
import type { Chapter, OutlineEntry } from './types.ts';

/**
 * Assembles a {@link Chapter} from a parsed file: title (front matter, else the first
 * level-1 heading, else the file name with a warning), role, outline and ids. A chapter
 * whose body has no level-1 heading gets one from its title, so every chapter opens alike.
 * `parsed` is the file's tree and the key its parse is cached under.
 */
export function buildChapter(parsed: { tree: Root; key: string }, file: VFile, index: number, sourcePath: string, usedNames: Set<string>): Chapter {
  const { tree } = parsed;
  const frontMatter = file.data.frontMatter ?? {};
  const firstHeading = findFirst(tree, 'h1');
  const declaredTitle = typeof frontMatter.title === 'string' ? smartenText(frontMatter.title.trim()) : undefined;
  let title = declaredTitle || (firstHeading ? toString(firstHeading).trim() : '');
  if (!title) {
    title = path.basename(sourcePath, path.extname(sourcePath));
    reportWarning(file, 'Chapter has no title: add `title:` to its front matter or a `# Heading`', { line: 1, column: 1 }, 'missing-title');
  }
  if (!firstHeading) tree.children.unshift(h('h1', title));
  const words = (file.data.words ?? 0) + (firstHeading ? 0 : countWords(title));

  const epubType = typeof frontMatter['epub-type'] === 'string' ? frontMatter['epub-type'].trim() : 'chapter';
  let matter = matterOf(frontMatter.matter, epubType);
  if (!matter) {
    reportWarning(file, `Unknown \`matter: ${String(frontMatter.matter)}\`: use frontmatter, bodymatter or backmatter`, { line: 1, column: 1 }, 'invalid-value');
    matter = 'bodymatter';
  }

  const name = uniqueName(path.basename(sourcePath, path.extname(sourcePath)), usedNames);
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
    tree,
    file,
    ...treeFacts(tree),
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

function findFirst(tree: Root, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName !== tagName) return undefined;
    found = node;
    return EXIT;
  });
  return found;
}

/**
 * What the book needs to know of a chapter's tree, found in one walk: its outline (its h2
 * and h3 with ids, outside the notes), every id in it, its links to chapters and the
 * chapters they lead to, and its images. Rendering and checking the book then read these
 * rather than walking every tree again.
 */
function treeFacts(tree: Root): Pick<Chapter, 'outline' | 'ids' | 'linked' | 'references' | 'images'> {
  const outline: OutlineEntry[] = [];
  const ids = new Set<string>();
  const linked = new Set<string>();
  const references: Element[] = [];
  const images = { total: 0, described: 0 };
  const walk = (nodes: readonly (RootContent | ElementContent)[], inNotes: boolean): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.data?.crossReference) {
        references.push(node);
        linked.add(node.data.crossReference.targetPath);
      }
      if (node.tagName === 'img') {
        images.total++;
        // Described: alt text, or marked as decoration (`alt=""` with `role="presentation"`, see `rehypeResources`).
        const { alt, role } = node.properties;
        if ((typeof alt === 'string' && alt.trim() !== '') || role === 'presentation') images.described++;
      }
      const id = node.properties.id;
      if (typeof id === 'string') {
        ids.add(id);
        const depth = inNotes ? null : /^h([23])$/.exec(node.tagName);
        if (depth) outline.push({ depth: Number(depth[1]), id, text: toString(node).trim() });
      }
      const notes = node.tagName === 'section' && (node.properties.className as string[] | undefined)?.includes('footnotes') === true;
      walk(node.children, inNotes || notes);
    }
  };
  walk(tree.children, false);
  return { outline, ids, linked, references, images };
}
