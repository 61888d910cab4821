import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build/build.ts';
import { ManuscriptError } from '../diagnostics/errors.ts';
import { registerSignalCleanup } from '../process/signal-cleanup.ts';
import { sourceDate } from '../time/source-date.ts';

/** Where the background PDF stands. */
export type PrintState = { status: 'none' } | { status: 'building' } | { status: 'ready'; pages: number; builtAt: Date } | { status: 'failed'; reason: string };

/**
 * The print view's PDF, built in the background by the real build (the same renderer,
 * Chromium and all) into a temporary folder, on demand only. One build at a time; asking
 * again while one runs does nothing. The text preview never waits for it.
 */
export class PrintPreview {
  readonly #manuscriptDir: string;
  readonly #dir = mkdtempSync(path.join(os.tmpdir(), 'quire-print-'));
  #state: PrintState = { status: 'none' };
  #pdf: Uint8Array | undefined;
  #running: Promise<void> | undefined;
  /** Removes the temporary folder if the server is stopped by a signal (Ctrl-C). */
  readonly #forgetCleanup: () => void;

  constructor(manuscriptDir: string) {
    this.#manuscriptDir = manuscriptDir;
    const dir = this.#dir;
    this.#forgetCleanup = registerSignalCleanup(() => rmSync(dir, { recursive: true, force: true }));
  }

  /** Where the PDF stands now. */
  get state(): PrintState {
    return this.#state;
  }

  /** The last PDF that was built, if any. */
  get pdf(): Uint8Array | undefined {
    return this.#pdf;
  }

  /** Starts a build unless one is running; `done` is told when it ends. */
  refresh(done: (state: PrintState) => void): void {
    if (this.#running) return;
    this.#state = { status: 'building' };
    this.#running = this.#build().then(() => {
      this.#running = undefined;
      done(this.#state);
    });
  }

  async #build(): Promise<void> {
    try {
      const result = await build({ manuscriptDir: this.#manuscriptDir, outDir: this.#dir, formats: ['pdf'], date: sourceDate() });
      const output = result.outputs.find((entry) => entry.format === 'pdf')!;
      this.#pdf = await readFile(output.path);
      this.#state = { status: 'ready', pages: result.pageCount ?? 0, builtAt: new Date() };
    } catch (error) {
      const reason = error instanceof ManuscriptError ? 'the manuscript has errors' : (error as Error).message;
      this.#state = { status: 'failed', reason };
    }
  }

  /** Waits for a running build and removes the temporary folder. */
  async close(): Promise<void> {
    await this.#running;
    rmSync(this.#dir, { recursive: true, force: true });
    this.#forgetCleanup();
  }
}
