import { existsSync } from 'node:fs';
import path from 'node:path';
import parse from 'css-tree/parser';
import { tokenize, tokenTypes } from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';
import mime from 'mime';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { resolveInside } from './resolve-inside.ts';

/** A book's stylesheet as the outputs ship it. */
export interface CheckedStylesheet {
  /** Its text, each reference to a manuscript file rewritten to lead there from where the sheet is shipped. */
  css: string;
  /** Manuscript-relative paths of the files it uses (fonts, images), in order, each once. */
  assets: string[];
}

/** Functions whose string arguments are URLs, as `url()`'s is. */
const urlFunctions = new Set(['url', 'src']);
/** Functions whose string arguments are images, hence URLs. */
const imageSetFunctions = new Set(['image-set', '-webkit-image-set']);
/** Legacy ways to run script from CSS (Internet Explorer, old Firefox). No browser of ours runs them; none is shipped. */
const scriptFunctions = new Set(['expression']);
const scriptProperties = new Set(['behavior', '-ms-behavior', '-moz-binding']);
/** `data:` URLs of these types are kept: an image or a font written inline, which nothing fetches. */
const inlineData = /^data:(image|font)\//i;
const networkReference = /^(https?:|\/\/)/i;

/**
 * Checks a stylesheet of the manuscript, an untrusted file like a chapter, and makes it
 * ready to ship at `shippedAt` (a path relative to an output's root). Nothing it names is
 * fetched or read. The checks run on CSS tokens, which every CSS parser reads the same
 * way, so no parser's recovery from broken CSS can hide a reference from them:
 *
 * - an `@import` is an error (`stylesheet-import`): a book's stylesheets are all listed
 *   in `styles:`;
 * - every URL (`url()`, `src()`, a string in `image-set()`) must lead to an image or a font
 *   in the manuscript (`remote-resource`, `resource-outside-manuscript`,
 *   `missing-resource`, `unsupported-resource`); that file is shipped beside the book's
 *   images, and the URL is rewritten to lead to it. `#id` (an element of the page, such as
 *   an SVG filter) and `data:` images and fonts are kept as written; `@namespace` names
 *   are not URLs that load anything;
 * - `expression()`, `behavior` and `-moz-binding`, the legacy ways of running script
 *   from CSS, are errors (`unsafe-css`), and so is a `url(` that CSS reads as a bad URL
 *   (`invalid-url`), which browsers skip but other readers might not.
 *
 * What css-tree cannot parse is a warning (`invalid-css`): a browser skips it as well.
 */
export function checkStylesheet(file: VFile, manuscriptDir: string, shippedAt: string): CheckedStylesheet {
  const text = String(file.value);
  const places = location(file);
  const at = (offset: number) => places.toPoint(offset);
  parse(text, { positions: true, parseCustomProperty: true, onParseError: (error) => reportWarning(file, `CSS that does not parse: ${error.message}`, at(error.offset), 'invalid-css') });

  const fromDir = path.dirname(file.path);
  const shippedDir = path.posix.dirname(shippedAt);
  const assets = new Set<string>();
  const edits: Array<{ start: number; end: number; text: string }> = [];
  /** The URL `reference`, written at `start`…`end` (reported at `reportAt`): checked, and its rewrite recorded. */
  const checkUrl = (reference: string, start: number, end: number, reportAt: number, rewrite: (url: string) => string) => {
    if (reference.startsWith('#') || inlineData.test(reference)) return;
    const place = at(reportAt);
    if (networkReference.test(reference)) {
      reportError(file, `\`${reference}\`: a stylesheet may not load anything from the network; put the file in the manuscript folder and link it relatively`, place, 'remote-resource');
      return;
    }
    const pathPart = reference.split(/[?#]/)[0]!;
    const fragment = reference.slice(pathPart.length).replace(/^\?[^#]*/, '');
    const resolved = resolveInside(manuscriptDir, safeDecode(pathPart), fromDir);
    if (!resolved.ok) {
      reportError(file, `\`${reference}\`: ${resolved.reason}`, place, resolved.ruleId);
      return;
    }
    if (!existsSync(resolved.path)) {
      reportError(file, `File not found: \`${reference}\``, place, 'missing-resource');
      return;
    }
    const type = mime.getType(resolved.relative) ?? '';
    if (!/^(image|font)\//.test(type)) {
      reportError(file, `\`${reference}\`: a stylesheet may use images and fonts only`, place, 'unsupported-resource');
      return;
    }
    assets.add(resolved.relative);
    const target = path.posix.relative(shippedDir, resolved.relative);
    edits.push({ start, end, text: rewrite(encodeURI(target).replace(/[?#]/g, encodeURIComponent) + fragment) });
  };

  /** The functions the current token is inside, innermost last, with where each begins; `(` and `[` count as unnamed ones. */
  const open: Array<{ name: string; start: number }> = [];
  /** In an `@import` (an error already) or a `@namespace` rule (whose URL loads nothing), to its end. */
  let urlsSkipped = false;
  tokenize(text, (type, start, end) => {
    const token = text.slice(start, end);
    switch (type) {
      case tokenTypes.AtKeyword: {
        const name = ident.decode(token.slice(1)).toLowerCase();
        if (name === 'import') reportError(file, '`@import` is not allowed: list every stylesheet of the book in `styles:` in book.yaml', at(start), 'stylesheet-import');
        urlsSkipped = name === 'import' || name === 'namespace';
        break;
      }
      case tokenTypes.Semicolon:
      case tokenTypes.LeftCurlyBracket:
        urlsSkipped = false;
        break;
      case tokenTypes.Function: {
        const name = ident.decode(token.slice(0, -1)).toLowerCase();
        if (scriptFunctions.has(name)) reportError(file, `\`${name}()\` is not allowed: it runs script in old browsers`, at(start), 'unsafe-css');
        open.push({ name, start });
        break;
      }
      case tokenTypes.LeftParenthesis:
      case tokenTypes.LeftSquareBracket:
        open.push({ name: '', start });
        break;
      case tokenTypes.RightParenthesis:
      case tokenTypes.RightSquareBracket:
        open.pop();
        break;
      case tokenTypes.Ident:
        if (scriptProperties.has(ident.decode(token).toLowerCase())) reportError(file, `\`${token}\` is not allowed: it runs script in old browsers`, at(start), 'unsafe-css');
        break;
      case tokenTypes.Url:
        if (!urlsSkipped) checkUrl(cssUrl.decode(token), start, end, start, cssUrl.encode);
        break;
      case tokenTypes.BadUrl:
        reportError(file, `\`${token}\` is not a URL that CSS can read: put it in quotes, \`url("…")\``, at(start), 'invalid-url');
        break;
      case tokenTypes.String: {
        // A string in `url()` is reported where the `url(` is; one in `image-set()`, where it is.
        const inside = open.at(-1) ?? { name: '', start };
        if (urlsSkipped) break;
        if (urlFunctions.has(inside.name)) checkUrl(cssString.decode(token), start, end, inside.start, (url) => cssString.encode(url));
        else if (imageSetFunctions.has(inside.name)) checkUrl(cssString.decode(token), start, end, start, (url) => cssString.encode(url));
        break;
      }
    }
  });

  let css = text;
  for (const edit of edits.reverse()) css = css.slice(0, edit.start) + edit.text + css.slice(edit.end);
  return { css, assets: [...assets] };
}

/** `text` with its percent-escapes decoded, or as it is when they are malformed. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
