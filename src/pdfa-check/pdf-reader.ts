// A small PDF object reader for the PDF/A preflight, independent of the writer
// (pdfkit) it checks: it finds every `N G obj` in the file (so it needs no
// cross-reference table, and a damaged one does not stop it), reads objects
// inside object streams, and decodes Flate streams. A later definition of an
// object replaces an earlier one, as an incremental update does.

import zlib from 'node:zlib';

export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes (literal or hex). */
export class Str {
  constructor(readonly bytes: Uint8Array) {}

  /** As a text string (PDF 32000, 7.9.2.2): UTF-16BE with a byte-order mark, else PDFDocEncoding (read as Latin-1). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return Buffer.from(b.subarray(3)).toString('utf8');
    return Buffer.from(b).toString('latin1');
  }
}

export type Dict = Map<string, Value>;

export class Stream {
  constructor(
    readonly dict: Dict,
    readonly raw: Uint8Array,
  ) {}
}

export type Value = null | boolean | number | Name | Str | Ref | Value[] | Dict | Stream;

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Reads PDF tokens and values from bytes (file syntax and content streams alike). */
export class Lexer {
  constructor(
    readonly b: Uint8Array,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WS.has(c)) this.pos++;
      else if (c === 37) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  /** A bare word (operator, keyword or number) at pos. */
  private word(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]!) && !DELIM.has(this.b[this.pos]!)) this.pos++;
    return Buffer.from(this.b.subarray(start, this.pos)).toString('latin1');
  }

  /** The next value, or an operator as `{ op }` (content streams), or undefined at the end. */
  next(): Value | { op: string } | undefined {
    this.skipSpace();
    const b = this.b;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos]!;
    if (c === 47) {
      this.pos++;
      // A name's bytes, #xx escapes undone, are UTF-8 by convention.
      const raw = this.word().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return new Name(Buffer.from(raw, 'latin1').toString('utf8'));
    }
    if (c === 40) return this.literal();
    if (c === 60) {
      if (b[this.pos + 1] === 60) {
        this.pos += 2;
        return this.dict();
      }
      return this.hex();
    }
    if (c === 91) {
      this.pos++;
      const arr: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) return arr;
        if (b[this.pos] === 93) {
          this.pos++;
          return arr;
        }
        const v = this.value();
        if (v === undefined) return arr;
        arr.push(v);
      }
    }
    if (c === 93 || c === 62 || c === 41 || c === 123 || c === 125) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const w = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) return Number(w);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (w === '') {
      this.pos++;
      return { op: '' };
    }
    return { op: w };
  }

  /** A value, with `N G R` read as a reference; an operator where a value should be ends it (undefined). */
  value(): Value | undefined {
    const v = this.next();
    if (v === undefined || isOp(v)) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) {
      const save = this.pos;
      const gen = this.next();
      if (typeof gen === 'number' && Number.isInteger(gen)) {
        const r = this.next();
        if (isOp(r) && r.op === 'R') return new Ref(v, gen);
      }
      this.pos = save;
    }
    return v;
  }

  private dict(): Dict {
    const d: Dict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.b.length) return d;
      if (this.b[this.pos] === 62 && this.b[this.pos + 1] === 62) {
        this.pos += 2;
        return d;
      }
      const k = this.next();
      if (!(k instanceof Name)) {
        if (k === undefined) return d;
        continue;
      }
      const v = this.value();
      if (v !== undefined) d.set(k.name, v);
    }
  }

  private literal(): Str {
    const b = this.b;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    while (this.pos < b.length) {
      let c = b[this.pos++]!;
      if (c === 92) {
        c = b[this.pos++]!;
        const esc: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (c in esc) out.push(esc[c]!);
        else if (c >= 48 && c <= 55) {
          let n = c - 48;
          for (let i = 0; i < 2 && b[this.pos]! >= 48 && b[this.pos]! <= 55; i++) n = n * 8 + b[this.pos++]! - 48;
          out.push(n & 255);
        } else if (c === 13) {
          if (b[this.pos] === 10) this.pos++;
        } else if (c !== 10) out.push(c);
        continue;
      }
      if (c === 40) depth++;
      if (c === 41 && depth-- === 0) break;
      out.push(c);
    }
    return new Str(Uint8Array.from(out));
  }

  private hex(): Str {
    const end = this.b.indexOf(62, this.pos);
    const stop = end < 0 ? this.b.length : end;
    const digits = Buffer.from(this.b.subarray(this.pos + 1, stop)).toString('latin1').replace(/[^0-9a-fA-F]/g, '');
    this.pos = stop + 1;
    return new Str(Uint8Array.from(Buffer.from(digits.length % 2 ? digits + '0' : digits, 'hex')));
  }
}

export function isOp(v: unknown): v is { op: string } {
  return typeof v === 'object' && v !== null && 'op' in v;
}

export class PdfFile {
  private readonly objects = new Map<number, Value>();
  /** The trailer dictionary (the last one, or the last cross-reference stream's). */
  readonly trailer: Dict;
  readonly header: string;

  constructor(readonly bytes: Uint8Array) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.header = text.slice(0, 1024);
    const streams: Stream[] = [];
    let trailer: Dict | undefined;
    let xrefStream: Dict | undefined;
    for (const m of text.matchAll(/(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g)) {
      const lex = new Lexer(bytes, m.index! + m[0].length);
      let v = lex.value();
      if (v instanceof Map) {
        lex.skipSpace();
        if (text.startsWith('stream', lex.pos)) v = this.stream(v, lex.pos + 6, text);
      }
      if (v === undefined) continue;
      this.objects.set(Number(m[1]), v);
      if (v instanceof Stream) {
        const type = v.dict.get('Type');
        if (type instanceof Name && type.name === 'ObjStm') streams.push(v);
        if (type instanceof Name && type.name === 'XRef') xrefStream = v.dict;
      }
    }
    for (const s of streams) this.readObjectStream(s);
    const at = text.lastIndexOf('trailer');
    if (at >= 0) {
      const v = new Lexer(bytes, at + 7).value();
      if (v instanceof Map) trailer = v;
    }
    this.trailer = trailer ?? xrefStream ?? new Map();
  }

  /** The stream whose data starts after the `stream` keyword at `at`: Length when it is right, else up to `endstream`. */
  private stream(dict: Dict, at: number, text: string): Stream {
    if (text[at] === '\r') at++;
    if (text[at] === '\n') at++;
    const length = dict.get('Length');
    let end = -1;
    if (typeof length === 'number' && /^\s*endstream/.test(text.slice(at + length, at + length + 20))) end = at + length;
    if (end < 0) {
      end = text.indexOf('endstream', at);
      if (end < 0) end = text.length;
      // The end-of-line before endstream is not data.
      if (text[end - 1] === '\n') end--;
      if (text[end - 1] === '\r') end--;
    }
    return new Stream(dict, this.bytes.subarray(at, end));
  }

  private readObjectStream(s: Stream): void {
    const data = decodeStream(s);
    const n = s.dict.get('N');
    const first = s.dict.get('First');
    if (!data || typeof n !== 'number' || typeof first !== 'number') return;
    const head = new Lexer(data);
    const entries: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const num = head.value();
      const offset = head.value();
      if (typeof num !== 'number' || typeof offset !== 'number') break;
      entries.push([num, offset]);
    }
    for (const [num, offset] of entries) {
      if (this.objects.has(num)) continue;
      const v = new Lexer(data, first + offset).value();
      if (v !== undefined) this.objects.set(num, v);
    }
  }

  /** A value with references followed (to a depth of 32: a loop of references gives null). */
  get(v: Value | undefined): Value | undefined {
    for (let i = 0; i < 32 && v instanceof Ref; i++) v = this.objects.get(v.num);
    return v instanceof Ref ? null : v;
  }

  dict(v: Value | undefined): Dict | undefined {
    const d = this.get(v);
    if (d instanceof Map) return d;
    if (d instanceof Stream) return d.dict;
    return undefined;
  }

  /** `key` of a dictionary (or a stream's dictionary), references followed. */
  at(d: Value | undefined, key: string): Value | undefined {
    return this.get(this.dict(d)?.get(key));
  }

  name(d: Value | undefined, key: string): string | undefined {
    const v = this.at(d, key);
    return v instanceof Name ? v.name : undefined;
  }

  array(d: Value | undefined, key: string): Value[] {
    const v = this.at(d, key);
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  }

  get catalog(): Dict | undefined {
    return this.dict(this.trailer.get('Root'));
  }

  /** Every object (for checks that look at all of them). */
  all(): Iterable<Value> {
    return this.objects.values();
  }

  /** The pages in order, with the resources each inherits. */
  pages(): Array<{ dict: Dict; resources: Dict | undefined }> {
    const out: Array<{ dict: Dict; resources: Dict | undefined }> = [];
    const seen = new Set<Dict>();
    const walk = (node: Value | undefined, inherited: Dict | undefined) => {
      const d = this.dict(node);
      if (!d || seen.has(d)) return;
      seen.add(d);
      const resources = this.dict(d.get('Resources')) ?? inherited;
      if (this.name(d, 'Type') === 'Page' || !d.has('Kids')) out.push({ dict: d, resources });
      else for (const kid of this.array(d, 'Kids')) walk(kid, resources);
    };
    walk(this.catalog?.get('Pages'), undefined);
    return out;
  }

  /** A page's content, its streams decoded and joined. */
  content(page: Dict): Uint8Array {
    const parts = this.array(page, 'Contents').map((c) => this.get(c)).filter((s): s is Stream => s instanceof Stream).map((s) => decodeStream(s) ?? new Uint8Array());
    return Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
  }
}

/** A stream's data with its filters undone; undefined for a filter not read here (images' DCT and the like). */
export function decodeStream(s: Stream): Uint8Array | undefined {
  const f = s.dict.get('Filter');
  const filters = (Array.isArray(f) ? f : f ? [f] : []).map((x) => (x instanceof Name ? x.name : ''));
  let data: Uint8Array = s.raw;
  for (const name of filters) {
    if (name === 'FlateDecode' || name === 'Fl') {
      try {
        data = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch {
        return undefined;
      }
    } else if (name === 'ASCIIHexDecode' || name === 'AHx') {
      data = Buffer.from(Buffer.from(data).toString('latin1').replace(/>.*$/s, '').replace(/[^0-9a-fA-F]/g, ''), 'hex');
    } else {
      return undefined;
    }
  }
  return data;
}
