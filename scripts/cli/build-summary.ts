import path from 'node:path';
import type { BuildResult } from '../build/build.ts';

/** A size as people read it: kB below a megabyte, MB with one decimal above. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * The lines printed after a successful build: each output with its size, then one line
 * with the title, the word count, the PDF's page count when there is one, and the time.
 */
export function buildSummary(result: BuildResult, seconds: number, cwd = process.cwd()): string[] {
  const lines = result.outputs.map(
    (output) => `${output.format.padEnd(5)} ${path.relative(cwd, output.path)}${output.format === 'html' ? '/' : ''} (${formatBytes(output.bytes)})`,
  );
  const facts = [`${withThousands(result.words)} words`];
  if (result.pageCount !== undefined) facts.push(`${result.pageCount} pages`);
  lines.push(`built "${result.book.config.title}" (${facts.join(', ')}) in ${seconds.toFixed(1)} s`);
  return lines;
}

/** A count with commas between thousands (6,248), without the cost of loading ICU's number formats. */
function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
