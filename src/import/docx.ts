// A department's .docx as blocks, read by mammoth (a maintained .docx reader)
// into its plain HTML, which is then walked here. The package is opened first
// with our own limits (see unpack below), and mammoth is handed only what
// passed them. Paragraph numbers count every paragraph mammoth sees, empty
// ones too, as a reader counting them in Word would.

import { Unzip, UnzipInflate, zipSync, type Unzipped } from 'fflate';
import mammoth from 'mammoth';
import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import { LIMITS, MiB, sizeText } from '../issue/read-file.js';
import { runsToMarkdown, where, type Block, type Run, type Source } from './blocks.js';

/** The most a .docx may unpack to: its text, styles and images together. */
export const DOCX_UNPACKED_LIMIT = 128 * MiB;

// Title and page breaks get elements of their own, so they are seen (and named) rather than lost.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.Title:fresh",
  "p[style-name='title'] => h1.Title:fresh",
  "p[style-name='Subtitle'] => h2.Subtitle:fresh",
  "br[type='page'] => hr",
  "br[type='column'] => hr",
  'u => u',
];

type Fail = { rule: 'import/not-docx'; reason: Localized } | { rule: 'import/too-large'; limit: string };
const NOT_ZIP: Localized = { en: 'not a zip package', zh: '不是 zip 压缩包' };
const DAMAGED: Localized = { en: 'the package is damaged', zh: '压缩包已损坏' };
const NO_DOCUMENT: Localized = { en: 'it has no word/document.xml', zh: '其中没有 word/document.xml' };

/**
 * The package's parts, each inflated with a running count: a zip bomb (a few
 * KB that inflate to gigabytes) stops at the limit instead of filling memory,
 * whatever sizes its headers claim.
 */
function unpack(bytes: Uint8Array): Unzipped | Fail {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { rule: 'import/not-docx', reason: NOT_ZIP };
  const parts: Unzipped = {};
  let total = 0;
  let failed: Fail | undefined;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (failed) return;
      if (err) {
        failed = { rule: 'import/not-docx', reason: DAMAGED };
        return;
      }
      total += chunk.length;
      if (total > DOCX_UNPACKED_LIMIT) {
        failed = { rule: 'import/too-large', limit: sizeText(DOCX_UNPACKED_LIMIT) };
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = concat(chunks);
    };
    if (!failed) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    failed ??= { rule: 'import/not-docx', reason: DAMAGED };
  }
  if (failed) return failed;
  if (!parts['word/document.xml']) return { rule: 'import/not-docx', reason: NO_DOCUMENT };
  return parts;
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

interface Captured {
  type: string;
  bytes: Uint8Array;
}

/** The blocks of a .docx, or undefined after an error in `diags`. */
export async function readDocx(file: string, bytes: Uint8Array, diags: Diagnostics): Promise<Source | undefined> {
  const parts = unpack(bytes);
  if ('rule' in parts) {
    const p = parts as Fail;
    diags.error(file, { line: 1, column: 1 }, p.rule, p.rule === 'import/not-docx' ? { path: file, reason: p.reason } : { path: file, limit: p.limit });
    return undefined;
  }
  // Repacked without compression: mammoth reads exactly the parts measured above.
  const images: Captured[] = [];
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(zipSync(parts, { level: 0 })) }, {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        images.push({ type: image.contentType, bytes: new Uint8Array(await image.readAsBuffer()) });
        return { src: String(images.length - 1) };
      }),
    });
    html = result.value;
    messages = result.messages;
  } catch {
    diags.error(file, { line: 1, column: 1 }, 'import/not-docx', { path: file, reason: DAMAGED });
    return undefined;
  }
  // A style mammoth does not know is no loss (its text is read as a paragraph), and an image in a format a
  // browser cannot show is named by import/image-format below; anything else it skipped is a loss.
  for (const m of messages) {
    if (!/^Unrecognised (paragraph|run|table) style|^Image of type .* is unlikely to display/.test(m.message)) diags.warning(file, { line: 1, column: 1 }, 'import/reader', { detail: m.message });
  }
  return new Walker(file, images, diags).source(parseHtml(html));
}

// ---- mammoth's HTML: a small, regular subset (escaped text, quoted attributes, `<br />`-style void tags) ----

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

const VOID = new Set(['br', 'hr', 'img']);

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
}

function parseHtml(html: string): El {
  const root: El = { tag: 'root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]));
    } else if (m[1]) {
      if (stack.length > 1 && top.tag === m[2]) stack.pop();
    } else {
      const attrs = Object.fromEntries([...m[3]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, decodeEntities(a[2]!)]));
      const el: El = { tag: m[2]!, attrs, children: [] };
      top.children.push(el);
      if (!VOID.has(el.tag)) stack.push(el);
    }
  }
  return root;
}

const FORMAT: Record<string, Localized> = {
  u: { en: 'underlining', zh: '下划线' },
  s: { en: 'strikethrough', zh: '删除线' },
  sup: { en: 'superscript', zh: '上标' },
  sub: { en: 'subscript', zh: '下标' },
};

type Piece = Run | { image: number } | { pageBreak: true };

class Walker {
  private at = 0;
  private readonly blocks: Block[] = [];
  private readonly empty: number[] = [];

  constructor(private readonly file: string, private readonly images: Captured[], private readonly diags: Diagnostics) {}

  source(root: El): Source {
    for (const node of root.children) this.block(node);
    if (this.empty.length) this.warn('import/empty-paragraphs', this.empty[0]!, { count: this.empty.length });
    return { unit: 'paragraph', blocks: this.blocks };
  }

  private warn(rule: string, at: number, args: Record<string, string | number | Localized> = {}): void {
    this.diags.warning(this.file, { line: at, column: 1 }, rule, { where: where('paragraph', at), ...args });
  }

  private block(node: Node): void {
    if (typeof node === 'string') return this.paragraph({ tag: 'p', attrs: {}, children: [node] });
    if (node.tag === 'table') return this.table(node);
    if (node.tag === 'ul' || node.tag === 'ol') {
      const first = this.at + 1;
      for (const li of node.children) this.listItem(li);
      return this.warn('import/list', first);
    }
    if (node.tag === 'hr') return this.warn('import/page-break', Math.max(1, this.at));
    return this.paragraph(node);
  }

  private listItem(li: Node): void {
    if (typeof li === 'string' || li.tag !== 'li') return this.block(li);
    // A list item holds its text, then any nested list.
    const own = li.children.filter((c) => typeof c === 'string' || (c.tag !== 'ul' && c.tag !== 'ol'));
    this.paragraph({ tag: 'p', attrs: {}, children: own });
    for (const c of li.children) if (typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol')) for (const n of c.children) this.listItem(n);
  }

  private paragraph(el: El): void {
    const at = ++this.at;
    const pieces = this.inline(el.children, at, {});
    const style = /^h\d$/.test(el.tag) ? (el.attrs.class ?? `Heading ${el.tag.slice(1)}`) : undefined;
    let runs: Run[] = [];
    const before = this.blocks.length;
    let any = false;
    const flush = () => {
      const plain = runs.map((r) => r.text).join('').trim();
      if (plain) this.blocks.push({ kind: 'text', md: runsToMarkdown(trimRuns(runs)), plain, at, ...(style ? { style } : {}) });
      runs = [];
    };
    for (const p of pieces) {
      if ('text' in p) runs.push(p);
      else if ('pageBreak' in p) this.warn('import/page-break', at);
      else {
        // An image is printed on a line of its own: the text around it becomes paragraphs before and after.
        flush();
        any = true;
        this.image(p.image, at);
      }
    }
    flush();
    if (!any && this.blocks.length === before) this.empty.push(at);
  }

  private image(index: number, at: number): void {
    const img = this.images[index]!;
    const ext = img.type === 'image/png' ? 'png' : img.type === 'image/jpeg' ? 'jpg' : undefined;
    if (!ext) return this.warn('import/image-format', at, { type: img.type });
    if (img.bytes.length > LIMITS.image) {
      this.diags.error(this.file, { line: at, column: 1 }, 'import/image-too-large', { where: where('paragraph', at), size: sizeText(img.bytes.length), limit: sizeText(LIMITS.image) });
      return;
    }
    this.blocks.push({ kind: 'image', at, bytes: img.bytes, ext });
  }

  /** The runs of a paragraph's content; what has no Markdown is named once per paragraph, its text kept. */
  private inline(nodes: Node[], at: number, fmt: { bold?: boolean; italic?: boolean }, out: Piece[] = [], said = new Set<string>()): Piece[] {
    const once = (key: string, rule: string, args: Record<string, string | Localized>) => {
      if (!said.has(key)) this.warn(rule, at, args);
      said.add(key);
    };
    for (const n of nodes) {
      if (typeof n === 'string') out.push({ text: n, ...fmt });
      else if (n.tag === 'br') out.push({ text: '\n', ...fmt });
      else if (n.tag === 'hr') out.push({ pageBreak: true });
      else if (n.tag === 'img') out.push({ image: Number(n.attrs.src) });
      else {
        if (FORMAT[n.tag]) once(n.tag, 'import/format-dropped', { format: FORMAT[n.tag]! });
        if (n.tag === 'a' && n.attrs.href) once(`a${n.attrs.href}`, 'import/link', { href: n.attrs.href });
        const inner = n.tag === 'strong' ? { ...fmt, bold: true } : n.tag === 'em' ? { ...fmt, italic: true } : fmt;
        this.inline(n.children, at, inner, out, said);
      }
    }
    return out;
  }

  private table(el: El): void {
    const at = ++this.at;
    const rows: string[][] = [];
    let merged = false;
    const cellWarnings = new Set<string>();
    for (const tr of elements(el, 'tr')) {
      const row: string[] = [];
      for (const cell of tr.children) {
        if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
        const paragraphs = cell.children.filter((c) => typeof c !== 'string' && c.tag === 'p').length;
        if (paragraphs > 1) cellWarnings.add('paragraphs');
        const pieces = this.inline(cell.children, at, {});
        if (pieces.some((p) => 'image' in p)) cellWarnings.add('image');
        const runs = pieces.filter((p): p is Run => 'text' in p).map((r) => ({ ...r, text: r.text.replace(/\s*\n\s*/g, ' ') }));
        row.push(runsToMarkdown(trimRuns(runs)));
        const span = Number(cell.attrs.colspan ?? 1);
        if (span > 1 || cell.attrs.rowspan) merged = true;
        for (let k = 1; k < span; k++) row.push('');
      }
      rows.push(row);
    }
    if (merged) this.warn('import/table-merged', at);
    for (const w of cellWarnings) this.warn('import/table-cell', at, CELL[w]!);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (!rows.length || rows.every((r) => r.every((c) => !c))) return this.warn('import/table-empty', at);
    // Rows cut short by a vertical merge get empty cells: a GFM row must have the header's width.
    const line = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
    const md = [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
    this.blocks.push({ kind: 'table', md, plain: rows.flat().join(''), at });
  }
}

const CELL: Record<string, Record<string, Localized>> = {
  paragraphs: { what: { en: 'several paragraphs', zh: '多个段落' }, done: { en: 'they were joined into one line', zh: '已合为一行' } },
  image: { what: { en: 'an image', zh: '图片' }, done: { en: 'the image was not imported', zh: '图片未导入' } },
};

function elements(el: El, tag: string): El[] {
  return el.children.flatMap((c) => (typeof c === 'string' ? [] : c.tag === tag ? [c] : elements(c, tag)));
}

/** Runs without the white space at the paragraph's two ends. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (const r of out) {
    r.text = r.text.replace(/^[\s\u3000]+/, '');
    if (r.text) break;
  }
  for (const r of out.slice().reverse()) {
    r.text = r.text.replace(/[\s\u3000]+$/, '');
    if (r.text) break;
  }
  return out;
}
