// The PDF/A-2 preflight: reads a PDF back with its own reader (pdf-reader.ts,
// not pdfkit) and checks the rules of ISO 19005-2 that matter for a bulletin's
// archival edition, and, for level A, the tagged structure of ISO 32000-1 14.8.
// It is not a full validator (veraPDF is one): PDF_A_CHECKS lists what it checks.

import { FontCache, readPage } from './content.js';
import { Name, PdfFile, Str, Stream, type Dict, type Value } from './pdf-reader.js';

export interface Finding {
  /** The rule id (its message in the catalogue, src/pdfa-check/messages.ts). */
  rule: string;
  severity: 'error' | 'warning';
  args: Record<string, string | number>;
}

/** What checkPdfA checks, by rule id (the catalogue's `pdfa/checked/…` entries describe each). */
export const PDF_A_CHECKS = [
  'header', 'trailer', 'metadata', 'identification', 'info-agrees', 'output-intent', 'device-colour',
  'fonts-embedded', 'to-unicode', 'cid-to-gid', 'forbidden', 'marks-balanced', 'marked', 'structure', 'language', 'content-marked',
] as const;

export interface PdfAReport {
  findings: Finding[];
  /** pdfaid:part and pdfaid:conformance, as the XMP says. */
  part?: number;
  conformance?: string;
  /** The text of the structure tree in reading order, one entry per element with text of its own. */
  structure: Array<{ type: string; depth: number; text: string; alt?: string }>;
}

export function checkPdfA(bytes: Uint8Array): Finding[] {
  return readPdfA(bytes).findings;
}

export function readPdfA(bytes: Uint8Array): PdfAReport {
  const findings: Finding[] = [];
  const fail = (rule: string, args: Finding['args'] = {}, severity: Finding['severity'] = 'error') => findings.push({ rule, severity, args });
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (!head.toString('latin1').startsWith('%PDF-')) {
    fail('pdfa/not-pdf');
    return { findings, structure: [] };
  }
  const pdf = new PdfFile(bytes);
  const catalog = pdf.catalog;
  if (!catalog) {
    fail('pdfa/no-catalog');
    return { findings, structure: [] };
  }

  // 6.1.2: %PDF-1.n, then a comment of at least four bytes above 127.
  if (!/^%PDF-1\.[0-7][\r\n]+%[\x80-\xff]{4}/.test(pdf.header)) fail('pdfa/header');
  // 6.1.3: an ID in the trailer, no encryption.
  if (!Array.isArray(pdf.get(pdf.trailer.get('ID')))) fail('pdfa/no-id');
  if (pdf.trailer.has('Encrypt')) fail('pdfa/encrypted');

  // 6.6.2: XMP metadata, unfiltered, that names the part and conformance level.
  const metadata = pdf.get(catalog.get('Metadata'));
  const xmp = metadata instanceof Stream ? Buffer.from(metadata.raw).toString('utf8') : undefined;
  let part: number | undefined;
  let conformance: string | undefined;
  if (!xmp) fail('pdfa/no-metadata');
  else {
    if (metadata instanceof Stream && metadata.dict.has('Filter')) fail('pdfa/metadata-filtered');
    part = Number(xmpValue(xmp, 'pdfaid:part'));
    conformance = xmpValue(xmp, 'pdfaid:conformance');
    if (!part) fail('pdfa/not-pdfa');
    else if (part !== 2) fail('pdfa/not-part-2', { part });
    if (part && !/^[ABU]$/.test(conformance ?? '')) fail('pdfa/conformance', { conformance: conformance ?? '' });
    checkInfo(pdf, xmp, fail);
  }
  const levelA = conformance === 'A';

  // 6.2.3: an output intent with its profile; 6.2.4.3: device colour only as that profile allows.
  const intents = pdf.array(catalog, 'OutputIntents').filter((i) => pdf.name(i, 'S') === 'GTS_PDFA1');
  const profile = pdf.get(pdf.dict(intents[0])?.get('DestOutputProfile'));
  const channels = profile instanceof Stream ? pdf.get(profile.dict.get('N')) : undefined;
  if (!(profile instanceof Stream)) fail('pdfa/no-output-intent');

  checkFonts(pdf, levelA || conformance === 'U', fail);
  checkForbidden(pdf, fail);

  // Tagged PDF (level A): marked, a structure tree, a language; every painted thing marked.
  if (levelA) {
    if (pdf.at(pdf.at(catalog, 'MarkInfo'), 'Marked') !== true) fail('pdfa/not-marked');
    if (!pdf.dict(catalog.get('StructTreeRoot'))) fail('pdfa/no-structure');
    const lang = pdf.at(catalog, 'Lang');
    if (!(lang instanceof Str) || !lang.text()) fail('pdfa/no-language');
  }
  const fonts = new FontCache();
  const pages = pdf.pages();
  const texts = new Map<Dict, Map<number, string>>();
  const spaces = new Set<string>();
  pages.forEach((page, i) => {
    const content = readPage(pdf, page.dict, page.resources, fonts);
    texts.set(page.dict, content.text);
    for (const s of content.deviceSpaces) spaces.add(s);
    if (levelA && content.unmarked > 0) fail('pdfa/content-unmarked', { page: i + 1, count: content.unmarked });
    if (!content.balanced) fail('pdfa/marks-unbalanced', { page: i + 1 });
  });
  if (profile instanceof Stream) {
    if (spaces.has('DeviceCMYK') && channels !== 4) fail('pdfa/device-colour', { space: 'DeviceCMYK', channels: String(channels) });
    if (spaces.has('DeviceRGB') && channels !== 3) fail('pdfa/device-colour', { space: 'DeviceRGB', channels: String(channels) });
  }
  return { findings, ...(part ? { part } : {}), ...(conformance ? { conformance } : {}), structure: structureOf(pdf, catalog, texts) };
}

/** A simple property's value in XMP: as an element or as an attribute. */
function xmpValue(xmp: string, prop: string): string | undefined {
  const el = new RegExp(`<${prop}>([^<]*)</${prop}>`).exec(xmp);
  const attr = new RegExp(`${prop}\\s*=\\s*["']([^"']*)["']`).exec(xmp);
  return (el ?? attr)?.[1]?.trim();
}

/** The first rdf:li of a property (dc:title, dc:creator…), XML entities undone. */
function xmpItem(xmp: string, prop: string): string | undefined {
  const m = new RegExp(`<${prop}>[\\s\\S]*?<rdf:li[^>]*>([^<]*)</rdf:li>[\\s\\S]*?</${prop}>`).exec(xmp);
  return m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** 6.6.3: each Info entry that has an XMP counterpart agrees with it. */
function checkInfo(pdf: PdfFile, xmp: string, fail: (rule: string, args: Finding['args']) => void): void {
  const info = pdf.dict(pdf.trailer.get('Info'));
  if (!info) return;
  const text = (key: string) => {
    const v = pdf.get(info.get(key));
    return v instanceof Str ? v.text() : undefined;
  };
  const pairs: Array<[string, string | undefined]> = [
    ['Title', xmpItem(xmp, 'dc:title')],
    ['Author', xmpItem(xmp, 'dc:creator')],
    ['Subject', xmpItem(xmp, 'dc:description')],
    ['Creator', xmpValue(xmp, 'xmp:CreatorTool')],
    ['Producer', xmpValue(xmp, 'pdf:Producer')],
  ];
  for (const [key, inXmp] of pairs) {
    const v = text(key);
    if (v !== undefined && v !== inXmp) fail('pdfa/info-disagrees', { key, info: v, xmp: inXmp ?? '' });
  }
  for (const [key, prop] of [['CreationDate', 'xmp:CreateDate'], ['ModDate', 'xmp:ModifyDate']] as const) {
    const v = text(key);
    if (v === undefined) continue;
    const inXmp = xmpValue(xmp, prop);
    if (!inXmp || pdfDate(v) !== Date.parse(inXmp)) fail('pdfa/info-disagrees', { key, info: v, xmp: inXmp ?? '' });
  }
}

/** A PDF date (D:YYYYMMDDHHmmSS+HH'mm' or Z) in milliseconds. */
function pdfDate(s: string): number {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return NaN;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', z, oh = '00', om = '00'] = m;
  const utc = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +se);
  const offset = (+oh * 60 + +om) * 60000;
  return z === '+' ? utc - offset : z === '-' ? utc + offset : utc;
}

/** 6.2.11: every font embedded (Type 3 aside), CIDToGIDMap for TrueType CID fonts, ToUnicode where the level asks. */
function checkFonts(pdf: PdfFile, needUnicode: boolean, fail: (rule: string, args: Finding['args'], severity?: Finding['severity']) => void): void {
  for (const obj of pdf.all()) {
    if (!(obj instanceof Map) || pdf.name(obj, 'Type') !== 'Font') continue;
    const subtype = pdf.name(obj, 'Subtype');
    if (subtype === 'Type3' || subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue;
    const base = pdf.name(obj, 'BaseFont') ?? '?';
    const descendant = subtype === 'Type0' ? pdf.dict(pdf.array(obj, 'DescendantFonts')[0]) : undefined;
    const descriptor = pdf.dict((descendant ?? obj).get('FontDescriptor'));
    if (!descriptor || !['FontFile', 'FontFile2', 'FontFile3'].some((k) => pdf.get(descriptor.get(k)) instanceof Stream)) {
      fail('pdfa/font-not-embedded', { font: base });
    }
    if (descendant && pdf.name(descendant, 'Subtype') === 'CIDFontType2') {
      const map = pdf.get(descendant.get('CIDToGIDMap'));
      if (!(map instanceof Stream) && !(map instanceof Name && map.name === 'Identity')) fail('pdfa/cid-to-gid', { font: base });
    }
    if (!(pdf.get(obj.get('ToUnicode')) instanceof Stream)) fail('pdfa/no-to-unicode', { font: base }, needUnicode ? 'error' : 'warning');
  }
}

/** 6.1.7, 6.6.1: no LZW, no JavaScript, no launch actions. */
function checkForbidden(pdf: PdfFile, fail: (rule: string, args: Finding['args']) => void): void {
  const found = new Set<string>();
  for (const obj of pdf.all()) {
    const d = obj instanceof Stream ? obj.dict : obj instanceof Map ? obj : undefined;
    if (!d) continue;
    const filter = d.get('Filter');
    for (const f of Array.isArray(filter) ? filter : [filter]) if (f instanceof Name && (f.name === 'LZWDecode' || f.name === 'LZW')) found.add('LZWDecode');
    const s = d.get('S');
    if (s instanceof Name && ['JavaScript', 'Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData'].includes(s.name)) found.add(s.name);
    if (d.has('JS')) found.add('JavaScript');
  }
  for (const what of found) fail('pdfa/forbidden', { what });
}

/** The structure tree in reading order: each element's type, depth, text (its descendants' included) and alternative text. */
function structureOf(pdf: PdfFile, catalog: Dict, texts: Map<Dict, Map<number, string>>): PdfAReport['structure'] {
  const out: PdfAReport['structure'] = [];
  const seen = new Set<Value>();
  const walk = (node: Value | undefined, depth: number, page: Dict | undefined): string => {
    const el = pdf.dict(node);
    if (!el || seen.has(el)) return '';
    seen.add(el);
    const pg = pdf.dict(el.get('Pg')) ?? page;
    const alt = pdf.get(el.get('Alt'));
    const entry = { type: pdf.name(el, 'S') ?? '?', depth, text: '', ...(alt instanceof Str ? { alt: alt.text() } : {}) };
    out.push(entry);
    for (const kid of pdf.array(el, 'K')) {
      const k = pdf.get(kid);
      if (typeof k === 'number') {
        entry.text += (pg && texts.get(pg)?.get(k)) ?? '';
      } else if (k instanceof Map && pdf.name(k, 'Type') === 'MCR') {
        const mcrPage = pdf.dict(k.get('Pg')) ?? pg;
        const mcid = pdf.get(k.get('MCID'));
        if (typeof mcid === 'number') entry.text += (mcrPage && texts.get(mcrPage)?.get(mcid)) ?? '';
      } else if (k instanceof Map && pdf.name(k, 'Type') !== 'OBJR') {
        entry.text += walk(kid, depth + 1, pg);
      }
    }
    return entry.text;
  };
  for (const kid of pdf.array(pdf.at(catalog, 'StructTreeRoot'), 'K')) walk(kid, 0, undefined);
  return out;
}
