/**
 * How chapters lay out on the page, learned without printing: each chapter is set in a
 * multi-column box whose columns are exactly the print text block, so Chromium breaks it
 * into columns by the same fragmentation rules (orphans, widows, `break-*`, monolithic
 * content) it uses to break it into pages. A column is a page.
 *
 * The functions here run inside the measuring page (they are sent with `page.evaluate`),
 * so each is self-contained: no imports, no closures over this module.
 */

/** The text block of a body page, in CSS pixels, as Chromium lays out print pages. */
export interface TextBlock {
  width: number;
  height: number;
}

/**
 * An element wider than the text block, which print cuts at the block's edge: its tag
 * name, its place among the chapter's elements of that name (from 0, in document order,
 * so the parse tree can say where it was written), and by how many CSS pixels it is wider.
 */
export interface Overflow {
  tag: string;
  index: number;
  excess: number;
}

/** A chapter's measured layout: its page count, each anchor's page counted from its first, and what is wider than the page. */
export interface ColumnLayout {
  pages: number;
  anchors: Record<string, number>;
  overflows?: Overflow[];
}

/**
 * Reads the body pages' text block from the `@page` rules of the print stylesheets
 * `sheets` (their text, parsed here by the browser): the page `size` less the margins of
 * the default rule, refined by `:left` and `:right`. Chromium lays out a print page whose
 * text block is the next whole pixel up in each direction, so the columns do too. Throws
 * when left and right pages differ in width or height: chapters can then not be measured
 * independently of where they fall.
 */
export function readTextBlock(sheets: string[]): TextBlock {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;height:0';
  document.documentElement.append(probe);
  const px = (length: string): number => {
    probe.style.width = length || '0';
    return probe.getBoundingClientRect().width;
  };
  const sides = { '': {} as Record<string, string>, ':left': {} as Record<string, string>, ':right': {} as Record<string, string> };
  let size = '';
  for (const text of sheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSPageRule)) continue;
      size = rule.style.getPropertyValue('size') || size;
      const side = sides[rule.selectorText as keyof typeof sides];
      if (!side) continue;
      for (const edge of ['top', 'right', 'bottom', 'left']) {
        const value = rule.style.getPropertyValue(`margin-${edge}`);
        if (value) side[edge] = value;
      }
    }
  }
  const [pageWidth, pageHeight] = size.trim().split(/\s+/);
  if (!pageWidth || !pageHeight) throw new Error(`the print stylesheet gives no page size as two lengths (size: "${size}")`);
  const block = (side: Record<string, string>): TextBlock => {
    const margin = (edge: string) => px(side[edge] ?? sides[''][edge] ?? '0');
    const whole = (length: number) => Math.ceil(length - 0.001);
    return {
      width: whole(px(pageWidth) - margin('left') - margin('right')),
      height: whole(px(pageHeight) - margin('top') - margin('bottom')),
    };
  };
  const left = block(sides[':left']);
  const right = block(sides[':right']);
  probe.remove();
  if (left.width !== right.width || left.height !== right.height) {
    throw new Error(`left pages (${left.width} × ${left.height} px) and right pages (${right.width} × ${right.height} px) have different text blocks`);
  }
  if (!(right.width > 0 && right.height > 0)) throw new Error(`the print text block is empty (${right.width} × ${right.height} px)`);
  return right;
}

/** What to lay out in columns: the front pages (in a document that has them) and these chapters, with the ids of their page anchors. */
export interface ColumnRequest {
  front: boolean;
  chapters: Record<string, string[]>;
}

/** The front pages' layout: how many pages, and the page on which each front block with an id begins. */
export interface FrontColumns {
  pages: number;
  starts: Record<string, number>;
}

/** What {@link layOutInColumns} read: each requested chapter's layout, and the front pages' when requested. */
export interface ColumnLayouts {
  chapters: Record<string, ColumnLayout>;
  front?: FrontColumns;
}

/**
 * Lays out each requested block in columns of `block`'s size and reads how many columns
 * it fills and the column each anchor begins in. The blocks are the chapters (a `section`
 * with the chapter's id), the title pages of parts (a `section.part-page` with the part's id) and, when asked, the front pages (every block of the body before
 * the first chapter: half title, blank, title page, copyright page, contents; each begins
 * a page of its own). Each is wrapped in a `.measure-box`, the multi-column box, and the
 * root gets the class `measuring`; the document's measuring styles read the size from
 * `--text-width` and `--text-height` and show only the boxes. Afterwards the document is
 * put back as it was, to be printed. A column holding only zero-sized boxes does not
 * count: a page with nothing on it is never printed (an empty block is one page).
 * In a document written right to left the columns run from right to left, so places are
 * counted from the box's right edge there.
 */
export function layOutInColumns(block: TextBlock, request: ColumnRequest): ColumnLayouts {
  const root = document.documentElement;
  const frontBlocks: Element[] = [];
  if (request.front) {
    for (const child of Array.from(document.body.children)) {
      if (child.matches('section.chapter, section.part-page')) break;
      if (!child.matches('.outside-targets, .measure-index')) frontBlocks.push(child);
    }
  }
  const chapterBlocks = Object.keys(request.chapters).map((id) => {
    const section = document.getElementById(id);
    if (!section) throw new Error(`chapter ${id} is missing from the measuring document`);
    return section;
  });
  const boxes = [...frontBlocks, ...chapterBlocks].map((element) => {
    const box = document.createElement('div');
    box.className = 'measure-box';
    element.before(box);
    box.append(element);
    return box;
  });
  root.style.setProperty('--text-width', `${block.width}px`);
  root.style.setProperty('--text-height', `${block.height}px`);
  root.classList.add('measuring');
  try {
    const layOut = (element: Element, anchorIds: readonly string[]): ColumnLayout => {
      const box = element.parentElement!;
      const frame = box.getBoundingClientRect();
      // Where a box starts and ends along the columns' progression, from the measuring box's start edge.
      const rightToLeft = getComputedStyle(box).direction === 'rtl';
      const start = (rect: DOMRect) => (rightToLeft ? frame.right - rect.right : rect.left - frame.left);
      const end = (rect: DOMRect) => (rightToLeft ? frame.right - rect.left : rect.right - frame.left);
      const column = (rect: DOMRect) => Math.floor((start(rect) + 0.5) / block.width);
      // How far a box reaches past the end edge of the column (the page) it begins in.
      const beyond = (rect: DOMRect) => end(rect) - (column(rect) + 1) * block.width;
      const anchors: Record<string, number> = {};
      for (const id of anchorIds) {
        const first = document.getElementById(id)?.getClientRects()[0];
        if (first) anchors[id] = column(first);
      }
      const range = document.createRange();
      range.selectNodeContents(element);
      let last = 0;
      let wide = false;
      for (const rect of Array.from(range.getClientRects())) {
        if (!(rect.width > 0 && rect.height > 0)) continue;
        last = Math.max(last, column(rect));
        wide ||= beyond(rect) > 1;
      }
      const layout: ColumnLayout = { pages: last + 1, anchors };
      if (!wide) return layout;
      // The outermost elements that reach past the page, each named by its tag and its place among the chapter's elements of that tag.
      const overflows: Overflow[] = [];
      const counts = new Map<string, number>();
      const count = (tag: string) => {
        const index = counts.get(tag) ?? 0;
        counts.set(tag, index + 1);
        return index;
      };
      const walk = (parent: Element) => {
        for (const child of Array.from(parent.children)) {
          const index = count(child.localName);
          // Its own box and the text inside it (a range over a node gives both).
          const boxes = document.createRange();
          boxes.selectNode(child);
          const excess = Math.max(0, ...Array.from(boxes.getClientRects()).map(beyond));
          if (excess <= 1) walk(child);
          else {
            overflows.push({ tag: child.localName, index, excess: Math.round(excess) });
            // Its descendants still count, so that the places of later elements stay right.
            for (const inner of Array.from(child.querySelectorAll('*'))) count(inner.localName);
          }
        }
      };
      walk(element);
      return { ...layout, overflows };
    };
    const chapters: Record<string, ColumnLayout> = {};
    for (const section of chapterBlocks) chapters[section.id] = layOut(section, request.chapters[section.id]!);
    if (!request.front) return { chapters };
    const front: FrontColumns = { pages: 0, starts: {} };
    for (const element of frontBlocks) {
      if (element.id) front.starts[element.id] = front.pages + 1;
      front.pages += layOut(element, []).pages;
    }
    return { chapters, front };
  } finally {
    root.classList.remove('measuring');
    for (const box of boxes) box.replaceWith(...Array.from(box.childNodes));
    root.style.removeProperty('--text-width');
    root.style.removeProperty('--text-height');
  }
}
