import type { Root, RootContent } from 'mdast';
import { smartypantsu } from 'smartypants';
import { visit } from 'unist-util-visit';

/** Blocks whose text starts afresh: a quote at their start always opens. */
const blocks = new Set(['paragraph', 'heading', 'tableCell', 'definitionTerm']);
/** SmartyPants reads `<`, `>` and `&` as HTML; in plain text each stands in as one private-use character. */
const shield = (text: string) => text.replace(/[<>&]/g, (character) => String.fromCharCode(0xe000 + '<>&'.indexOf(character)));
const unshield = (text: string) => text.replace(/[\uE000-\uE002]/g, (character) => '<>&'[character.charCodeAt(0) - 0xe000]!);

/** Smart typography for a string that stands alone, such as a caption or a title. */
export function smartenText(text: string): string {
  return unshield(smartypantsu(shield(text), 'qDe'));
}

/**
 * Smart typography with Gruber's SmartyPants rules: curly quotes and apostrophes, `--` an
 * en dash, `---` an em dash, `...` an ellipsis. Quotes are decided on the text of the
 * whole document at once, so a quote outside emphasis or a link pairs with its partner
 * inside; inline code is seen only as placeholder letters and never changed. This is
 * remark-smartypants' approach, with the `smartypants` string port in place of retext,
 * whose parse took most of a long book's parse time.
 */
export default function remarkSmartTypography() {
  return (tree: Root): void => {
    const pieces: Array<{ node: { value: string } | undefined; code: boolean }> = [];
    let all = '';
    visit(tree, (node: Root | RootContent) => {
      if (blocks.has(node.type)) {
        pieces.push({ node: undefined, code: false });
        all += ' ';
      } else if (node.type === 'image') {
        // Alt text and the title (a figure's caption) stand alone.
        node.alt = node.alt ? smartenText(node.alt) : node.alt;
        node.title = node.title ? smartenText(node.title) : node.title;
      } else if (node.type === 'text' || node.type === 'inlineCode') {
        pieces.push({ node, code: node.type === 'inlineCode' });
        all += node.type === 'text' ? shield(node.value) : 'A'.repeat(node.value.length);
      }
    });
    // Educating quotes changes no lengths, so each text node takes its slice back.
    const quoted = smartypantsu(all, 'q');
    let offset = 0;
    for (const { node, code } of pieces) {
      if (!node) {
        offset += 1;
        continue;
      }
      const end = offset + node.value.length;
      if (!code) node.value = unshield(smartypantsu(quoted.slice(offset, end), 'De'));
      offset = end;
    }
  };
}
