import type { Element, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';
import { bookHtmlSchema } from './book-html-schema.ts';

declare module 'hast' {
  interface ElementData {
    /** Set for the duration of {@link rehypeSanitizeHtml}: which original element a safe one came from. */
    sanitizeKey?: number;
  }
}

/** Options of {@link rehypeSanitizeHtml}. */
export interface SanitizeHtmlOptions {
  /** What survives. Default {@link bookHtmlSchema}. */
  schema?: Schema;
}

/**
 * Sanitises the chapter (Markdown's own markup and the raw HTML that rehype-raw parsed)
 * with hast-util-sanitize, then reports every removal as a located warning at its Markdown
 * line and column: an element (`unsafe-html`), an attribute (`unsafe-html`), or a link
 * whose scheme is not allowed (`unsafe-link`). What was removed is learnt by comparing the
 * tree before and after, so the report is exactly what the sanitiser did. Comments are
 * dropped without a word: they are the author's notes, never content.
 */
export default function rehypeSanitizeHtml(options: SanitizeHtmlOptions = {}) {
  const schema = options.schema ?? bookHtmlSchema;
  const stripped = new Set(schema.strip ?? []);
  return (tree: Root, file: VFile): Root => {
    let next = 0;
    visit(tree, 'element', (node) => {
      node.data = { ...node.data, sanitizeKey: ++next };
    });
    const clean = sanitize(tree, schema) as Root;
    const kept = new Map<number, Element>();
    visit(clean, 'element', (node) => {
      if (node.data?.sanitizeKey !== undefined) kept.set(node.data.sanitizeKey, node);
    });
    visit(tree, 'element', (node) => {
      const safe = kept.get(node.data!.sanitizeKey!);
      if (!safe) {
        const removedWithContent = stripped.has(node.tagName);
        const reason = removedWithContent
          ? `HTML \`<${node.tagName}>\` was removed with its content: a book keeps no active or embedded content`
          : `HTML \`<${node.tagName}>\` is not allowed in a book and was removed${node.children.length > 0 ? '; its content is kept' : ''}`;
        reportWarning(file, reason, node.position, 'unsafe-html');
        return removedWithContent ? SKIP : undefined;
      }
      reportRemovedAttributes(file, node, safe);
      return undefined;
    });
    for (const node of kept.values()) forgetKey(node);
    return clean;
  };
}

function reportRemovedAttributes(file: VFile, original: Element, safe: Element): void {
  for (const [key, value] of Object.entries(original.properties)) {
    if (value === undefined || value === null || String(safe.properties[key]) === String(value)) continue;
    const attribute = find(html, key).attribute;
    if (original.tagName === 'a' && key === 'href') {
      reportWarning(file, `Link \`${String(value)}\` was removed: only web, mail and chapter links are kept`, original.position, 'unsafe-link');
    } else {
      const what = Object.hasOwn(safe.properties, key) ? `\`${attribute}="${String(value)}"\` on \`<${original.tagName}>\` was replaced` : `\`${attribute}\` on \`<${original.tagName}>\` was removed`;
      reportWarning(file, `HTML attribute ${what}: it is not allowed in a book`, original.position, 'unsafe-html');
    }
  }
}

function forgetKey(node: Element): void {
  delete node.data!.sanitizeKey;
  if (Object.keys(node.data!).length === 0) delete node.data;
}
