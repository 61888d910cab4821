import { execFileSync } from 'node:child_process';

/** One word of a PDF page as `pdftotext -bbox` places it, in points from the top left. */
export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One page of a PDF: its size in points and its words in reading order. */
export interface PageWords {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  words: WordBox[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

/**
 * Every page's word boxes, read with `pdftotext -bbox`. Soft hyphens (the print build's
 * hyphenation points) are removed from the words, so a word reads as it was written.
 */
export function wordBoxes(file: string): PageWords[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const pages: PageWords[] = [];
  for (const page of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...page[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((word) => ({
      text: decode(word[5]!).replace(/\u00AD/g, ''),
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
    }));
    pages.push({ page: pages.length + 1, width: Number(page[1]), height: Number(page[2]), words });
  }
  return pages;
}
