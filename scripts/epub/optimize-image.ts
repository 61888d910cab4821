/** The largest side, in pixels, an image keeps in the EPUB. */
export const maxImageSide = 3200;

/**
 * An image made ready for e-readers with sharp: a raster image larger than
 * {@link maxImageSide} on either side is scaled down; JPEGs that are scaled or progressive
 * (which some older readers cannot show) are encoded again as baseline JPEG at high
 * quality; PNGs are recompressed losslessly, and kept as they were when that saves
 * nothing. EXIF orientation is applied and metadata dropped. Vector and other images pass
 * through untouched. sharp, a native library slow to load, is loaded only when an image
 * needs it (see docs/performance.md, 'Figures behind the design').
 */
export async function optimizeImage(data: Uint8Array, mediaType: string): Promise<Uint8Array> {
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/png') return data;
  const { default: sharp } = await import('sharp');
  const image = sharp(data, { failOn: 'error' });
  const { width = 0, height = 0, isProgressive } = await image.metadata();
  const tooLarge = Math.max(width, height) > maxImageSide;
  if (mediaType === 'image/jpeg' && !tooLarge && !isProgressive) return data;
  let pipeline = image.rotate();
  if (tooLarge) pipeline = pipeline.resize({ width: maxImageSide, height: maxImageSide, fit: 'inside', withoutEnlargement: true });
  const encoded = mediaType === 'image/jpeg'
    ? await pipeline.jpeg({ quality: 90, progressive: false, mozjpeg: false, chromaSubsampling: '4:4:4' }).toBuffer()
    : await pipeline.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  return !tooLarge && mediaType === 'image/png' && encoded.length >= data.length ? data : new Uint8Array(encoded);
}
