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

/** A chapter's measured layout: its page count and each anchor's page counted from its first. */
export interface ColumnLayout {
  pages: number;
  anchors: Record<string, number>;
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

/**
 * Lays out every chapter (a `section` with the chapter's id) in columns of `block`'s size
 * (the document's measuring styles read the size from `--text-width` and `--text-height`,
 * and show the body once the root has the class `measuring`)
 * and reads, for each chapter, how many columns it fills and the column each anchor
 * begins in. A column holding only zero-sized boxes does not count: a page with nothing
 * on it is never printed.
 */
export function layOutInColumns(block: TextBlock, anchorsByChapter: Record<string, string[]>): Record<string, ColumnLayout> {
  const root = document.documentElement.style;
  root.setProperty('--text-width', `${block.width}px`);
  root.setProperty('--text-height', `${block.height}px`);
  document.documentElement.classList.add('measuring');
  const layouts: Record<string, ColumnLayout> = {};
  for (const [chapterId, anchorIds] of Object.entries(anchorsByChapter)) {
    const section = document.getElementById(chapterId);
    if (!section) throw new Error(`chapter ${chapterId} is missing from the measuring document`);
    const origin = section.getBoundingClientRect().left;
    const column = (rect: DOMRect) => Math.floor((rect.left - origin + 0.5) / block.width);
    const anchors: Record<string, number> = {};
    for (const id of anchorIds) {
      const element = document.getElementById(id);
      const first = element?.getClientRects()[0];
      if (first) anchors[id] = column(first);
    }
    const range = document.createRange();
    range.selectNodeContents(section);
    let last = 0;
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) last = Math.max(last, column(rect));
    layouts[chapterId] = { pages: last + 1, anchors };
  }
  return layouts;
}
