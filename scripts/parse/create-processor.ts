import rehypeSlug from 'rehype-slug';
import rehypeTableColumns from '../transforms/rehype-table-columns.ts';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfmWhereUsed from '../transforms/remark-gfm-where-used.ts';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ParseSettings } from '../config/parse-settings.ts';
import rehypeAlignment from '../transforms/rehype-alignment.ts';
import rehypeBlockDirection from '../transforms/rehype-block-direction.ts';
import rehypeBookFootnotes from '../transforms/rehype-book-footnotes.ts';
import rehypeChapterFacts from '../transforms/rehype-chapter-facts.ts';
import rehypeCodeLines from '../transforms/rehype-code-lines.ts';
import rehypeContentModel from '../transforms/rehype-content-model.ts';
import rehypeEpubType from '../transforms/rehype-epub-type.ts';
import rehypeFigures from '../transforms/rehype-figures.ts';
import rehypeHeaderlessTables from '../transforms/rehype-headerless-tables.ts';
import rehypeNestingLimit from '../transforms/rehype-nesting-limit.ts';
import rehypeRawWhenPresent from '../transforms/rehype-raw-when-present.ts';
import rehypeResources from '../transforms/rehype-resources.ts';
import rehypeSanitizeHtml from '../transforms/rehype-sanitize-html.ts';
import rehypeUniqueIds from '../transforms/rehype-unique-ids.ts';
import rehypeWordCount from '../transforms/rehype-word-count.ts';
import rehypeXmlIds from '../transforms/rehype-xml-ids.ts';
import remarkFootnoteCheck from '../transforms/remark-footnote-check.ts';
import remarkFrontMatterData from '../transforms/remark-front-matter-data.ts';
import remarkPandocTitleBlock from '../transforms/remark-pandoc-title-block.ts';
import remarkSmartTypography from '../transforms/remark-smart-typography.ts';

/** Options of {@link createProcessor}. */
export interface ProcessorOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** The settings of `book.yaml` the transforms read (see `parseSettings`), which the parse cache keys on. */
  settings: ParseSettings;
}

/**
 * The one unified processor every chapter goes through, Markdown to hast:
 * remark-parse with front matter (YAML, or a pandoc title block), GFM (see `remarkGfmWhereUsed`) and pandoc-style
 * definition lists, smart typography, then remark-rehype, raw HTML parsed (rehype-raw,
 * when a chapter has any) and sanitised before the book's own rehype transforms add their
 * markup. Positions survive every step, so any later check can point at a Markdown line
 * and column.
 */
export function createProcessor(options: ProcessorOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkFrontMatterData)
    .use(remarkPandocTitleBlock)
    .use(remarkGfmWhereUsed)
    .use(remarkDefinitionList)
    .use(remarkFootnoteCheck)
    .use(remarkSmartTypography)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', handlers: defListHastHandlers })
    .use(rehypeRawWhenPresent)
    .use(rehypeAlignment)
    .use(rehypeSanitizeHtml)
    .use(rehypeEpubType)
    .use(rehypeContentModel)
    .use(rehypeNestingLimit)
    .use(rehypeSlug)
    .use(rehypeXmlIds)
    .use(rehypeFigures)
    .use(rehypeCodeLines)
    .use(rehypeHeaderlessTables)
    .use(rehypeTableColumns)
    .use(rehypeBookFootnotes)
    .use(rehypeBlockDirection, { lang: options.settings.lang })
    .use(rehypeUniqueIds)
    .use(rehypeResources, { manuscriptDir: options.manuscriptDir })
    .use(rehypeWordCount)
    .use(rehypeChapterFacts)
    .freeze();
}
