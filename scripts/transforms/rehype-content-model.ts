import type { Element, ElementContent, Properties, Root } from 'hast';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';

/** What an element may hold: any flow content, or phrasing content only. */
type Mode = 'flow' | 'phrasing';

/** Elements of a book (see `bookHtmlSchema`) that are phrasing content: they may stand in a paragraph. */
const phrasingElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd', 'mark',
  'q', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);
/** Elements whose content model is their parent's (HTML's transparent elements). */
const transparentElements = new Set(['a', 'ins', 'del']);
/** Elements that may hold phrasing content only, though not all are phrasing themselves. */
const phrasingHolders = new Set([
  ...[...phrasingElements].filter((name) => !transparentElements.has(name)),
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'summary', 'rt', 'rp',
]);
/** Phrasing holders that are split around a block, the block taking their markup inside it; the others turn their blocks into spans. */
const splittable = new Set([...phrasingElements, 'p']);
/** Attributes any element may carry (see `bookHtmlSchema`): what a block keeps when it becomes a span. */
const globalProperties = ['id', 'lang', 'dir', 'title', 'className', 'role', 'epub:type', 'ariaLabel'];

/**
 * Puts every element where EPUB 3's XHTML allows it, keeping all content, for raw HTML
 * that the HTML parser accepts but EPUBCheck does not (converters' output: a `<div>`
 * inside a `<span>`, a `<figure>` inside a heading, a `<br>` after a figure's caption):
 *
 * - a paragraph holding a block is split around it, as browsers split one; an inline
 *   element (`<span>`, `<em>`, a link…) is split around the block too, and carried inside
 *   it, around its text;
 * - a block inside a heading, `<pre>` or `<summary>`, which cannot be split, becomes a `<span>`;
 * - text or an element directly in a list (or definition list) joins the item before it,
 *   or a new item when none comes before;
 * - a figure's caption goes last when anything but the caption follows it, and several
 *   captions become one; a `<summary>` goes first in its `<details>`.
 *
 * Each repair is a located `html-structure` warning. Runs after the sanitiser, on the
 * elements it keeps.
 */
export default function rehypeContentModel() {
  return (tree: Root, file: VFile): void => {
    tree.children = repairChildren(tree.children, 'flow', file) as Root['children'];
  };
}

/** `node` repaired, in a parent that holds `outer` content: the nodes that replace it there. */
function repair(node: Element, outer: Mode, file: VFile): ElementContent[] {
  const mode: Mode = transparentElements.has(node.tagName) ? outer : phrasingHolders.has(node.tagName) ? 'phrasing' : 'flow';
  node.children = repairChildren(node.children, mode, file);
  if (node.tagName === 'ul' || node.tagName === 'ol') gatherIntoItems(node, ['li'], 'li', file);
  else if (node.tagName === 'dl') gatherIntoItems(node, ['dt', 'dd', 'div'], 'dd', file);
  else if (node.tagName === 'figure') placeCaption(node, file);
  else if (node.tagName === 'details') placeSummary(node, file);
  if (mode === 'flow') return [node];
  const block = node.children.find(isBlock);
  if (!block) return [node];
  if (splittable.has(node.tagName)) {
    const carried = node.tagName === 'p' ? '' : ', and carried inside it';
    reportWarning(file, `\`<${block.tagName}>\` cannot stand inside \`<${node.tagName}>\` in an EPUB: the \`<${node.tagName}>\` was split around it${carried}`, block.position ?? node.position, 'html-structure');
    return split(node);
  }
  for (const child of node.children) {
    if (!isBlock(child)) continue;
    reportWarning(file, `\`<${child.tagName}>\` cannot stand inside \`<${node.tagName}>\` in an EPUB: it became a \`<span>\``, child.position ?? node.position, 'html-structure');
    demote(child);
  }
  return [node];
}

/** `children` repaired in a parent that holds `mode` content: the same array when none was replaced (most are not). */
function repairChildren<T extends ElementContent | Root['children'][number]>(children: T[], mode: Mode, file: VFile): T[] {
  let repaired: T[] | undefined;
  for (const [index, child] of children.entries()) {
    const replacement = child.type === 'element' ? repair(child, mode, file) : undefined;
    if (!repaired && replacement && (replacement.length !== 1 || replacement[0] !== child)) repaired = children.slice(0, index);
    if (repaired) repaired.push(...((replacement ?? [child]) as T[]));
  }
  return repaired ?? children;
}

/** True for an element that is not phrasing content: it cannot stand in a paragraph. A ruby's text (`rt`, `rp`, kept only inside a ruby by the sanitiser) is not a block. */
function isBlock(node: ElementContent): node is Element {
  return node.type === 'element' && !phrasingElements.has(node.tagName) && node.tagName !== 'rt' && node.tagName !== 'rp';
}

/** True for a node that shows nothing: a comment or white space. */
function isBlank(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && !/\S/.test(node.value));
}

/**
 * `holder` (a paragraph or an inline element) split around the blocks it holds: each run
 * of its other content in a copy of it, each block as it is, or, for an inline holder,
 * with the holder's markup carried inside it (see {@link carryInside}). The first copy
 * keeps the holder's id.
 */
function split(holder: Element): ElementContent[] {
  const copy = copier(holder);
  const parts: ElementContent[] = [];
  let run: ElementContent[] = [];
  const endRun = () => {
    if (run.some((node) => !isBlank(node))) parts.push(copy(run));
    run = [];
  };
  for (const child of holder.children) {
    if (!isBlock(child)) {
      run.push(child);
      continue;
    }
    endRun();
    parts.push(holder.tagName === 'p' ? child : carryInside(child, copy));
  }
  endRun();
  return parts;
}

/** Makes copies of `holder` around given children; only the first copy keeps its id. */
function copier(holder: Element): (children: ElementContent[]) => Element {
  let first = true;
  return (children) => {
    const properties: Properties = { ...holder.properties };
    if (!first) delete properties.id;
    first = false;
    return { type: 'element', tagName: holder.tagName, properties, children, position: holder.position };
  };
}

/** `block` with the inline markup that held it (made by `copy`) around each run of its phrasing content, down through the blocks it holds. */
function carryInside(block: Element, copy: (children: ElementContent[]) => Element): Element {
  const children: ElementContent[] = [];
  let run: ElementContent[] = [];
  const endRun = () => {
    if (run.some((node) => !isBlank(node))) children.push(copy(run));
    else children.push(...run);
    run = [];
  };
  for (const child of block.children) {
    if (isBlock(child)) {
      endRun();
      children.push(carryInside(child, copy));
    } else {
      run.push(child);
    }
  }
  endRun();
  block.children = children;
  return block;
}

/** Turns `node` and every block inside it into a `<span>` with the attributes any element may carry. */
function demote(node: Element): void {
  node.tagName = 'span';
  node.properties = Object.fromEntries(Object.entries(node.properties).filter(([key]) => globalProperties.includes(key)));
  for (const child of node.children) if (isBlock(child)) demote(child);
}

/**
 * Moves what a list (`itemNames`: the children it may hold) holds besides its items into
 * the item before it, or into a new `newItem` when none comes before.
 */
function gatherIntoItems(list: Element, itemNames: readonly string[], newItem: string, file: VFile): void {
  const children: ElementContent[] = [];
  let item: Element | undefined;
  for (const child of list.children) {
    if (child.type === 'element' && itemNames.includes(child.tagName)) {
      item = child;
      children.push(child);
      continue;
    }
    if (isBlank(child)) {
      children.push(child);
      continue;
    }
    const what = child.type === 'element' ? `\`<${child.tagName}>\`` : 'Text';
    reportWarning(file, `${what} directly inside \`<${list.tagName}>\` cannot stand there in an EPUB: it was moved into ${item ? 'the item before it' : `a new \`<${newItem}>\``}`, child.position ?? list.position, 'html-structure');
    if (!item) {
      item = { type: 'element', tagName: newItem, properties: {}, children: [], position: child.position };
      children.push(item);
    }
    // Text joins the item's text with a space between, as it stood on a line of its own.
    if (child.type === 'text' && item.children.length > 0) item.children.push({ type: 'text', value: ' ' });
    item.children.push(child);
  }
  list.children = children;
}

/**
 * A figure has at most one caption, first or last: when another one, or anything but
 * blank space, follows its first caption and it is not first, its captions become one,
 * their texts joined by line breaks, at its end.
 */
function placeCaption(figure: Element, file: VFile): void {
  const shown = figure.children.filter((child) => !isBlank(child));
  const captions = shown.filter((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  if (captions.length === 0) return;
  if (captions.length === 1 && (shown[0] === captions[0] || shown.at(-1) === captions[0])) return;
  const [caption, ...others] = captions as [Element, ...Element[]];
  const reason = others.length > 0 ? `its ${captions.length} captions were joined at its end` : 'its caption was moved to its end, after what followed it';
  reportWarning(file, `A \`<figure>\` has one caption, first or last, in an EPUB: ${reason}`, (others[0] ?? caption).position ?? figure.position, 'html-structure');
  for (const other of others) {
    caption.children.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, ...other.children);
  }
  figure.children = [...figure.children.filter((child) => !captions.includes(child as Element)), caption];
}

/** A `<details>` begins with its `<summary>`: one placed later is moved first. */
function placeSummary(details: Element, file: VFile): void {
  const index = details.children.findIndex((child) => child.type === 'element' && child.tagName === 'summary');
  if (index <= 0 || details.children.slice(0, index).every(isBlank)) return;
  const [summary] = details.children.splice(index, 1) as [Element];
  reportWarning(file, 'A `<details>` begins with its `<summary>` in an EPUB: the summary was moved first', summary.position ?? details.position, 'html-structure');
  details.children.unshift(summary);
}
