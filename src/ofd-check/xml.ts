// An OFD part's XML read into a small tree: element names without their
// namespace prefix, attributes as written, children in document order (the
// order of a page's objects is its drawing and reading order).

import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  /** The element's own text (character data directly inside it), entities decoded. */
  text: string;
}

/** Where a part is not well-formed XML, or undefined. */
export function wellFormed(xml: string): { line: number; reason: string } | undefined {
  const r = XMLValidator.validate(xml);
  return r === true ? undefined : { line: r.err.line, reason: r.err.msg };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  preserveOrder: true,
  // A TextCode's spaces are text: nothing is trimmed, nothing turned into numbers.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The root element of a well-formed part. */
export function parseXml(xml: string): Element | undefined {
  const nodes = parser.parse(xml) as Ordered[];
  return nodes.map(toElement).find((e): e is Element => e !== undefined && !e.name.startsWith('?'));
}

function toElement(node: Ordered): Element | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name === '#text') return undefined;
  const el: Element = { name, attrs: node[':@'] ?? {}, children: [], text: '' };
  for (const child of (node[name] as Ordered[]) ?? []) {
    if ('#text' in child) el.text += String(child['#text']);
    else {
      const c = toElement(child);
      if (c) el.children.push(c);
    }
  }
  return el;
}

/** The first child named `name`. */
export function child(el: Element | undefined, name: string): Element | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every element below `el` (itself excluded), depth first, in document order. */
export function* descendants(el: Element): Generator<Element> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}
