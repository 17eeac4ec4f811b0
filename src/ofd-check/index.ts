// An OFD (GB/T 33190) checked without trusting its writer: read back from its
// bytes with a zip reader, an XML parser and a font parser, sharing no code
// with src/render/ofd. `bulletin verify FILE.ofd` and the tests call it.
//
//   checkOfd(bytes)  → findings: the package unzips; every part named exists
//                      and is well-formed XML in the OFD namespace; IDs are
//                      unique and ≤ MaxUnitID; every reference to a font,
//                      colour space, image or draw parameter resolves; boxes
//                      are sane and inside the page; fonts are embedded,
//                      parse, and hold a glyph for every character drawn;
//                      text objects follow the reading order.
//   ofdText(bytes)   → the text, page by page, line by line, in the order of
//                      the text objects (what a proof-reader compares).
//
// A finding names its rule (ofd/…, messages in ./messages.ts), the part of the
// package it is about, and the values its message needs.

import { unzipSync } from 'fflate';
import { loadFontkit, type FontkitFont } from '../fonts/fontkit.js';
import { child, descendants, parseXml, wellFormed, type Element } from './xml.js';

export interface OfdFinding {
  severity: 'error' | 'warning';
  ruleId: string;
  /** The package part the finding is about (e.g. Doc_0/Pages/Page_0/Content.xml). */
  part: string;
  /** Line in that part, where known. */
  line?: number;
  args: Record<string, string | number>;
}

export const OFD_NS = 'http://www.ofdspec.org/2016';
/** How far (mm) a box may stick out of its page, for rounding. */
const SLACK = 0.01;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface FontRes {
  part: string;
  name: string;
  /** The embedded file's part, when there is one. */
  file?: string;
  /** Characters drawn with it. */
  chars: Set<string>;
}

interface PageText {
  part: string;
  /** One entry per TextCode, in document order. */
  codes: Array<{ text: string; baseline: number; x: number; size: number }>;
}

interface Read {
  findings: OfdFinding[];
  pages: PageText[];
}

/** What is wrong with the OFD package `bytes`; empty when nothing is. */
export function checkOfd(bytes: Uint8Array): OfdFinding[] {
  return readOfd(bytes).findings;
}

/** The text of the OFD `bytes`: per page, its lines (text objects on one baseline joined), in document order. */
export function ofdText(bytes: Uint8Array): string[][] {
  return readOfd(bytes).pages.map((p) => {
    const lines: string[] = [];
    let last: { baseline: number; size: number } | undefined;
    for (const c of p.codes) {
      if (last && Math.abs(c.baseline - last.baseline) < last.size / 2) lines[lines.length - 1] += c.text;
      else lines.push(c.text);
      last = c;
    }
    return lines;
  });
}

function readOfd(bytes: Uint8Array): Read {
  const findings: OfdFinding[] = [];
  const pages: PageText[] = [];
  const report = (severity: OfdFinding['severity'], ruleId: string, part: string, args: OfdFinding['args'] = {}, line?: number) =>
    findings.push({ severity, ruleId, part, args, ...(line !== undefined ? { line } : {}) });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    report('error', 'ofd/not-a-zip', '', { reason: (e as Error).message });
    return { findings, pages };
  }

  const parsed = new Map<string, Element | undefined>();
  /** A part as XML: it must exist, be well-formed and be in the OFD namespace. */
  const xml = (part: string, from: string): Element | undefined => {
    if (parsed.has(part)) return parsed.get(part);
    let root: Element | undefined;
    const data = files[part];
    if (!data) report('error', 'ofd/missing-part', from, { path: part });
    else {
      const text = new TextDecoder().decode(data);
      const bad = wellFormed(text);
      if (bad) report('error', 'ofd/xml-malformed', part, { reason: bad.reason }, bad.line);
      else {
        root = parseXml(text);
        if (!root || !new RegExp(`xmlns(:\\w+)?="${OFD_NS}"`).test(text)) report('error', 'ofd/namespace', part, { ns: OFD_NS });
      }
    }
    parsed.set(part, root);
    return root;
  };
  const expectRoot = (el: Element | undefined, name: string, part: string): el is Element => {
    if (el && el.name !== name) report('error', 'ofd/wrong-root', part, { expected: name, found: el.name });
    return el?.name === name;
  };

  const entry = xml('OFD.xml', '');
  if (!expectRoot(entry, 'OFD', 'OFD.xml')) return { findings, pages };
  if (entry.attrs.DocType !== 'OFD' || !entry.attrs.Version) report('error', 'ofd/bad-entry', 'OFD.xml');
  const bodies = entry.children.filter((c) => c.name === 'DocBody');
  if (!bodies.length) report('error', 'ofd/bad-entry', 'OFD.xml');

  for (const body of bodies) {
    if (!child(child(body, 'DocInfo'), 'DocID')?.text.trim()) report('warning', 'ofd/no-doc-id', 'OFD.xml');
    const rootLoc = child(body, 'DocRoot')?.text.trim();
    if (!rootLoc) {
      report('error', 'ofd/bad-entry', 'OFD.xml');
      continue;
    }
    const docPart = resolve('', rootLoc);
    const doc = xml(docPart, 'OFD.xml');
    if (!expectRoot(doc, 'Document', docPart)) continue;
    checkDocument(doc, docPart);
  }
  return { findings, pages };

  function checkDocument(doc: Element, docPart: string): void {
    const docDir = dir(docPart);
    const common = child(doc, 'CommonData');
    const maxText = child(common, 'MaxUnitID')?.text.trim() ?? '';
    const maxId = /^\d+$/.test(maxText) ? Number(maxText) : undefined;
    if (maxId === undefined) report('error', 'ofd/no-max-unit-id', docPart);
    const docBox = parseBox(child(child(common, 'PageArea'), 'PhysicalBox')?.text);
    if (!docBox || docBox.w <= 0 || docBox.h <= 0) report('error', 'ofd/bad-page-box', docPart);

    // Every ID in the document's parts: unique, and at most MaxUnitID.
    const ids = new Map<string, string>();
    const claim = (el: Element, part: string) => {
      const id = el.attrs.ID;
      if (id === undefined) return;
      if (!/^\d+$/.test(id)) report('error', 'ofd/bad-id', part, { id });
      else if (ids.has(id)) report('error', 'ofd/duplicate-id', part, { id, other: ids.get(id)! });
      else if (maxId !== undefined && Number(id) > maxId) report('error', 'ofd/id-above-max', part, { id, max: maxId });
      ids.set(id, part);
    };
    for (const el of descendants(doc)) claim(el, docPart);

    // Resources by kind, from the document's resource files and later each page's.
    const res = { ColorSpace: new Set<string>(), DrawParam: new Set<string>(), Font: new Map<string, FontRes>(), MultiMedia: new Set<string>(), CompositeGraphicUnit: new Set<string>() };
    const readRes = (loc: string, base: string, from: string) => {
      const part = resolve(base, loc);
      const root = xml(part, from);
      if (!expectRoot(root, 'Res', part)) return;
      for (const el of descendants(root)) claim(el, part);
      const fileBase = resolve(dir(part), root.attrs.BaseLoc ?? '');
      const fileOf = (el: Element, tag: string): string | undefined => {
        const loc = child(el, tag)?.text.trim();
        if (!loc) return undefined;
        const file = resolve(fileBase, loc);
        if (!files[file]) {
          report('error', 'ofd/missing-file', part, { path: file, id: el.attrs.ID ?? '' });
          return undefined;
        }
        return file;
      };
      for (const group of root.children) {
        for (const el of group.children) {
          const id = el.attrs.ID;
          if (id === undefined) continue;
          if (el.name === 'Font') {
            const file = fileOf(el, 'FontFile');
            res.Font.set(id, { part, name: el.attrs.FontName ?? id, ...(file ? { file } : {}), chars: new Set() });
            if (!child(el, 'FontFile')) report('warning', 'ofd/font-not-embedded', part, { font: el.attrs.FontName ?? id });
          } else if (el.name === 'MultiMedia') {
            fileOf(el, 'MediaFile');
            res.MultiMedia.add(id);
          } else if (el.name in res && el.name !== 'Font') (res[el.name as 'ColorSpace'] as Set<string>).add(id);
        }
      }
    };
    for (const tag of ['PublicRes', 'DocumentRes']) for (const el of common?.children ?? []) if (el.name === tag) readRes(el.text.trim(), docDir, docPart);

    const templates = new Set((common?.children ?? []).filter((c) => c.name === 'TemplatePage').map((c) => c.attrs.ID ?? ''));
    const pageList = child(doc, 'Pages')?.children.filter((c) => c.name === 'Page') ?? [];
    if (!pageList.length) report('error', 'ofd/no-pages', docPart);
    const contents: Array<{ part: string; root: Element; box: Box | undefined }> = [];
    for (const p of pageList) {
      const part = resolve(docDir, p.attrs.BaseLoc ?? '');
      const root = xml(part, docPart);
      if (!expectRoot(root, 'Page', part)) continue;
      for (const el of descendants(root)) claim(el, part);
      for (const r of root.children) if (r.name === 'PageRes') readRes(r.text.trim(), dir(part), part);
      const own = child(child(root, 'Area'), 'PhysicalBox');
      const box = own ? parseBox(own.text) : docBox;
      if (own && (!box || box.w <= 0 || box.h <= 0)) report('error', 'ofd/bad-page-box', part);
      contents.push({ part, root, box });
    }

    // References and boxes, page by page; the text in order.
    for (const { part, root, box } of contents) {
      const refs = (attr: string, value: string | undefined, known: { has(id: string): boolean }) => {
        if (value !== undefined && !known.has(value)) report('error', 'ofd/dangling-reference', part, { attr, id: value });
      };
      for (const t of root.children.filter((c) => c.name === 'Template')) refs('TemplateID', t.attrs.TemplateID, templates);
      const page: PageText = { part, codes: [] };
      let outside = 0;
      for (const el of pageObjects(root)) {
        refs('ColorSpace', el.attrs.ColorSpace, res.ColorSpace);
        refs('DrawParam', el.attrs.DrawParam, res.DrawParam);
        if (el.name === 'ImageObject') refs('ResourceID', el.attrs.ResourceID, res.MultiMedia);
        if (el.name === 'CompositeObject') refs('ResourceID', el.attrs.ResourceID, res.CompositeGraphicUnit);
        if (el.attrs.Boundary === undefined) continue;
        const b = parseBox(el.attrs.Boundary);
        if (!b || b.w < 0 || b.h < 0) {
          report('error', 'ofd/bad-box', part, { id: el.attrs.ID ?? '', box: el.attrs.Boundary });
          continue;
        }
        if (box && (b.x < box.x - SLACK || b.y < box.y - SLACK || b.x + b.w > box.x + box.w + SLACK || b.y + b.h > box.y + box.h + SLACK)) outside++;
        if (el.name === 'TextObject') readText(el, b, part, page, res.Font, refs);
      }
      if (outside) report('error', 'ofd/box-outside-page', part, { count: outside });
      checkOrder(page);
      pages.push(page);
    }
    checkFonts(res.Font);
  }

  function readText(el: Element, b: Box, part: string, page: PageText, fonts: Map<string, FontRes>, refs: (attr: string, value: string | undefined, known: { has(id: string): boolean }) => void): void {
    refs('Font', el.attrs.Font, fonts);
    const size = Number(el.attrs.Size);
    if (!(size > 0)) report('error', 'ofd/bad-size', part, { id: el.attrs.ID ?? '', size: el.attrs.Size ?? '' });
    const font = el.attrs.Font !== undefined ? fonts.get(el.attrs.Font) : undefined;
    let x = 0;
    let y = 0;
    for (const code of el.children.filter((c) => c.name === 'TextCode')) {
      x = code.attrs.X !== undefined ? Number(code.attrs.X) : x;
      y = code.attrs.Y !== undefined ? Number(code.attrs.Y) : y;
      const chars = [...code.text];
      const dx = code.attrs.DeltaX !== undefined ? expandArray(code.attrs.DeltaX) : [];
      if (!dx || dx.length > Math.max(chars.length - 1, 0)) report('error', 'ofd/bad-delta', part, { id: el.attrs.ID ?? '', chars: chars.length, deltas: dx?.length ?? code.attrs.DeltaX ?? '' });
      for (const ch of chars) font?.chars.add(ch);
      page.codes.push({ text: code.text, baseline: b.y + y, x: b.x + x, size: size > 0 ? size : 1 });
    }
  }

  /** Text runs down the page, and along a line left to right: a run above the line before is out of order. */
  function checkOrder(page: PageText): void {
    let prev: PageText['codes'][number] | undefined;
    for (const c of page.codes) {
      const sameLine = prev && Math.abs(c.baseline - prev.baseline) < prev.size / 2;
      if (prev && ((sameLine && c.x < prev.x) || (!sameLine && c.baseline < prev.baseline))) {
        report('warning', 'ofd/text-order', page.part, { text: c.text.slice(0, 20) });
        return;
      }
      prev = c;
    }
  }

  function checkFonts(fonts: Map<string, FontRes>): void {
    const fontkit = loadFontkit();
    for (const [id, f] of fonts) {
      if (!f.file || !f.chars.size) continue;
      let font: FontkitFont | undefined;
      try {
        const opened = fontkit.create(Buffer.from(files[f.file]!));
        // An embedded collection: its first face.
        font = 'fonts' in opened ? (opened as unknown as { fonts: FontkitFont[] }).fonts[0] : (opened as FontkitFont);
        if (!font) throw new Error('no face');
      } catch (e) {
        report('error', 'ofd/font-unreadable', f.file, { font: f.name, reason: (e as Error).message });
        continue;
      }
      const missing = [...f.chars].filter((ch) => !/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      if (missing.length) report('error', 'ofd/glyph-missing', f.file, { font: f.name, id, chars: missing.slice(0, 10).join('') });
    }
  }
}

/**
 * The elements of a page's content in document order, but not inside a clip: a clip's areas are placed in the
 * coordinates of the object they clip, not the page's.
 */
function* pageObjects(el: Element): Generator<Element> {
  for (const c of el.children) {
    if (c.name === 'Clips') continue;
    yield c;
    yield* pageObjects(c);
  }
}

/** A part's folder ('' at the root). */
function dir(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** A location (ST_Loc) as a part name: absolute from the package root, or relative to `base`. */
function resolve(base: string, loc: string): string {
  const out: string[] = [];
  for (const seg of (loc.startsWith('/') ? loc : `${base}/${loc}`).split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/** An ST_Box: x y width height, in mm. */
function parseBox(s: string | undefined): Box | undefined {
  const v = (s ?? '').trim().split(/\s+/).map(Number);
  if (v.length !== 4 || v.some((n) => !Number.isFinite(n))) return undefined;
  return { x: v[0]!, y: v[1]!, w: v[2]!, h: v[3]! };
}

/** An ST_Array of numbers, with the `g count value` abbreviation expanded; undefined when malformed. */
function expandArray(s: string): number[] | undefined {
  const t = s.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      const v = Number(t[i + 2]);
      if (!Number.isInteger(n) || n < 0 || !Number.isFinite(v)) return undefined;
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else {
      const v = Number(t[i]);
      if (!Number.isFinite(v)) return undefined;
      out.push(v);
    }
  }
  return out;
}
