import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { resolveInside } from '../manuscript/resolve-inside.ts';

/** Options of {@link rehypeResources}. */
export interface ResourcesOptions {
  /** Absolute path of the manuscript folder; nothing outside it is ever read. */
  manuscriptDir: string;
}

/** Alt text that marks an image as decoration, as in `![decorative](flourish.svg)`. */
export const decorativeMarker = 'decorative';

const externalScheme = /^(https?|mailto|tel):/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves what a chapter points at. Images must be files inside the manuscript folder:
 * their `src` becomes the manuscript-relative path and is listed in `file.data.assets`;
 * a missing, remote or escaping image is a located error, an image without alt text a
 * warning, and one whose alt text is `decorative` gets `alt=""` and `role="presentation"`. Links to chapters (`x.md`,
 * `x.md#part`, `#part`) are marked with `data.crossReference` for the book-level check;
 * web links stay as they are, and any other scheme is refused.
 */
export default function rehypeResources(options: ResourcesOptions) {
  const manuscriptDir = path.resolve(options.manuscriptDir);
  return (tree: Root, file: VFile): void => {
    const chapterDir = path.dirname(file.path);
    const chapterPath = path.relative(manuscriptDir, file.path).split(path.sep).join('/');
    const assets = new Set<string>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') resolveImage(node, file, manuscriptDir, chapterDir, assets);
      else if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        resolveLink(node, node.properties.href, file, manuscriptDir, chapterDir, chapterPath);
      }
    });
    file.data.assets = [...assets];
  };
}

function resolveImage(node: Element, file: VFile, root: string, chapterDir: string, assets: Set<string>): void {
  const src = typeof node.properties.src === 'string' ? node.properties.src : '';
  const reference = safeDecode(src.split(/[?#]/)[0]!);
  if (reference === '') {
    reportError(file, 'Image has no source', node.position, 'missing-image');
    return;
  }
  const resolved = resolveInside(root, reference, chapterDir);
  if (!resolved.ok) {
    reportError(file, `Image \`${src}\`: ${resolved.reason}`, node.position, resolved.ruleId);
    return;
  }
  if (!existsSync(resolved.path)) {
    reportError(file, `Image not found: \`${src}\``, node.position, 'missing-image');
    return;
  }
  if (typeof node.properties.alt === 'string' && node.properties.alt.trim().toLowerCase() === decorativeMarker) {
    // The author marked it as decoration: screen readers skip it.
    node.properties.alt = '';
    node.properties.role = 'presentation';
  } else if (node.properties.alt === undefined || node.properties.alt === '') {
    reportWarning(file, `Image \`${src}\` has no alt text: describe it for readers who cannot see it`, node.position, 'missing-alt');
  }
  node.properties.src = resolved.relative;
  assets.add(resolved.relative);
}

function resolveLink(node: Element, href: string, file: VFile, root: string, chapterDir: string, chapterPath: string): void {
  if (externalScheme.test(href)) return;
  if (anyScheme.test(href)) {
    reportWarning(file, `Link \`${href}\` was removed: only web, mail and chapter links are kept`, node.position, 'unsafe-link');
    delete node.properties.href;
    return;
  }
  const hashAt = href.indexOf('#');
  const target = safeDecode(hashAt === -1 ? href : href.slice(0, hashAt));
  const fragment = hashAt === -1 ? undefined : safeDecode(href.slice(hashAt + 1)) || undefined;
  if (target === '') {
    node.data = { ...node.data, crossReference: { targetPath: chapterPath, fragment } };
    return;
  }
  const resolved = resolveInside(root, target, chapterDir);
  if (!resolved.ok) {
    reportError(file, `Link \`${href}\`: ${resolved.reason}`, node.position, 'broken-link');
    return;
  }
  node.data = { ...node.data, crossReference: { targetPath: resolved.relative, fragment } };
}

/** `text` with its percent-escapes decoded, or as it is when they do not decode. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
