import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { Place } from '../diagnostics/report.ts';

/** A message of the parse as plain data: what a printed or JSON diagnostic shows. */
export interface MessageRecord {
  reason: string;
  place: Place;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
}

/**
 * What parsing one chapter produced, as plain data that survives a structured clone
 * (to and from a worker) and `v8.serialize` (the parse cache): the hast tree, the
 * messages and `file.data`. A `VFileMessage` is an Error, whose own fields neither keeps.
 * The tree is a function: a record read from the cache decodes its tree only when first
 * asked for it, since a rebuild renders most chapters from caches of their outputs and
 * never needs their trees (`file.data.facts` says what the book needs of them).
 */
export interface ParsedRecord {
  tree: () => Root;
  messages: MessageRecord[];
  data: VFile['data'];
}

/** The record of a parse: `file` is the file the processor ran on, with its messages and data. */
export function toParsedRecord(tree: Root, file: VFile): ParsedRecord {
  return {
    tree: () => tree,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place ?? undefined,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
    })),
    data: file.data,
  };
}

/**
 * Puts a record's messages and data on `file` (the chapter's freshly read file, with no
 * messages yet) and returns its tree, as if the processor had just run on that file.
 */
export function restoreParsedRecord(record: ParsedRecord, file: VFile): () => Root {
  for (const { reason, place, ruleId, source, fatal } of record.messages) {
    file.message(reason, { place, ruleId, source }).fatal = fatal;
  }
  file.data = record.data;
  return record.tree;
}

/**
 * A record as bytes, for the parse cache and for the trip back from a worker: `v8.serialize`
 * of the record under its cache key, which keeps every value (an `undefined` property too)
 * and reads back faster than JSON. The tree is serialised on its own, with its CRC-32, so
 * that it can be decoded later, and checked now.
 */
export function encodeParsedRecord(key: string, record: ParsedRecord): Uint8Array {
  const tree = serialize(record.tree());
  return serialize({ key, tree, treeCrc: crc32(tree), messages: record.messages, data: record.data });
}

/**
 * The record that `bytes` hold under `key`, or undefined when they are unreadable,
 * truncated, of another shape, stored under another key, or hold a tree whose bytes do
 * not match their CRC-32: such an entry is a miss. Each call of the record's `tree`
 * decodes a fresh copy.
 */
export function decodeParsedRecord(key: string, bytes: Uint8Array): ParsedRecord | undefined {
  try {
    const entry = deserialize(bytes) as { key?: unknown; tree?: unknown; treeCrc?: unknown; messages?: unknown; data?: unknown } | null;
    if (entry?.key !== key || !(entry.tree instanceof Uint8Array) || entry.treeCrc !== crc32(entry.tree)) return undefined;
    if (!Array.isArray(entry.messages) || typeof entry.data !== 'object' || entry.data === null) return undefined;
    const treeBytes = entry.tree;
    return { tree: () => deserialize(treeBytes) as Root, messages: entry.messages as MessageRecord[], data: entry.data as VFile['data'] };
  } catch {
    return undefined;
  }
}
