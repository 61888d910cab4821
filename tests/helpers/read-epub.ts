import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** Every entry of an EPUB: path → text for text files, bytes for the rest. */
export async function readEpub(file: string): Promise<{ zip: JSZip; text(name: string): Promise<string>; names: string[] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return {
    zip,
    names: Object.keys(zip.files),
    async text(name: string) {
      const entry = zip.file(name);
      if (!entry) throw new Error(`${name} is not in ${file}`);
      return entry.async('string');
    },
  };
}
