import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { sanitizeSvg } from '../manuscript/sanitize-svg.ts';
import type { Asset } from './types.ts';

/**
 * Cleans every SVG image of the book once, as the book is assembled (see `sanitizeSvg`),
 * and keeps the cleaned bytes on the asset, so that the EPUB, the web edition, the print
 * edition and the preview all ship the same file. Returns one file per SVG, named by its
 * path in the manuscript and carrying what the cleaning reported.
 */
export async function sanitizeSvgAssets(assets: Iterable<Asset>): Promise<VFile[]> {
  const svgs = [...assets].filter((asset) => asset.mediaType === 'image/svg+xml');
  return Promise.all(svgs.map(async (asset) => {
    const file = new VFile({ path: asset.source, value: await readFile(asset.source, 'utf8') });
    const cleaned = sanitizeSvg(String(file.value), file);
    if (cleaned !== undefined) asset.data = new TextEncoder().encode(cleaned);
    return file;
  }));
}

/** The bytes every output ships for `asset`: its cleaned bytes when it has them, else its file's. */
export async function assetBytes(asset: Asset): Promise<Uint8Array> {
  return asset.data ?? new Uint8Array(await readFile(asset.source));
}
