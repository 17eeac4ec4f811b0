// Make the .docx reproducible: the docx library stamps the zip entries and
// core.xml with the time of packing and obfuscates embedded fonts with random
// keys. Re-pack with the build's date and keys derived from the font names,
// so the same input under SOURCE_DATE_EPOCH gives the same bytes.

import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { zipTime } from '../../output/zip-time.js';

/** Re-pack `docx` with fixed dates and font keys, after applying `patches` (part name → edit of its XML). */
export function reproducible(docx: Uint8Array, date: Date, patches: Record<string, (xml: string) => string> = {}): Uint8Array {
  const files = unzipSync(docx);
  for (const [part, edit] of Object.entries(patches)) {
    const data = files[part];
    if (data) files[part] = strToU8(edit(strFromU8(data)));
  }
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(strFromU8(core).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      `$1${iso}$3`,
    ));
  }
  rekeyFonts(files);
  const mtime = zipTime(date);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { mtime }];
  return zipSync(out, { level: 6 });
}

/** Replace each embedded font's random key with one derived from its name and part, re-obfuscating its bytes. */
function rekeyFonts(files: Record<string, Uint8Array>): void {
  const table = files['word/fontTable.xml'];
  const rels = files['word/_rels/fontTable.xml.rels'];
  if (!table || !rels) return;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, `word/${target}`);
  }
  const xml = strFromU8(table).replace(/(r:id="([^"]+)"\s+w:fontKey=")\{([0-9A-F-]+)\}"/gi, (whole, head: string, id: string, oldKey: string) => {
    const part = targets.get(id);
    const data = part ? files[part] : undefined;
    if (!part || !data) return whole;
    const key = guid(createHash('sha256').update(`${part}\n${id}`).digest());
    files[part] = xorKey(xorKey(data, oldKey), key);
    return `${head}{${key}}"`;
  });
  files['word/fontTable.xml'] = strToU8(xml);
}

function guid(bytes: Uint8Array): string {
  const h = Buffer.from(bytes.subarray(0, 16)).toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** ECMA-376 Part 2 font obfuscation: the first 32 bytes XORed with the key's bytes, reversed. XOR undoes itself. */
function xorKey(data: Uint8Array, key: string): Uint8Array {
  const bytes = (key.replace(/-/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= bytes[i % bytes.length]!;
  return out;
}
