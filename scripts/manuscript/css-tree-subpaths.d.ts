/**
 * Types for the parts of css-tree that `checkStylesheet` imports by their own entry
 * points: its tokenizer, its parser and its utilities, without the lexer's syntax data
 * (the whole of MDN's CSS definitions, which `css-tree` itself loads, and which the
 * launcher's bundle cannot find beside it). @types/css-tree describes only the package's
 * main entry, which exports the same functions.
 */
declare module 'css-tree/tokenizer' {
  export { tokenize, tokenTypes } from 'css-tree';
}

declare module 'css-tree/parser' {
  import { parse } from 'css-tree';
  export default parse;
}

declare module 'css-tree/utils' {
  export { ident, string, url } from 'css-tree';
}
