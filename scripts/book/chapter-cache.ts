import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { createProcessor } from '../parse/create-processor.ts';

/** The one processor's type, as `createProcessor` makes it. */
export type BookProcessor = ReturnType<typeof createProcessor>;

/** A chapter as the processor left it: its hast tree and its file with the parse's messages and data. */
export interface ParsedSource {
  tree: Root;
  file: VFile;
}

interface Entry {
  hash: string;
  tree: Root;
  messages: VFileMessage[];
  data: VFile['data'];
}

/**
 * Parse results of chapters keyed by path and content hash, for a process that parses the
 * same manuscript again and again (the preview server): an unchanged chapter is handed
 * back as a fresh copy instead of being parsed again. Each copy is private to its caller,
 * who may change the tree and add messages. A parse also depends on which images exist,
 * so whoever watches the manuscript calls {@link ChapterCache.clear} when an image changes.
 */
export class ChapterCache {
  readonly #entries = new Map<string, Entry>();
  /** How many chapters were parsed (misses) and reused (hits) since the cache was made. */
  readonly stats = { parsed: 0, reused: 0 };

  /** Parses `file` with `processor`, or copies the stored result when its text is unchanged. */
  async parse(processor: BookProcessor, file: VFile): Promise<ParsedSource> {
    const key = file.path;
    const hash = createHash('sha256').update(String(file.value)).digest('hex');
    const stored = this.#entries.get(key);
    if (stored?.hash === hash) {
      this.stats.reused++;
      const copy = new VFile({ path: file.path, value: file.value });
      copy.messages.push(...stored.messages);
      copy.data = structuredClone(stored.data);
      return { tree: structuredClone(stored.tree), file: copy };
    }
    const tree = await parseSource(processor, file);
    this.stats.parsed++;
    this.#entries.set(key, { hash, tree: structuredClone(tree), messages: [...file.messages], data: structuredClone(file.data) });
    return { tree, file };
  }

  /** Forgets every stored chapter. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Runs the one processor over a chapter's file: Markdown to the book's hast. */
export async function parseSource(processor: BookProcessor, file: VFile): Promise<Root> {
  return processor.run(processor.parse(file), file);
}
