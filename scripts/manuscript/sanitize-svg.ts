import { DOMParser, XMLSerializer, type Attr, type Element, type Node } from '@xmldom/xmldom';
import type { VFile } from 'vfile';
import { reportError, reportWarning, type Place } from '../diagnostics/report.ts';
import { expandDeclaredEntities } from './svg-entities.ts';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Namespaces of drawing programs' own bookkeeping (Inkscape, Sodipodi, Illustrator, Sketch): nothing a reader sees. */
const editorNamespaces = [
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.bohemiancoding.com/sketch/ns',
];
const isEditorNamespace = (uri: string | null): boolean =>
  uri !== null && (editorNamespaces.includes(uri) || uri.startsWith('http://ns.adobe.com/') || uri.startsWith('adobe:ns:'));

/** Elements that run script or embed a document of their own, removed with their content. */
const activeElements = new Set(['script', 'handler', 'listener', 'foreignObject', 'iframe', 'object', 'embed']);
/** Animation elements, which can set an attribute (a link's target, a handler) to anything. */
const animationElements = new Set(['animate', 'set', 'animateColor', 'animateMotion', 'animateTransform']);
/** The SVG versions EPUB's schema allows on `<svg>`. */
const validVersions = new Set(['1.0', '1.1', '1.2']);
/** A CSS `url(…)` or `@import` that points anywhere but at a fragment of the same drawing. */
const externalCss = /@import|url\(\s*(?!['"]?\s*#)/i;
/** Raster images embedded in the drawing itself, which load nothing. */
const embeddedRaster = /^data:image\/(png|jpeg|gif|webp)[;,]/i;
/** What a link (`<a href>`) in a drawing may point at, as a link in a chapter may. */
const webLink = /^(https?|mailto):/i;

/**
 * Makes an SVG file safe and valid for every output, as an XML document parsed with
 * xmldom (no external entity is ever loaded; the internal subset's entities are expanded
 * first, see `expandDeclaredEntities`):
 *
 * - removed without a word, as they change nothing drawn: the DOCTYPE (its external DTD is
 *   invalid in EPUB), processing instructions other than the XML declaration, a `version`
 *   EPUB does not allow (`version="1"`), and the elements, attributes and namespace
 *   declarations of drawing programs' bookkeeping (`sodipodi:`, `inkscape:`, Illustrator's);
 * - removed with a located `unsafe-svg` warning on `file`: scripts, embedded documents
 *   (`foreignObject`), event handlers (`on*`), animations of a link or handler, and every
 *   reference outside the drawing (`href` to another file or the network, CSS `url()` and
 *   `@import`, `<?xml-stylesheet?>`); a link (`<a href>`) to the web or a mail address
 *   stays, as in a chapter, and so do raster images embedded as `data:` URLs.
 *
 * A drawing with a `viewBox` alone gets its size from it (see `giveIntrinsicSize`).
 *
 * Returns the cleaned text, or undefined when nothing needed changing (the file ships as it
 * is). A file that is not well-formed SVG is a located `invalid-svg` error.
 */
export function sanitizeSvg(text: string, file: VFile): string | undefined {
  let document;
  let problem: { reason: string; place: Place } | undefined;
  try {
    document = new DOMParser({
      onError: (level, reason, context?: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
        if (level === 'warning') return;
        const { lineNumber: line, columnNumber: column } = context?.locator ?? {};
        problem = { reason, place: line === undefined || column === undefined ? undefined : { line, column } };
        throw new Error(reason);
      },
    }).parseFromString(expandDeclaredEntities(text), 'image/svg+xml');
  } catch (error) {
    problem ??= { reason: (error as Error).message, place: undefined };
    reportError(file, `The SVG image is not well-formed XML (${problem.reason}): readers cannot show it`, problem.place, 'invalid-svg');
    return undefined;
  }
  const root = document.documentElement;
  if (!root || root.namespaceURI !== svgNamespace || root.localName !== 'svg') {
    reportError(file, 'The image is not an SVG drawing: its root element is not `<svg>` in the SVG namespace', undefined, 'invalid-svg');
    return undefined;
  }
  let changed = false;
  for (const child of Array.from(document.childNodes)) {
    if (child.nodeType === child.DOCUMENT_TYPE_NODE || (child.nodeType === child.PROCESSING_INSTRUCTION_NODE && child.nodeName !== 'xml')) {
      if (child.nodeName === 'xml-stylesheet') reportWarning(file, 'The SVG image\'s `<?xml-stylesheet?>` was removed: a drawing may load no other file', placeOf(child), 'unsafe-svg');
      document.removeChild(child);
      changed = true;
    }
  }
  const version = root.getAttribute('version');
  if (version !== null && !validVersions.has(version.trim())) {
    root.removeAttribute('version');
    changed = true;
  }
  if (giveIntrinsicSize(root)) changed = true;
  return cleanElement(root, file) || changed ? new XMLSerializer().serializeToString(document) : undefined;
}

/**
 * Gives a drawing with a `viewBox` but neither `width` nor `height` the size its
 * `viewBox` draws at, in CSS pixels, as drawing programs do on export. Without it the
 * drawing has no intrinsic size, and every output stretches it to the full text width: a
 * 24-unit icon in a line of text would fill the page. The styles still keep it within the
 * text block. True when it changed the root.
 */
function giveIntrinsicSize(root: Element): boolean {
  if (root.hasAttribute('width') || root.hasAttribute('height')) return false;
  const box = (root.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || !box.every(Number.isFinite) || !(box[2]! > 0 && box[3]! > 0)) return false;
  root.setAttribute('width', String(box[2]));
  root.setAttribute('height', String(box[3]));
  return true;
}

/** Cleans `element` and what it holds; true when anything was removed. */
function cleanElement(element: Element, file: VFile): boolean {
  let changed = cleanAttributes(element, file);
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === child.PROCESSING_INSTRUCTION_NODE) {
      element.removeChild(child);
      changed = true;
    }
    if (child.nodeType !== child.ELEMENT_NODE) continue;
    const reason = removalReason(child as Element);
    if (reason !== undefined) {
      if (reason !== '') reportWarning(file, reason, placeOf(child), 'unsafe-svg');
      element.removeChild(child);
      changed = true;
    } else if (cleanElement(child as Element, file)) {
      changed = true;
    }
  }
  return changed;
}

/** Why `element` is removed (an empty reason: silently), or undefined when it stays. */
function removalReason(element: Element): string | undefined {
  const name = element.localName ?? element.nodeName;
  if (isEditorNamespace(element.namespaceURI)) return '';
  if (name === 'foreignObject' && Array.from(element.childNodes).every(isEditorData)) return '';
  if (activeElements.has(name)) return `The SVG image's \`<${element.nodeName}>\` was removed with its content: a drawing keeps no script or embedded document`;
  if (animationElements.has(name)) {
    const target = (element.getAttribute('attributeName') ?? '').trim().toLowerCase();
    if (/(^|:)href$/.test(target) || target.startsWith('on')) return `The SVG image's \`<${element.nodeName}>\` was removed: it animates \`${target}\`, which could make a link or a handler`;
  }
  if (name === 'style' && externalCss.test(element.textContent ?? '')) return 'The SVG image\'s `<style>` was removed: it loads another file (`@import` or `url()`)';
  return undefined;
}

/** True for what a drawing program keeps for itself (Illustrator's `foreignObject` holds only a reference to its own data), or blank text. */
function isEditorData(node: Node): boolean {
  if (node.nodeType === node.ELEMENT_NODE) return isEditorNamespace((node as Element).namespaceURI);
  return node.nodeType !== node.TEXT_NODE || !/\S/.test(node.nodeValue ?? '');
}

/** Removes `element`'s unsafe and editor attributes; true when any was removed. */
function cleanAttributes(element: Element, file: VFile): boolean {
  let changed = false;
  for (const attribute of Array.from(element.attributes)) {
    const reason = attributeRemovalReason(element, attribute);
    if (reason === undefined) continue;
    if (reason !== '') reportWarning(file, reason, placeOf(attribute), 'unsafe-svg');
    element.removeAttributeNode(attribute);
    changed = true;
  }
  return changed;
}

/** Why `attribute` of `element` is removed (an empty reason: silently), or undefined when it stays. */
function attributeRemovalReason(element: Element, attribute: Attr): string | undefined {
  const { name, value } = attribute;
  const isDeclaration = name === 'xmlns' || name.startsWith('xmlns:');
  if (isDeclaration ? isEditorNamespace(value) : isEditorNamespace(attribute.namespaceURI)) return '';
  if (isDeclaration) return undefined;
  if (/^on/i.test(attribute.localName ?? name)) return `The SVG image's event handler \`${name}\` on \`<${element.nodeName}>\` was removed: a drawing runs no script`;
  if ((attribute.localName ?? name) === 'href') {
    const target = value.trim();
    if (target.startsWith('#') || embeddedRaster.test(target)) return undefined;
    if ((element.localName === 'a') && webLink.test(target)) return undefined;
    return `The SVG image's reference \`${name}="${target}"\` on \`<${element.nodeName}>\` was removed: a drawing may load no other file`;
  }
  if (externalCss.test(value)) return `The SVG image's \`${name}\` on \`<${element.nodeName}>\` was removed: it loads another file (\`url()\`)`;
  return undefined;
}

/** Where xmldom found `node` in the file (lines and columns from 1): an element's `<`, an attribute's value. */
function placeOf(node: Node): Place {
  return node.lineNumber === undefined || node.columnNumber === undefined ? undefined : { line: node.lineNumber, column: node.columnNumber };
}
