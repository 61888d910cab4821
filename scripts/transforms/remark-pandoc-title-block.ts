import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';

/**
 * Reads a pandoc title block (pandoc's `pandoc_title_block` extension) at the very top of
 * a chapter, `% Title`, `% Author; Author`, `% Date`, each field continued on lines that
 * begin with a space, and takes it out of the text: the title becomes the chapter's
 * front-matter `title` (with `file.data.titlePlace`). A chapter has no author or date of
 * its own, so those fields are a `title-block` warning saying they are not used. A first
 * paragraph with any other line, or with more than three fields, is text, as in pandoc.
 */
export default function remarkPandocTitleBlock() {
  return (tree: Root, file: VFile): void => {
    const node = tree.children[0];
    const end = node?.position?.end.offset;
    if (node?.type !== 'paragraph' || node.position?.start.offset !== 0 || end === undefined) return;
    const block = titleBlockFields(String(file.value).slice(0, end));
    if (!block) return;
    tree.children.shift();
    const [title = '', authors = '', date = ''] = block.fields;
    const frontMatter = (file.data.frontMatter ??= {});
    if (title && frontMatter.title === undefined) {
      frontMatter.title = title;
      file.data.titlePlace = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 + firstLineLength(String(file.value)) } };
    }
    const unused = [authors && 'author', date && 'date'].filter(Boolean);
    if (unused.length > 0) {
      reportWarning(
        file,
        `The title block's ${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} not used: a chapter takes them from \`book.yaml\` (\`author\`, \`date\`)`,
        { line: block.lines[authors ? 1 : 2]!, column: 1 },
        'title-block',
      );
    }
  };
}

/**
 * The fields of a pandoc title block (title, authors, date; continuation lines joined) and
 * the line each begins on, or undefined when `text` is not one.
 */
function titleBlockFields(text: string): { fields: string[]; lines: number[] } | undefined {
  const fields: string[][] = [];
  const lines: number[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.startsWith('%')) {
      fields.push([line.slice(1).trim()]);
      lines.push(index + 1);
    } else if (/^\s/.test(line) && fields.length > 0) fields.at(-1)!.push(line.trim());
    else return undefined;
  }
  if (fields.length === 0 || fields.length > 3) return undefined;
  return { fields: fields.map((parts, index) => parts.filter(Boolean).join(index === 1 ? '; ' : ' ')), lines };
}

function firstLineLength(text: string): number {
  const newline = text.search(/\r?\n/);
  return newline === -1 ? text.length : newline;
}
