import { XmlDocument, type XmlElement } from 'libxml2-wasm';

/** One entry of a table of contents read back from an EPUB, with the entries nested under it. */
export interface NavEntry {
  title: string;
  href: string;
  children: NavEntry[];
}

const namespaces = { x: 'http://www.w3.org/1999/xhtml', n: 'http://www.daisy.org/z3986/2005/ncx/' };

/** The contents of an EPUB nav document (`toc.xhtml`), as its nested `ol` lists hold it. */
export function navContents(xhtml: string): NavEntry[] {
  const doc = XmlDocument.fromString(xhtml);
  try {
    const list = doc.get('//x:nav[@id="toc"]/x:ol', namespaces) as XmlElement;
    const read = (ol: XmlElement): NavEntry[] =>
      (ol.find('x:li', namespaces) as XmlElement[]).map((li) => {
        const label = li.get('x:a|x:span', namespaces) as XmlElement;
        const nested = li.get('x:ol', namespaces) as XmlElement | null;
        return { title: label.content.trim(), href: label.get('@href')?.content ?? '', children: nested ? read(nested) : [] };
      });
    return read(list);
  } finally {
    doc.dispose();
  }
}

/** The contents of an EPUB 2 NCX (`toc.ncx`), as its nested navPoints hold it. */
export function ncxContents(ncx: string): NavEntry[] {
  const doc = XmlDocument.fromString(ncx);
  try {
    const read = (parent: XmlElement): NavEntry[] =>
      (parent.find('n:navPoint', namespaces) as XmlElement[]).map((point) => ({
        title: (point.get('n:navLabel/n:text', namespaces) as XmlElement).content.trim(),
        href: point.get('n:content/@src', namespaces)?.content ?? '',
        children: read(point),
      }));
    return read(doc.get('//n:navMap', namespaces) as XmlElement);
  } finally {
    doc.dispose();
  }
}

/** The titles of `entries` as an outline: each title, its children's in a list after it. */
export function titlesOf(entries: readonly NavEntry[]): unknown[] {
  return entries.map((entry) => (entry.children.length ? [entry.title, titlesOf(entry.children)] : entry.title));
}
