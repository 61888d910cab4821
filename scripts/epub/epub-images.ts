import { assetBytes } from '../book/shipped-assets.ts';
import type { Asset, Book } from '../book/types.ts';
import { cacheKeys, type CacheKey } from '../cache/cache-key.ts';
import type { FileCache } from '../cache/file-cache.ts';
import { optimizeImage } from './optimize-image.ts';
import type { PackagedFile } from '../output/packaged-file.ts';

/**
 * The book's images as the EPUB carries them (see `optimizeImage`), each started once, as
 * soon as it is known: sharp works on threads of its own, so a build starts the cover as
 * soon as `book.yaml` is read, beside the parse, and the chapters' images as soon as they
 * are parsed; they are ready by the time the EPUB is packed. With a cache, an image made
 * ready before (the same bytes, type and code) is taken from it, and sharp is not even
 * loaded.
 */
export class EpubImages {
  readonly #started = new Map<string, Promise<PackagedFile>>();
  readonly #keys: Promise<CacheKey> | undefined;

  /** Images made ready here, kept in `cache` when there is one. */
  constructor(private readonly cache?: FileCache) {
    this.#keys = cache ? cacheKeys({ kind: 'images', code: ['scripts/epub/optimize-image.ts'] }) : undefined;
  }

  /** Starts making the image `asset` ready, unless it is under way; a failure is reported by {@link all}. */
  start(asset: Asset): void {
    if (this.#started.has(asset.relative)) return;
    const ready = this.#prepare(asset);
    ready.catch(() => undefined);
    this.#started.set(asset.relative, ready);
  }

  /** Every image of `book`, ready, in the order of its assets. */
  all(book: Book): Promise<PackagedFile[]> {
    for (const asset of book.assets.values()) this.start(asset);
    return Promise.all([...book.assets.keys()].map((relative) => this.#started.get(relative)!));
  }

  async #prepare(asset: Asset): Promise<PackagedFile> {
    const source = await assetBytes(asset);
    if (!this.cache) return { path: asset.relative, data: await optimizeImage(source, asset.mediaType) };
    const key = (await this.#keys!)(asset.mediaType, source);
    const cached = this.cache.read(key);
    if (cached) return { path: asset.relative, data: new Uint8Array(cached) };
    const data = await optimizeImage(source, asset.mediaType);
    this.cache.write(key, data);
    return { path: asset.relative, data };
  }
}
