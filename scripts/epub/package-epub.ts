import { deflateRawSync } from 'node:zlib';
import { EPub } from 'epub-gen-memory';
import type { PackagedFile } from '../output/packaged-file.ts';
import { compressEntries } from './compress-entries.ts';

/** Everything that goes into an EPUB, already rendered by the toolchain. */
export interface EpubContents {
  title: string;
  lang: string;
  /** The package document (`OEBPS/content.opf`). */
  opf: string;
  /** The navigation document (`OEBPS/toc.xhtml`). */
  nav: string;
  /** The EPUB 2 NCX (`OEBPS/toc.ncx`). */
  ncx: string;
  /** The stylesheet (`OEBPS/style.css`). */
  css: string;
  /** XHTML content documents, each with a file name at the root of `OEBPS/`. */
  documents: Array<{ filename: string; xhtml: string }>;
  /** Images, fonts and other files. */
  files: PackagedFile[];
  /** The date every zip entry carries. */
  modified: Date;
}


/** How much of an image is tried with zlib to tell whether deflating it pays. */
const imageSample = 64 * 1024;

/**
 * Whether a file is worth deflating in the archive. WOFF and WOFF2 fonts are compressed by
 * their format: never. A JPEG, PNG, GIF or WebP image usually is too (deflating a
 * photograph again gains nothing and costs time), but not always (a flat drawn cover
 * shrinks much), so its first 64 KiB are tried with zlib's fastest level (see
 * docs/performance.md, 'Figures behind the design'). Everything else (text) is deflated.
 */
function worthDeflating(file: PackagedFile): boolean {
  if (/\.woff2?$/i.test(file.path)) return false;
  if (typeof file.data === 'string' || !/\.(jpe?g|png|gif|webp)$/i.test(file.path)) return true;
  const sample = file.data.subarray(0, imageSample);
  return deflateRawSync(sample, { level: 1 }).length < sample.length * 0.95;
}

/**
 * epub-gen-memory with nothing left to chance. The library sanitises chapter HTML (it
 * drops `data-*`, `width`, `start`, breaks inline SVG, rewrites `alt=""`), fetches every
 * `<img src>` it sees, and picks a random identifier, random image names and the current
 * time. Here it only packages: its templates are replaced by ones that print our rendered
 * text verbatim, chapter content passes as a template variable that its sanitiser never
 * sees, our files are added under the names we chose, and every zip entry gets `modified`.
 * Its JSZip still writes the archive, from entries that Node's zlib has compressed.
 */
class VerbatimEpub extends EPub {
  /**
   * Adds a file under `OEBPS/` with exactly these bytes, stored rather than deflated when
   * deflating would not pay (see {@link worthDeflating}).
   */
  addFile(file: PackagedFile): void {
    const compression = worthDeflating(file) ? undefined : 'STORE';
    this.zip.file(`OEBPS/${file.path}`, file.data, { binary: typeof file.data !== 'string', createFolders: false, compression });
  }

  /** Gives every zip entry the same date, so the archive does not depend on the clock. */
  stampEntries(date: Date): void {
    // JSZip stores each entry's DOS time from the date's UTC fields: no time zone leaks in.
    for (const entry of Object.values(this.zip.files)) entry.date = date;
  }

  /** Compresses every entry with Node's zlib, deflated or stored (see {@link compressEntries}). */
  compress(level: number): Promise<void> {
    return compressEntries(this.zip, level);
  }
}

/** Packages rendered EPUB contents into the bytes of an `.epub` file. */
export async function packageEpub(contents: EpubContents): Promise<Uint8Array> {
  const epub = new VerbatimEpub(
    {
      title: contents.title,
      lang: contents.lang,
      css: contents.css,
      version: 3,
      verbose: false,
      ignoreFailedDownloads: false,
      fonts: [],
      // Each template prints one of our rendered texts as it is. Extra options and
      // chapter fields reach the templates; the library itself ignores them.
      contentOPF: '<%- opf %>',
      tocXHTML: '<%- nav %>',
      tocNCX: '<%- ncx %>',
      chapterXHTML: '<%- xhtml %>',
      ...({ opf: contents.opf, nav: contents.nav, ncx: contents.ncx } as object),
    },
    contents.documents.map((document) => ({
      title: document.filename,
      filename: document.filename,
      content: '',
      xhtml: document.xhtml,
    })),
  );
  await epub.render();
  for (const file of contents.files) epub.addFile(file);
  epub.stampEntries(contents.modified);
  await epub.compress(9);
  return epub.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE' });
}
