import { createHash } from 'node:crypto';

/**
 * A stable `urn:uuid:` for a book without an identifier: a name-based (version 5 style)
 * UUID of its title and authors, so the same book always gets the same identifier.
 */
export function deriveIdentifier(title: string, authors: readonly string[]): string {
  const hash = createHash('sha1').update(`quire:${title}\u0000${authors.join('\u0000')}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
