import { stringify } from 'yaml';
import { bookKeys } from '../config/schema.ts';

/** What a new book's `book.yaml` sets; every other key is written commented out. */
export interface NewBookValues {
  title: string;
  chapters: string[];
}

/**
 * A new book's `book.yaml`, made from the schema: every known key with its description as
 * a comment, the title and the chapter list set, every other key commented out with an
 * example value, so an author sees all there is without opening the README.
 */
export function bookYamlText(values: NewBookValues): string {
  const set: Record<string, unknown> = { title: values.title, chapters: values.chapters };
  const parts = ['# The book\'s metadata, in pandoc\'s vocabulary. Uncomment a key to use it.\n'];
  for (const [key, spec] of Object.entries(bookKeys)) {
    const value = Object.hasOwn(set, key) ? set[key] : spec.example;
    const entry = stringify({ [key]: value }).trimEnd();
    const lines = Object.hasOwn(set, key) ? entry : entry.split('\n').map((line) => `# ${line}`).join('\n');
    parts.push(`# ${spec.description.replaceAll('`', '')}${spec.required ? ' Required.' : ''}\n${lines}\n`);
  }
  return parts.join('\n');
}
