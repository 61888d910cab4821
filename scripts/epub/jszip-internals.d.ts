/**
 * Types for the two JSZip internals that {@link compressEntries} uses: the class JSZip keeps
 * an entry's already compressed bytes in (it is how a loaded archive's entries are copied
 * into a new one without being compressed again), and its table of compression methods.
 */
declare module 'jszip/lib/compressedObject.js' {
  /** An entry's bytes, compressed with `compression`, with the sizes and CRC-32 its header needs. */
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array);
  }
}

declare module 'jszip/lib/compressions.js' {
  /** The compression methods JSZip knows, by the name its options use. */
  const compressions: { STORE: object; DEFLATE: object };
  export default compressions;
}
