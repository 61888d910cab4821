import { bookStyleHrefs } from '../book/book-styles.ts';
import { textDirection } from '../config/text-direction.ts';
import type { Book, Chapter, Part } from '../book/types.ts';
import type { FileCache } from '../cache/file-cache.ts';
import { bookDocuments, type BookDocument, type DocumentKind } from '../render/book-documents.ts';
import { templateSheets } from '../render/site-assets.ts';
import { chapterOutputKeys } from '../render/chapter-output-keys.ts';
import { fileAddressing } from '../render/chapter-section.ts';
import { contentsDepth, contentsEntries } from '../render/contents.ts';
import { bookLabel, copyrightPage, templateBook, titlePage } from '../render/front-pages.ts';
import { partOpenedBy, partPage } from '../render/part-page.ts';
import { serializeXhtml } from '../render/serialize-xhtml.ts';
import { readTemplateFile, renderTemplate } from '../render/templates.ts';
import { typefaceFiles } from '../render/typeface-files.ts';
import { epubPrefixDeclaration } from '../transforms/rehype-epub-type.ts';
import { accessibilityMetadata } from './accessibility-metadata.ts';
import { epubChapterBody, pageId, pageMarker } from './epub-chapter-body.ts';
import { EpubImages } from './epub-images.ts';
import type { PackagedFile } from '../output/packaged-file.ts';
import { packageEpub, type EpubContents } from './package-epub.ts';
import type { PageBreak } from './page-list.ts';

/** One XHTML content document of the EPUB. */
export interface EpubDocument {
  /** Manifest id, an XML name. */
  id: string;
  filename: string;
  title: string;
  xhtml: string;
}

/** Options of {@link renderEpub}. */
export interface EpubOptions {
  /** Stamps `dcterms:modified` and every zip entry. */
  modified: Date;
  /** A cover drawn from the templates (JPEG), for a book whose `book.yaml` names none. */
  generatedCover?: Uint8Array;
  /** The print edition's page breaks, marked in the text and listed in the nav's page-list. */
  pageBreaks?: PageBreak[];
  /** The book's images made ready for e-readers (see `EpubImages`), if already under way. */
  images?: Promise<PackagedFile[]>;
  /** Where chapters rendered by earlier builds are kept (see {@link cachedChapterBodies}). */
  cache?: FileCache;
}

/** Where the EPUB keeps a generated cover. */
export const generatedCoverPath = 'images/cover.jpg';

/** The file name of a chapter inside the EPUB. */
export function chapterFileName(chapter: Chapter): string {
  return `${chapter.name}.xhtml`;
}

/** The file name of a part's title page inside the EPUB. */
export function partFileName(part: Part): string {
  return `${part.id}.xhtml`;
}

/** The EPUB path of the book's cover: the manuscript's `cover-image`, else the generated one, else none. */
function coverPath(book: Book, generated: boolean): string | undefined {
  return book.config.coverImage ?? (generated ? generatedCoverPath : undefined);
}

/** A chapter's section as XHTML, with the markers of the print pages `breaks` (see `epubChapterBody`). */
export type ChapterBody = (chapter: Chapter, breaks: readonly PageBreak[]) => string;

/** The documents of the EPUB (see `bookDocuments`): a cover and no half title. */
const epubKinds: ReadonlySet<DocumentKind> = new Set(['cover', 'titlepage', 'copyright', 'contents', 'part', 'chapter']);

/**
 * Renders every XHTML content document of the EPUB in reading order (see `bookDocuments`):
 * the cover page (when there is a cover), the title page, the copyright page, then the
 * chapters, each made by `chapterBody` (default: `epubChapterBody`, uncached), with each
 * part's title page before its first chapter. The contents are the navigation document.
 */
export function renderEpubDocuments(book: Book, options: { generatedCover?: boolean; pageBreaks?: PageBreak[]; chapterBody?: ChapterBody } = {}): EpubDocument[] {
  const { config } = book;
  const addressing = fileAddressing(book, chapterFileName);
  const chapterBody = options.chapterBody ?? ((chapter, breaks) => epubChapterBody(chapter, addressing, breaks));
  const documents: EpubDocument[] = [];
  const styles = bookStyleHrefs(book);
  const page = (title: string, body: string, matter?: string) =>
    renderTemplate('epub/document.xhtml.ejs', { lang: config.lang, dir: textDirection(config.lang), epubPrefix: epubPrefixDeclaration, styles, title, body, matter });
  const label = bookLabel(book);
  const cover = coverPath(book, options.generatedCover ?? false);
  const breaks = options.pageBreaks ?? [];
  const frontMarkers = (document: string) => documentMarkers(breaks, document);
  for (const document of bookDocuments(book, epubKinds)) {
    if (document.kind === 'cover' && cover) {
      const body = renderTemplate('epub/cover.ejs', { src: encodeURI(cover), alt: label('cover-of', { title: config.title }) });
      documents.push({ id: 'cover', filename: 'cover.xhtml', title: label('cover'), xhtml: page(config.title, body) });
    } else if (document.kind === 'titlepage') {
      documents.push({ id: 'titlepage', filename: 'titlepage.xhtml', title: config.title, xhtml: page(config.title, frontMarkers('titlepage') + titlePage(book), 'frontmatter') });
    } else if (document.kind === 'copyright') {
      documents.push({ id: 'copyright', filename: 'copyright.xhtml', title: label('copyright'), xhtml: page(label('copyright'), frontMarkers('copyright') + copyrightPage(book), 'frontmatter') });
    } else if (document.kind === 'part') {
      const { part } = document;
      const markers = breaks.filter(({ place }) => 'partId' in place && place.partId === part.id).map(({ folio }) => serializeXhtml(pageMarker(folio))).join('');
      documents.push({ id: part.id, filename: partFileName(part), title: part.title, xhtml: page(part.title, markers + partPage(book, part), 'bodymatter') });
    } else if (document.kind === 'chapter') {
      const { chapter } = document;
      const body = chapterBody(chapter, breaks.filter(({ place }) => 'chapterId' in place && place.chapterId === chapter.id));
      documents.push({ id: chapter.id, filename: chapterFileName(chapter), title: chapter.title, xhtml: page(chapter.title, body, chapter.matter) });
    }
    // The contents are the navigation document, which `renderEpub` makes.
  }
  return documents;
}

/** The markers, as XHTML, of the print pages that begin at the start of a front document. */
function documentMarkers(breaks: readonly PageBreak[], document: string): string {
  return breaks
    .filter(({ place }) => 'document' in place && place.document === document)
    .map(({ folio }) => serializeXhtml(pageMarker(folio)))
    .join('');
}

/**
 * {@link ChapterBody} through `cache`: a chapter rendered before with the same parse, id,
 * names of the chapters it links to and page breaks at the same places (see
 * `chapterOutputKeys`), by the same code, is taken from it, so a rebuild after an edit
 * serialises only what changed. The folios are not part of the key: the cache keeps each
 * body with placeholders for them (see {@link splitAtFolios}), so the chapters after an edit
 * that moved their page numbers, but not their page breaks, are still taken from it.
 */
async function cachedChapterBodies(book: Book, cache: FileCache): Promise<ChapterBody> {
  const addressing = fileAddressing(book, chapterFileName);
  const keyOf = await chapterOutputKeys(book, { kind: 'epub', code: ['scripts/epub/epub-chapter-body.ts'] }, chapterFileName);
  return (chapter, breaks) => {
    const key = keyOf(chapter, breaks.map(({ place }) => ('anchorIndex' in place ? String(place.anchorIndex) : '')));
    const cached = cache.read(key)?.toString('utf8');
    const parts = cached === undefined ? undefined : splitAtFolios(cached, breaks.length);
    if (parts) return withFolios(parts, breaks);
    const body = epubChapterBody(chapter, addressing, breaks.map((pageBreak, index) => ({ ...pageBreak, folio: folioPlaceholder(index) })));
    const split = splitAtFolios(body, breaks.length);
    // The chapter's own text holds something like a placeholder: rendered as it is, and not kept.
    if (!split) return epubChapterBody(chapter, addressing, breaks);
    cache.write(key, body);
    return withFolios(split, breaks);
  };
}

/** Stands for the folio of a chapter's `index`th page break, in a body kept in the cache: two noncharacters around the index. */
function folioPlaceholder(index: number): string {
  return `\uFDD0${index}\uFDD1`;
}

/**
 * A body rendered with {@link folioPlaceholder}s for its `breaks` page breaks, split around
 * them: text, then the index of a break, then text, and so on. Undefined unless each
 * break's placeholder appears exactly twice and in order, as its marker's id and label
 * (see `pageMarker`), so that nothing else in the text is ever taken for one.
 */
function splitAtFolios(body: string, breaks: number): string[] | undefined {
  const parts = body.split(/\uFDD0(\d+)\uFDD1/);
  const found = parts.filter((_, index) => index % 2 === 1);
  const expected = Array.from({ length: breaks * 2 }, (_, index) => String(index >> 1));
  return found.length === expected.length && found.every((value, index) => value === expected[index]) ? parts : undefined;
}

/** The body that {@link splitAtFolios} split, with each placeholder replaced by its break's folio. */
function withFolios(parts: readonly string[], breaks: readonly PageBreak[]): string {
  return parts.map((part, index) => (index % 2 === 1 ? breaks[Number(part)]!.folio : part)).join('');
}

/** The manifest id of one of the book's documents in the EPUB: the contents are the navigation document, `nav`. */
function spineId(document: BookDocument): string {
  if (document.kind === 'part') return document.part.id;
  if (document.kind === 'chapter') return document.chapter.id;
  return document.kind === 'contents' ? 'nav' : document.kind;
}

/** Renders the whole book as EPUB 3 bytes. */
export async function renderEpub(book: Book, options: EpubOptions): Promise<Uint8Array> {
  const { config } = book;
  const chapterBody = options.cache ? await cachedChapterBodies(book, options.cache) : undefined;
  const documents = renderEpubDocuments(book, { generatedCover: options.generatedCover !== undefined, pageBreaks: options.pageBreaks, chapterBody });
  const chapterFiles = new Map(book.chapters.map((chapter) => [chapter.id, chapterFileName(chapter)]));
  const frontFiles: Record<string, string> = { titlepage: 'titlepage.xhtml', copyright: 'copyright.xhtml', nav: 'toc.xhtml' };
  const partFiles = new Map(book.parts.map((part) => [part.id, partFileName(part)]));
  const pages = (options.pageBreaks ?? []).map(({ folio, place }) => ({
    folio,
    href: `${'document' in place ? frontFiles[place.document] : 'partId' in place ? partFiles.get(place.partId) : chapterFiles.get(place.chapterId)}#${pageId(folio)}`,
  }));
  const cover = coverPath(book, options.generatedCover !== undefined);
  const entries = contentsEntries(book, { chapter: (chapter, fragment) => chapterFileName(chapter) + (fragment ? `#${fragment}` : ''), part: partFileName }, true);
  const firstBody = book.chapters.find((chapter) => chapter.matter === 'bodymatter') ?? book.chapters[0];
  const firstBodyPart = firstBody && partOpenedBy(book, firstBody.id);
  const firstBack = book.chapters.find((chapter) => chapter.matter === 'backmatter');
  const label = bookLabel(book);
  const landmarks = [
    ...(cover ? [{ type: 'cover', href: 'cover.xhtml', title: label('cover') }] : []),
    { type: 'titlepage', href: 'titlepage.xhtml', title: label('title-page') },
    { type: 'toc', href: 'toc.xhtml#toc', title: label('contents') },
    ...(firstBody ? [{ type: 'bodymatter', href: firstBodyPart ? partFileName(firstBodyPart) : chapterFileName(firstBody), title: label('start-of-content') }] : []),
    ...(firstBack ? [{ type: 'backmatter', href: chapterFileName(firstBack), title: label('back-matter') }] : []),
  ];
  const contents = renderTemplate('partials/contents.ejs', { entries });
  const navBody = documentMarkers(options.pageBreaks ?? [], 'nav') + renderTemplate('epub/nav.ejs', { label, contents, landmarks, pages });
  const dir = textDirection(config.lang);
  const nav = renderTemplate('epub/document.xhtml.ejs', { lang: config.lang, dir, epubPrefix: epubPrefixDeclaration, styles: bookStyleHrefs(book), title: label('contents'), body: navBody, matter: 'frontmatter' });
  const ncx = renderTemplate('epub/toc.ncx.ejs', { book: templateBook(book), entries, depth: contentsDepth(entries) });

  const images = [...(await (options.images ?? new EpubImages().all(book)))];
  if (options.generatedCover && cover === generatedCoverPath) images.push({ path: generatedCoverPath, data: options.generatedCover });
  const mediaTypes = new Map([...book.assets.values()].map((asset) => [asset.relative, asset.mediaType]));
  mediaTypes.set(generatedCoverPath, 'image/jpeg');
  const fonts = await typefaceFiles('fonts/', [...documents.map((document) => document.xhtml), nav]);

  const manifest = [
    { id: 'nav', href: 'toc.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
    ...bookStyleHrefs(book).map((href, index) => ({ id: `book-style-${index + 1}`, href, mediaType: 'text/css' })),
    ...documents.map((document) => ({ id: document.id, href: document.filename, mediaType: 'application/xhtml+xml' })),
    ...images.map((image, index) => ({
      id: image.path === cover ? 'cover-image' : `image-${index + 1}`,
      href: encodeURI(image.path),
      mediaType: mediaTypes.get(image.path)!,
      properties: image.path === cover ? 'cover-image' : undefined,
    })),
    ...fonts.files.map((font, index) => ({ id: `font-${index + 1}`, href: font.path, mediaType: 'font/woff2' })),
  ];
  // The spine follows the book's documents, the navigation document where the contents go.
  const rendered = new Set(documents.map((document) => document.id));
  const spine = bookDocuments(book, epubKinds)
    .map(spineId)
    .filter((id) => id === 'nav' || rendered.has(id))
    .map((id) => ({ id }));
  const opf = renderTemplate('epub/package.opf.ejs', {
    book: templateBook(book),
    modified: options.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    dir,
    coverId: cover ? 'cover-image' : undefined,
    accessibility: accessibilityMetadata(book, { pageList: pages.length > 0 }),
    pageSource: pages.length > 0 ? config.printIdentifier ?? config.identifier : undefined,
    manifest,
    spine,
  });

  const contentsForPackage: EpubContents = {
    title: config.title,
    lang: config.lang,
    opf,
    nav,
    ncx,
    css: [fonts.css, ...templateSheets(book, ['base.css', 'epub.css']).map((sheet) => readTemplateFile(`styles/${sheet}`))].join('\n'),
    documents: documents.map(({ filename, xhtml }) => ({ filename, xhtml })),
    files: [...book.styles.map((style) => ({ path: style.href, data: style.css })), ...images, ...fonts.files],
    modified: options.modified,
  };
  return packageEpub(contentsForPackage);
}
