/** Characters that XML 1.0 forbids, and unpaired surrogates. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids (and unpaired surrogates), as the serialiser drops them. */
export function withoutForbiddenXml(text: string): string {
  return text.replace(forbidden, '');
}
