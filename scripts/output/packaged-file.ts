/**
 * One file of an output, exactly as it must ship, with its path inside the output: under
 * `OEBPS/` in the EPUB, under the web edition's folder for its pages and assets.
 */
export interface PackagedFile {
  path: string;
  data: string | Uint8Array;
}
