import path from 'node:path';
import { ExitCode } from '../diagnostics/errors.ts';
import { newBook } from '../scaffold/new-book.ts';
import { newChapter } from '../scaffold/new-chapter.ts';
import type { NewCommand } from './parse-args.ts';

/** Runs `quire new book DIR` or `quire new chapter "Title"`; refusing to overwrite exits 4. */
export async function runNew(command: NewCommand): Promise<number> {
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  try {
    if (command.kind === 'book') {
      const { files } = await newBook(command.argument);
      for (const file of files) console.log(`created ${shown(file)}`);
      console.log(`build it with: npm run build -- --manuscript ${shown(path.resolve(command.argument))}`);
    } else {
      const { file, listed } = await newChapter(command.manuscriptDir, command.argument);
      console.log(`created ${shown(file)}${listed ? ', added to chapters: in book.yaml' : ''}`);
    }
    return ExitCode.ok;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return ExitCode.output;
  }
}
