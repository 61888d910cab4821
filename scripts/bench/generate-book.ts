import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What {@link generateBook} makes. */
export interface GeneratedBookOptions {
  /** Folder to write the manuscript into. */
  dir: string;
  words: number;
  chapters: number;
  /** Seed of the pseudo-random choices: the same seed gives the same book. */
  seed: number;
  /** A folder of Markdown whose words make the vocabulary. */
  vocabularyFrom: string;
}

/** Mulberry32: a small, fast, seeded pseudo-random generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes a large book for benchmarks, deterministically from a seed: `chapters` chapters
 * of about `words / chapters` words each, in sections and paragraphs of real words, with a
 * footnote in every chapter, a table every tenth and a figure every twentieth. The output
 * is not committed; `npm run bench` makes it in a temporary folder.
 */
export function generateBook(options: GeneratedBookOptions): void {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const vocabulary = readdirSync(options.vocabularyFrom)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => readFileSync(path.join(options.vocabularyFrom, name), 'utf8').toLowerCase().match(/[a-z]{2,}/g) ?? []);
  mkdirSync(path.join(options.dir, 'images'), { recursive: true });
  writeFileSync(path.join(options.dir, 'images/figure.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60" width="300" height="180"><title>Bars</title><rect x="10" y="20" width="20" height="40"/><rect x="40" y="10" width="20" height="50"/><rect x="70" y="30" width="20" height="30"/></svg>\n');
  const sentence = () => {
    const length = 8 + Math.floor(next() * 18);
    const words = Array.from({ length }, () => pick(vocabulary));
    if (next() < 0.1) words[1] = `*${words[1]}*`;
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const perChapter = Math.round(options.words / options.chapters);
  const names: string[] = [];
  for (let index = 1; index <= options.chapters; index++) {
    const name = `${String(index).padStart(4, '0')}-chapter.md`;
    names.push(name);
    const lines = [`---\ntitle: "Chapter ${index}"\n---\n`, `# Chapter ${index}\n`];
    let written = 0;
    let section = 0;
    while (written < perChapter) {
      if (written % 1200 < 120) lines.push(`## Part ${++section}\n`);
      const sentences = Array.from({ length: 3 + Math.floor(next() * 6) }, sentence);
      if (written === 0) sentences[0] += '[^note]';
      const paragraph = sentences.join(' ');
      written += paragraph.split(' ').length;
      lines.push(`${paragraph}\n`);
    }
    if (index % 10 === 0) lines.push('| Year | Event |\n| --- | --- |\n| 1900 | One |\n| 1938 | Two |\n');
    if (index % 20 === 0) lines.push(`![Three bars of different heights.](images/figure.svg "Figure ${index / 20}. Bars.")\n`);
    lines.push(`[^note]: ${sentence()}\n`);
    writeFileSync(path.join(options.dir, name), lines.join('\n'));
  }
  writeFileSync(
    path.join(options.dir, 'book.yaml'),
    `title: "A Generated Book of ${options.words} Words"\nauthor: "Quire Bench"\nlang: en\nidentifier: "urn:uuid:00000000-0000-4000-8000-${String(options.words).padStart(12, '0')}"\ncover-image: images/figure.svg\n`,
  );
}
