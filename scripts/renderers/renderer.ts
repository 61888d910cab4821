import type { BookConfig } from '../config/types.ts';
import type { BuildScope } from './build-scope.ts';
import type { Need } from './needs.ts';
import type { SharedProducts } from './shared-products.ts';

/**
 * One output of the build, after mdBook's `Renderer` and pandoc's writers: it declares
 * which shared products it needs (see `Need`), and is then handed the parsed book and those
 * products (see `RenderContext`) and returns its files. The build computes each product
 * once, for all the renderers that asked for it, and none that no renderer asked for.
 */
export interface Renderer {
  /** Names the output in the build's outputs and progress, such as `epub`. */
  name: string;
  /** What it needs from the shared products, for a book set up as `config`. */
  needs(config: BookConfig): readonly Need[];
  /** Renders the book. Its files are staged, then committed with every other output, or not at all. */
  render(context: RenderContext): Promise<RenderedOutput>;
}

/** What a renderer is given: the build's scope (the book, its date, caches, progress and timings), and the shared products. */
export interface RenderContext extends BuildScope {
  /** The book's name in file names: `<slug>.epub` (see `bookSlug`). */
  slug: string;
  /** The products the renderers declared, each computed once on first use. */
  products: SharedProducts;
}

/** What a renderer returns: its one file or folder in the output folder, and the files in it. */
export interface RenderedOutput {
  /** Its file or folder in the output folder, such as `book.epub` or `html`. */
  name: string;
  /** Its files, each path relative to the output folder: `name` itself, or under the folder `name`. */
  files: ReadonlyArray<{ path: string; data: string | Uint8Array }>;
}
