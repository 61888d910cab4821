import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import type JSZip from 'jszip';
import CompressedObject from 'jszip/lib/compressedObject.js';
import compressions from 'jszip/lib/compressions.js';

const deflateRawAsync = promisify(deflateRaw);

/**
 * Compresses every entry of `zip` with Node's zlib, ahead of `generateAsync`. JSZip
 * deflates with pako, a zlib written in JavaScript, one entry after another on the main
 * thread, where zlib takes a fraction of the time on libuv's threads, entries side by
 * side (see docs/performance.md, 'Figures behind the design'). Each entry is replaced by the
 * compressed bytes, CRC-32 and sizes that JSZip would have computed; JSZip then writes
 * them as they are, as it does when it copies the entries of an archive it has read.
 * Entries to be stored (the `mimetype`, images and fonts that deflating would not shrink)
 * get their CRC-32 from zlib too, rather than from JSZip's JavaScript. Folders are left
 * alone.
 */
export async function compressEntries(zip: JSZip, level: number): Promise<void> {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  await Promise.all(
    entries.map(async (entry) => {
      const data = await entry.async('uint8array');
      const stored = entry.options.compression === 'STORE';
      const compressed = stored ? data : await deflateRawAsync(data, { level });
      const content = new CompressedObject(compressed.length, data.length, crc32(data), stored ? compressions.STORE : compressions.DEFLATE, compressed);
      zip.file(entry.name, content as unknown as Uint8Array, {
        binary: true,
        compression: stored ? 'STORE' : 'DEFLATE',
        createFolders: false,
        date: entry.date,
        comment: entry.comment,
        unixPermissions: entry.unixPermissions,
        dosPermissions: entry.dosPermissions,
      });
    }),
  );
}
