import type { Book } from '../book/types.ts';

/**
 * One rule of `npm run check`: it reads the parsed book (the very trees the build renders)
 * and reports located messages on the chapters' files under its own rule `id`.
 */
export interface LintRule {
  id: string;
  check(book: Book): void;
}
