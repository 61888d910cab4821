/** Types for `smartypants` (Gruber's SmartyPants, ported to JavaScript), which ships none. */
declare module 'smartypants' {
  /** Educates quotes, dashes and ellipses as `attributes` says, returning Unicode characters. */
  export function smartypantsu(text: string, attributes?: string | number): string;
}
