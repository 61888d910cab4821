import { XmlDocument } from 'libxml2-wasm';

/**
 * The error libxml2 reports when `xml` is not well-formed XML (namespaces included), or
 * undefined when it parses. libxml2 (here compiled to WebAssembly, the same package
 * `@likecoin/epubcheck-ts` parses with) is the XML parser under many reading systems,
 * and it is strict: undefined entities, forbidden characters, `]]>` in text and
 * mismatched tags are all errors.
 */
export function xmlError(xml: string): string | undefined {
  try {
    XmlDocument.fromString(xml).dispose();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
