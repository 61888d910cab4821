import { bookStyleHrefs } from '../book/book-styles.ts';
import type { Book, Chapter } from '../book/types.ts';
import { textDirection } from '../config/text-direction.ts';
import type { PackagedFile } from '../output/packaged-file.ts';
import { bookDocuments, type DocumentKind } from '../render/book-documents.ts';
import { chapterSection, fileAddressing } from '../render/chapter-section.ts';
import { contentsEntries } from '../render/contents.ts';
import { bookLabel, copyrightPage, titlePage } from '../render/front-pages.ts';
import { serializeHtml } from '../render/serialize-html.ts';
import { siteAssets, type SiteAssets } from '../render/site-assets.ts';
import { renderTemplate } from '../render/templates.ts';

/** The page of the web edition that a chapter becomes. */
export function chapterPageName(chapter: Chapter): string {
  return `${chapter.name}.html`;
}

/**
 * The web edition, as files under `html/`: `index.html` (title, copyright and contents),
 * one page per chapter, and what they link to (see `siteAssets`): the stylesheets, the
 * fonts and the images (`assets`, when the build has them already). The web renderer adds
 * `print.html` beside them.
 */
export async function renderHtml(book: Book, assets?: SiteAssets): Promise<PackagedFile[]> {
  return [...webPages(book), ...(assets ?? (await siteAssets(book))).files];
}

/** The documents of the web edition (see `bookDocuments`): the front pages, folded into its home page, and the chapters; no part pages. */
const webKinds: ReadonlySet<DocumentKind> = new Set(['titlepage', 'copyright', 'contents', 'chapter']);

/** The web edition's pages: the home page and one page per chapter. */
function webPages(book: Book): PackagedFile[] {
  const { config } = book;
  const files: PackagedFile[] = [];
  const web = fileAddressing(book, chapterPageName);
  const chapters = bookDocuments(book, webKinds).flatMap((document) => (document.kind === 'chapter' ? [document.chapter] : []));
  const pages = chapters.map((chapter) => ({ href: chapterPageName(chapter), title: chapter.title }));
  const webContents = renderTemplate('partials/contents.ejs', {
    entries: contentsEntries(book, { chapter: (chapter, fragment) => chapterPageName(chapter) + (fragment ? `#${fragment}` : '') }, true),
  });
  const label = bookLabel(book);
  const styles = bookStyleHrefs(book);
  const page = (title: string, body: string, index: number) =>
    renderTemplate('html/page.html.ejs', { lang: config.lang, dir: textDirection(config.lang), styles, title, body, previous: pages[index - 1], next: pages[index + 1], label });
  const home = renderTemplate('html/home.ejs', { titlepage: titlePage(book), copyright: copyrightPage(book), contents: webContents, label });
  files.push({ path: 'index.html', data: page(config.title, home, -1) });
  for (const [index, chapter] of chapters.entries()) {
    files.push({ path: chapterPageName(chapter), data: page(chapter.title, serializeHtml(chapterSection(chapter, web)), index) });
  }
  return files;
}
