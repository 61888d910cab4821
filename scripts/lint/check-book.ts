import type { VFile } from 'vfile';
import { parseBook, type ParseBookOptions } from '../parse/parse-book.ts';
import type { Book } from '../book/types.ts';
import { lintRules } from './rules.ts';

/** What `npm run check` found. */
export interface CheckResult {
  /** The book as far as it parsed; undefined when `book.yaml` is unusable. */
  book: Book | undefined;
  /** Every file with its messages: the build's own and the lint rules'. */
  files: VFile[];
}

/**
 * Checks a manuscript: the build's parse with every diagnostic it reports, then the lint
 * rules over the same trees. Warnings switched off in `book.yaml` (`check:`) are dropped;
 * errors never are.
 */
export async function checkBook(manuscriptDir: string, options: ParseBookOptions = {}): Promise<CheckResult> {
  const { book, files } = await parseBook(manuscriptDir, options);
  if (!book) return { book, files };
  const off = new Set(book.config.rulesOff);
  for (const rule of lintRules) if (!off.has(rule.id)) rule.check(book);
  for (const file of files) {
    file.messages = file.messages.filter((message) => message.fatal === true || !off.has(message.ruleId ?? ''));
  }
  return { book, files };
}
