import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { templatesDir } from '../toolchain/toolchain-paths.ts';

export { templatesDir };

const cache = new Map<string, ejs.TemplateFunction>();

/**
 * Renders `templates/<name>` with `data`. Templates are compiled once per process, and
 * can `include()` each other by relative path.
 */
export function renderTemplate(name: string, data: Record<string, unknown>): string {
  let compiled = cache.get(name);
  if (!compiled) {
    const filename = path.join(templatesDir, name);
    compiled = ejs.compile(readFileSync(filename, 'utf8'), { filename, strict: false });
    cache.set(name, compiled);
  }
  return compiled(data);
}

/** Forgets every compiled template, so the next render reads them again (the preview server, after an edit). */
export function forgetCompiledTemplates(): void {
  cache.clear();
}

/** The text of a static file under `templates/`, such as a stylesheet. */
export function readTemplateFile(name: string): string {
  return readFileSync(path.join(templatesDir, name), 'utf8');
}
