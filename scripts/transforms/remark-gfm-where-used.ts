import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** What an autolink literal needs in its text: `www.`, `http://`, `https://` or `@` (emails, `mailto:`, `xmpp:`). */
const autolinkTrigger = /www\.|https?:\/\/|@/i;
/** A character reference (`&#46;`, `&period;`), which may stand for any of a trigger's characters. */
const characterReference = /&(?:#x?[\da-f]+|[a-z][\da-z]*);/i;

/**
 * Whether a chapter could hold an autolink literal. GFM finds them in the text as it is
 * once escapes and character references are resolved (`www\.x.org` and `www&#46;x.org`
 * are links too), so backslashes before a trigger's punctuation are dropped before
 * looking, and a chapter with any character reference is taken to hold one.
 */
function mayHoldAutolink(document: string): boolean {
  const unescaped = document.includes('\\') ? document.replace(/\\(?=[.:/@])/g, '') : document;
  return autolinkTrigger.test(unescaped) || characterReference.test(document);
}

/** Whether a chapter could hold a table: its delimiter row needs a `|`, or a `:` beside a `-` (`:-`, `-:`). */
const mayHoldTable = /\||:-|-:/;

/**
 * GitHub Flavored Markdown as remark-gfm gives it (autolink literals, footnotes,
 * strikethrough, tables, task lists), with the two constructs that cost most left out of
 * a chapter whose text cannot hold them: micromark tries an autolink literal at every
 * letter (an email address may start anywhere), and a table at every line, which made
 * GFM nearly triple the parse of a book. The trees are the same either way; a chapter
 * with no `@`, `www.`, `://`, `|` or character reference parses markedly faster (measured
 * against remark-gfm: docs/performance.md). Put it after remark-parse, whose parser it wraps.
 */
export default function remarkGfmWhereUsed(this: Processor): void {
  const data = this.data();
  const syntax = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  const autolinkSyntax = gfmAutolinkLiteral();
  const autolinkFromMarkdown = gfmAutolinkLiteralFromMarkdown();
  const tableSyntax = gfmTable();
  // In remark-gfm's order, noting where the two sit in the lists remark-parse reads, to be
  // swapped per chapter.
  const autolinkSyntaxAt = syntax.push(autolinkSyntax) - 1;
  syntax.push(gfmFootnote(), gfmStrikethrough());
  const tableSyntaxAt = syntax.push(tableSyntax) - 1;
  syntax.push(gfmTaskListItem());
  const autolinkFromMarkdownAt = fromMarkdown.push(autolinkFromMarkdown) - 1;
  fromMarkdown.push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
  const parse = this.parser;
  if (!parse) throw new Error('remarkGfmWhereUsed must come after remark-parse, whose parser it wraps');
  this.parser = (document, file) => {
    const autolinks = mayHoldAutolink(document);
    syntax[autolinkSyntaxAt] = autolinks ? autolinkSyntax : {};
    fromMarkdown[autolinkFromMarkdownAt] = autolinks ? autolinkFromMarkdown : {};
    syntax[tableSyntaxAt] = mayHoldTable.test(document) ? tableSyntax : {};
    return parse(document, file);
  };
}
