import { DOMParser } from '@xmldom/xmldom';

/** A general entity with a literal value in a DTD's internal subset (`<!ENTITY ns_svg "http://…">`); parameter and external entities are not. */
const entityDeclaration = /<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
/** A reference to a named general entity. */
const entityReference = /&([A-Za-z_:][\w.:-]*);/g;

/**
 * `text` with the references to the entities its DOCTYPE's internal subset declares
 * replaced by their values, as an XML parser that reads the internal subset would; xmldom
 * reads none. Illustrator writes its namespaces so (`xmlns="&ns_svg;"`), and its drawings
 * would otherwise not parse. One pass: a value is not searched for references again, so no
 * entity can expand into more of itself. An entity declared outside the file is never
 * loaded, and a reference to it stays (the parse then reports it). Text without an
 * internal subset is returned as it is.
 */
export function expandDeclaredEntities(text: string): string {
  // Most drawings declare no entity: they are parsed once, by the cleaning, not twice.
  if (!text.includes('<!ENTITY')) return text;
  let subset: string | undefined;
  try {
    // Read the DOCTYPE alone: the references are unknown to this parse, which goes on past them.
    const document = new DOMParser({
      onError: (level) => {
        if (level === 'fatalError') throw new Error('not well-formed');
      },
    }).parseFromString(text, 'image/svg+xml');
    subset = document.doctype?.internalSubset || undefined;
  } catch {
    return text;
  }
  if (!subset) return text;
  const values = new Map<string, string>();
  for (const [, name, double, single] of subset.matchAll(entityDeclaration)) {
    if (!values.has(name!)) values.set(name!, double ?? single ?? '');
  }
  const end = text.indexOf(subset) + subset.length;
  if (values.size === 0 || end < subset.length) return text;
  return text.slice(0, end) + text.slice(end).replace(entityReference, (reference, name: string) => values.get(name) ?? reference);
}
