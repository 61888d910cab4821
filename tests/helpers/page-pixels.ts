import { execFileSync } from 'node:child_process';

/** One page of a PDF as pixels, rendered by poppler's `pdftoppm`. */
export interface PagePixels {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  /** The colour at (`x`, `y`) in pixels from the top left, as `[red, green, blue]`, each 0 to 255. */
  at(x: number, y: number): [number, number, number];
}

/**
 * Renders page `page` (from 1) of the PDF `file` at `dpi` with `pdftoppm`, as a binary
 * PPM (a short text header, then three bytes a pixel), read here without an image library.
 */
export function pagePixels(file: string, page: number, dpi = 50): PagePixels {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 256 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`pdftoppm did not write a PPM for page ${page} of ${file}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return {
    width,
    height,
    scale: dpi / 72,
    at: (x, y) => {
      const start = offset + (y * width + x) * 3;
      return [ppm[start]!, ppm[start + 1]!, ppm[start + 2]!];
    },
  };
}

/**
 * How many pixels of `pixels` inside the box given in PDF points (such as a word's box from
 * `pdftotext -bbox`) satisfy `test`.
 */
export function countPixels(pixels: PagePixels, box: { xMin: number; yMin: number; xMax: number; yMax: number }, test: (rgb: [number, number, number]) => boolean): number {
  let count = 0;
  const toPixel = (points: number, limit: number) => Math.min(limit - 1, Math.max(0, Math.round(points * pixels.scale)));
  for (let y = toPixel(box.yMin, pixels.height); y <= toPixel(box.yMax, pixels.height); y++) {
    for (let x = toPixel(box.xMin, pixels.width); x <= toPixel(box.xMax, pixels.width); x++) if (test(pixels.at(x, y))) count++;
  }
  return count;
}
