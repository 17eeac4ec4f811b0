// A page's content stream, read for the preflight: which device colour spaces
// it paints in, whether everything painted lies in a marked-content sequence
// that is an artifact or has an MCID (tagged PDF), and the text each MCID holds
// (decoded through the fonts' ToUnicode maps).

import { Lexer, Name, Str, Stream, decodeStream, isOp, type Dict, type PdfFile, type Value } from './pdf-reader.js';

export interface PageContent {
  /** Device colour spaces painted in: DeviceRGB, DeviceCMYK, DeviceGray. */
  deviceSpaces: Set<string>;
  /** Painting operators outside any artifact or MCID sequence. */
  unmarked: number;
  /** Whether every marked-content sequence begun on the page also ends there, and none ends that was not begun. */
  balanced: boolean;
  /** Text of each marked-content id on the page. */
  text: Map<number, string>;
}

const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'Tj', 'TJ', "'", '"']);
const TEXT = new Set(['Tj', 'TJ', "'", '"']);
const DEVICE: Record<string, string> = { rg: 'DeviceRGB', RG: 'DeviceRGB', k: 'DeviceCMYK', K: 'DeviceCMYK', g: 'DeviceGray', G: 'DeviceGray' };

export function readPage(pdf: PdfFile, page: Dict, resources: Dict | undefined, fonts: FontCache): PageContent {
  const result: PageContent = { deviceSpaces: new Set(), unmarked: 0, balanced: true, text: new Map() };
  const lex = new Lexer(pdf.content(page));
  // The open marked-content sequences: the MCID of each, or -1 for an artifact, or undefined.
  const marks: Array<number | undefined> = [];
  let operands: Value[] = [];
  let font: ToUnicode | undefined;
  const fontRes = pdf.dict(pdf.at(resources, 'Font'));
  const xobjects = pdf.dict(pdf.at(resources, 'XObject'));
  const properties = pdf.dict(pdf.at(resources, 'Properties'));
  for (;;) {
    const t = lex.next();
    if (t === undefined) break;
    if (!isOp(t)) {
      operands.push(t);
      continue;
    }
    const op = t.op;
    if (op === 'BI') {
      // An inline image: its data runs from ID to EI.
      const end = Buffer.from(lex.b.buffer, lex.b.byteOffset, lex.b.byteLength).indexOf('EI', lex.pos, 'latin1');
      lex.pos = end < 0 ? lex.b.length : end + 2;
    } else if (op === 'BDC' || op === 'BMC') {
      const tag = operands[0];
      let props = operands[1];
      if (props instanceof Name) props = properties?.get(props.name);
      const mcid = pdf.at(props, 'MCID');
      marks.push(tag instanceof Name && tag.name === 'Artifact' ? -1 : typeof mcid === 'number' ? mcid : undefined);
    } else if (op === 'EMC') {
      if (marks.length === 0) result.balanced = false;
      marks.pop();
    } else if (op === 'Tf' && operands[0] instanceof Name) {
      font = fonts.get(pdf, fontRes?.get(operands[0].name));
    } else if (op in DEVICE) {
      result.deviceSpaces.add(DEVICE[op]!);
    } else if ((op === 'cs' || op === 'CS') && operands[0] instanceof Name && operands[0].name.startsWith('Device')) {
      result.deviceSpaces.add(operands[0].name);
    }
    if (PAINT.has(op)) {
      const marked = marks.findLast((m) => m !== undefined);
      if (marked === undefined) result.unmarked++;
      if (op === 'Do' && operands[0] instanceof Name) {
        const space = pdf.at(xobjects?.get(operands[0].name), 'ColorSpace');
        if (space instanceof Name && space.name.startsWith('Device')) result.deviceSpaces.add(space.name);
      }
      if (TEXT.has(op) && marked !== undefined && marked >= 0) {
        const strings = op === 'TJ' && Array.isArray(operands[0]) ? operands[0] : operands.slice(-1);
        let s = result.text.get(marked) ?? '';
        for (const x of strings) if (x instanceof Str) s += font ? font.decode(x.bytes) : Buffer.from(x.bytes).toString('latin1');
        result.text.set(marked, s);
      }
    }
    operands = [];
  }
  if (marks.length > 0) result.balanced = false;
  return result;
}

/** A font's ToUnicode map: codes of 1 to 4 bytes (as its code space says) to text. */
export class ToUnicode {
  private readonly map = new Map<number, string>();
  private width = 1;

  constructor(cmap: Uint8Array) {
    const text = Buffer.from(cmap).toString('latin1');
    const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
    if (space) this.width = Math.max(1, space[1]!.length / 2);
    const hex = (h: string) => parseInt(h, 16);
    const utf16 = (h: string) => {
      let s = '';
      for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(hex(h.slice(i, i + 4)));
      return s;
    };
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) this.map.set(hex(m[1]!), utf16(m[2]!));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
        const lo = hex(m[1]!);
        const hi = hex(m[2]!);
        if (m[3]!.startsWith('[')) {
          const dst = [...m[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => utf16(x[1]!));
          for (let c = lo; c <= hi && c - lo < dst.length; c++) this.map.set(c, dst[c - lo]!);
        } else {
          const base = m[3]!.slice(1, -1);
          const last = hex(base.slice(-4));
          for (let c = lo; c <= hi && c - lo < 0x10000; c++) this.map.set(c, utf16(base.slice(0, -4)) + String.fromCharCode(last + c - lo));
        }
      }
    }
  }

  decode(bytes: Uint8Array): string {
    let s = '';
    for (let i = 0; i + this.width <= bytes.length; i += this.width) {
      let code = 0;
      for (let k = 0; k < this.width; k++) code = code * 256 + bytes[i + k]!;
      s += this.map.get(code) ?? '\ufffd';
    }
    return s;
  }
}

/** Each font's ToUnicode map, read once. */
export class FontCache {
  private readonly maps = new Map<Value, ToUnicode | undefined>();

  get(pdf: PdfFile, font: Value | undefined): ToUnicode | undefined {
    const d = pdf.dict(font);
    if (!d) return undefined;
    if (this.maps.has(d)) return this.maps.get(d);
    const s = pdf.get(d.get('ToUnicode'));
    const data = s instanceof Stream ? decodeStream(s) : undefined;
    const map = data ? new ToUnicode(data) : undefined;
    this.maps.set(d, map);
    return map;
  }
}
