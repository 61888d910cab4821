import { readFile } from 'node:fs/promises';
import type { Book, Chapter } from '../book/types.ts';
import { chapterSection, type Addressing } from '../render/chapter-section.ts';
import { contentsEntries } from '../render/contents.ts';
import { copyrightPage, templateBook, titlePage } from '../render/front-pages.ts';
import { serializeXhtml } from '../render/serialize-xhtml.ts';
import { readTemplateFile, renderTemplate } from '../render/templates.ts';
import { accessibilityMetadata } from './accessibility-metadata.ts';
import { packageEpub, type EpubContents } from './package-epub.ts';

/** One XHTML content document of the EPUB. */
export interface EpubDocument {
  /** Manifest id, an XML name. */
  id: string;
  filename: string;
  title: string;
  xhtml: string;
  /** Spine `linear="no"` when false. */
  linear?: boolean;
}

/** How the EPUB addresses chapters: one XHTML file each, ids as they are. */
function epubAddressing(book: Book): Addressing {
  const byPath = new Map(book.chapters.map((chapter) => [chapter.sourcePath, chapter]));
  return {
    href(reference, from) {
      const fragment = reference.fragment ? `#${reference.fragment}` : '';
      if (reference.targetPath === from.sourcePath && fragment) return fragment;
      const target = byPath.get(reference.targetPath);
      if (!target) throw new Error(`Unchecked link from ${from.sourcePath} to ${reference.targetPath}`);
      return chapterFileName(target) + fragment;
    },
    id: (id) => id,
  };
}

/** The file name of a chapter inside the EPUB. */
export function chapterFileName(chapter: Chapter): string {
  return `${chapter.name}.xhtml`;
}

/**
 * Renders every XHTML content document of the EPUB in reading order: the cover page
 * (when there is a cover), the title page, the copyright page, then the chapters.
 */
export function renderEpubDocuments(book: Book): EpubDocument[] {
  const { config } = book;
  const addressing = epubAddressing(book);
  const documents: EpubDocument[] = [];
  const page = (title: string, body: string, matter?: string) =>
    renderTemplate('epub/document.xhtml.ejs', { lang: config.lang, title, body, matter });
  if (config.coverImage) {
    const body = renderTemplate('epub/cover.ejs', { src: encodeURI(config.coverImage), alt: `Cover of ${config.title}` });
    documents.push({ id: 'cover', filename: 'cover.xhtml', title: 'Cover', xhtml: page(config.title, body) });
  }
  documents.push({ id: 'titlepage', filename: 'titlepage.xhtml', title: config.title, xhtml: page(config.title, titlePage(book), 'frontmatter') });
  documents.push({ id: 'copyright', filename: 'copyright.xhtml', title: 'Copyright', xhtml: page('Copyright', copyrightPage(book), 'frontmatter') });
  for (const chapter of book.chapters) {
    const body = serializeXhtml(chapterSection(chapter, addressing));
    documents.push({ id: chapter.id, filename: chapterFileName(chapter), title: chapter.title, xhtml: page(chapter.title, body, chapter.matter) });
  }
  return documents;
}

/** Renders the whole book as EPUB 3 bytes. `modified` stamps the package and the zip. */
export async function renderEpub(book: Book, modified: Date): Promise<Uint8Array> {
  const documents = renderEpubDocuments(book);
  const { config } = book;
  const entries = contentsEntries(book, (chapter, fragment) => chapterFileName(chapter) + (fragment ? `#${fragment}` : ''), true);
  const firstBody = book.chapters.find((chapter) => chapter.matter === 'bodymatter') ?? book.chapters[0];
  const firstBack = book.chapters.find((chapter) => chapter.matter === 'backmatter');
  const landmarks = [
    ...(config.coverImage ? [{ type: 'cover', href: 'cover.xhtml', title: 'Cover' }] : []),
    { type: 'titlepage', href: 'titlepage.xhtml', title: 'Title Page' },
    { type: 'toc', href: 'toc.xhtml#toc', title: 'Contents' },
    ...(firstBody ? [{ type: 'bodymatter', href: chapterFileName(firstBody), title: 'Start of Content' }] : []),
    ...(firstBack ? [{ type: 'backmatter', href: chapterFileName(firstBack), title: 'Back Matter' }] : []),
  ];
  const contents = renderTemplate('partials/contents.ejs', { entries });
  const navBody = renderTemplate('epub/nav.ejs', { tocTitle: 'Contents', contents, landmarks });
  const nav = renderTemplate('epub/document.xhtml.ejs', { lang: config.lang, title: 'Contents', body: navBody, matter: 'frontmatter' });
  const ncx = renderTemplate('epub/toc.ncx.ejs', { book: templateBook(book), entries, depth: 2 });

  const assets = [...book.assets.values()];
  const manifest = [
    { id: 'nav', href: 'toc.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
    ...documents.map((document) => ({ id: document.id, href: document.filename, mediaType: 'application/xhtml+xml' })),
    ...assets.map((asset, index) => ({
      id: asset.relative === config.coverImage ? 'cover-image' : `asset-${index + 1}`,
      href: encodeURI(asset.relative),
      mediaType: asset.mediaType,
      properties: asset.relative === config.coverImage ? 'cover-image' : undefined,
    })),
  ];
  const spine = [
    ...documents.slice(0, documents.length - book.chapters.length).map((document) => ({ id: document.id })),
    { id: 'nav' },
    ...book.chapters.map((chapter) => ({ id: chapter.id })),
  ];
  const opf = renderTemplate('epub/package.opf.ejs', {
    book: templateBook(book),
    modified: modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    coverId: config.coverImage ? 'cover-image' : undefined,
    accessibility: accessibilityMetadata(book, { pageList: false }),
    manifest,
    spine,
  });

  const contentsForPackage: EpubContents = {
    title: config.title,
    lang: config.lang,
    opf,
    nav,
    ncx,
    css: `${readTemplateFile('styles/base.css')}\n${readTemplateFile('styles/epub.css')}`,
    documents: documents.map(({ filename, xhtml }) => ({ filename, xhtml })),
    files: await Promise.all(assets.map(async (asset) => ({ path: asset.relative, data: await readFile(asset.source) }))),
    modified,
  };
  return packageEpub(contentsForPackage);
}
