// Read a .docx back: it is a zip of XML parts.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(fileOrBytes: string | Uint8Array): Record<string, string> {
  const bytes = typeof fileOrBytes === 'string' ? fs.readFileSync(fileOrBytes) : fileOrBytes;
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = name.endsWith('.odttf') ? `(${data.length} bytes)` : strFromU8(data);
  return parts;
}

/** The w:style element with this display name (w:name), as XML text. */
export function styleNamed(stylesXml: string, name: string): string | undefined {
  return stylesXml.match(/<w:style\b[\s\S]*?<\/w:style>/g)?.find((s) => s.includes(`<w:name w:val="${name}"/>`));
}

/** Attributes of the first element `tag` in `xml`, e.g. attrs(xml, 'w:pgSz') → { 'w:w': '11906', … }. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}
