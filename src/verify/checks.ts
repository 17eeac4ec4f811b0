// The proof-reader's checks on a PDF read back by pdf-read.ts. Each check has
// an id and returns its findings; a finding names a message of the catalogue
// (src/verify/messages.ts) and the page it is on. TEXT_CHECKS need only the
// lines' text, so they run on an OFD's text as well (ofd.ts, registry.ts).

import type { Geometry } from './geometry.js';
import type { PdfDocument, TextLine } from './pdf-read.js';

export interface Finding {
  /** The check's id; the message is `verify/<check>` unless `message` names another. */
  check: string;
  message?: string;
  page?: number;
  /** Where else it is, when not on a page (an OFD's part). */
  where?: string;
  /** A warning or a note is reported but does not fail the check. */
  severity?: 'warning' | 'note';
  args: Record<string, string | number>;
}

/** Text read back as lines, page by page (the lines' text has no white space). */
export interface TextDocument {
  pages: Array<{ lines: Array<Pick<TextLine, 'text'>> }>;
}

export type PageNumbers = 'outside' | 'center' | 'any' | 'none';

export interface VerifyOptions {
  /** Strings (white space ignored) that must appear in the text; with inOrder, in that order. */
  expect?: string[];
  inOrder?: boolean;
  forbid?: string[];
  /** Where page numbers must be; by default where the template puts them. */
  pageNumbers?: PageNumbers;
  /** The last page's last line sits on the text block's bottom edge (the 报尾's place). */
  footerBottom?: boolean;
  /** The stricter line-break rules: …… or —— at a line start, split attributions, numbers split from units. */
  breaks?: boolean;
  /** A PDF must be PDF/A and pass the PDF/A preflight. */
  pdfa?: boolean;
}

export interface CheckContext {
  geometry: Geometry;
  options: VerifyOptions;
}

export interface Check<D> {
  id: string;
  run(doc: D, ctx: CheckContext): Finding[];
}

// clreq: marks that never start a line, and marks that never end one.
const NO_START = new Set('，。、．；：？！‼⁇⁈⁉）］｝〕〉》」』】〙〗〟”’»›)]}%％‰·・～ー々〻ゝゞヽヾ︰');
const NO_END = new Set('（［｛〔〈《「『【〘〖〝“‘«‹([{');
/** Marks that may be set half-width at a line's end: their glyph box may pass the edge, their advance does not. */
const HALF_AT_END = new Set('，。、；：？！）］｝〕〉》」』】”’');
/** Units and measure words a number is never separated from. */
const UNITS = new Set('万亿元个项名家人次户%％条件台座处场所吨亩倍岁天年月日号期');
const PAGE_NO = /^[—–-](\d+)[—–-]$/;
/** How far off a measured edge may be, in points (rounding in the reader and the writer). */
const EDGE = 1.5;

const excerpt = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const tail = (s: string, n: number) => (s.length > n ? s.slice(-n) : s);

export const isPageNumber = (l: Pick<TextLine, 'text'>) => PAGE_NO.test(l.text);
export const isBody = (l: TextLine, g: Geometry) => Math.abs(l.size - g.bodySize) <= EDGE;

/** East Asian Width "ambiguous" marks that Chinese text sets full-width. */
const WIDE_MARKS = new Set('“”‘’—…·°×÷§№※→←↑↓●○■□△▲☆★◆◇');

/** Grid cells a line fills: a wide (CJK) character one, a half-width digit or letter half of one. */
export function cells(text: string): number {
  let n = 0;
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    n += (cp >= 0x2e80 && !(cp >= 0xff61 && cp <= 0xffdc)) || WIDE_MARKS.has(c) ? 1 : 0.5;
  }
  return n;
}

/** Each line with the one after it on the same page. */
function* pairs<L extends Pick<TextLine, 'text'>>(doc: { pages: Array<{ lines: L[] }> }): Generator<{ page: number; line: L; next: L | undefined }> {
  for (const [i, p] of doc.pages.entries()) {
    for (const [j, line] of p.lines.entries()) yield { page: i + 1, line, next: p.lines[j + 1] };
  }
}

/** The text as a reader reads it, page numbers left out (they sit between the halves of a paragraph), white space removed. */
export function flatText(doc: TextDocument): string {
  return doc.pages.flatMap((p) => p.lines.filter((l) => !isPageNumber(l)).map((l) => l.text)).join('');
}

/** The checks that read only the lines' text: they apply to any document read back as text lines. */
export const TEXT_CHECKS: Array<Check<TextDocument>> = [
  {
    id: 'text',
    run: (doc, { options: o }) => {
      const found: Finding[] = [];
      for (const [i, p] of doc.pages.entries()) {
        if (p.lines.some((l) => l.text.includes('\ufffd'))) found.push({ check: 'text', message: 'verify/text-replacement', page: i + 1, args: {} });
      }
      const flat = flatText(doc);
      let at = 0;
      for (const want of o.expect ?? []) {
        const w = want.replace(/\s+/g, '');
        if (!w) continue;
        const index = flat.indexOf(w, o.inOrder ? at : 0);
        if (index < 0) found.push({ check: 'text', message: o.inOrder && flat.includes(w) ? 'verify/text-out-of-order' : 'verify/text-missing', args: { text: excerpt(want, 40) } });
        else if (o.inOrder) at = index + w.length;
      }
      for (const bad of o.forbid ?? []) {
        const b = bad.replace(/\s+/g, '');
        if (b && flat.includes(b)) found.push({ check: 'text', message: 'verify/text-forbidden', args: { text: excerpt(bad, 40) } });
      }
      return found;
    },
  },
  {
    id: 'line-start',
    run: (doc, { options: o }) => [...pairs(doc)].flatMap(({ page, line: { text } }) => (
      NO_START.has(text[0]!) || (o.breaks && (text.startsWith('…') || text.startsWith('——')))
        ? [{ check: 'line-start', page, args: { mark: text.startsWith('——') ? '——' : text[0]!, line: excerpt(text, 14) } }]
        : [])),
  },
  {
    id: 'line-end',
    run: (doc) => [...pairs(doc)].flatMap(({ page, line: { text } }) => (
      NO_END.has(text.at(-1)!) ? [{ check: 'line-end', page, args: { mark: text.at(-1)!, line: tail(text, 14) } }] : [])),
  },
  {
    id: 'split-mark',
    run: (doc) => [...pairs(doc)].flatMap(({ page, line, next }) => ['—', '…'].flatMap((m) => (
      next && line.text.endsWith(m) && !line.text.endsWith(m + m) && next.text.startsWith(m)
        ? [{ check: 'split-mark', page, args: { mark: m + m, end: tail(line.text, 6), start: excerpt(next.text, 6) } }]
        : []))),
  },
  {
    id: 'attribution',
    run: (doc, { options: o }) => (!o.breaks ? [] : [...pairs(doc)].flatMap(({ page, line, next }) => {
      if (!next) return [];
      // a short last line that closes an attribution opened on the line before: （区发改 | 委）
      const end = tail(line.text, 14);
      const open = end.lastIndexOf('（');
      const close = next.text.slice(0, 14).indexOf('）');
      if (open < 0 || end.includes('）', open) || close < 0 || next.text.slice(0, close).includes('（')) return [];
      if (!next.text.endsWith('）') || next.text.length > 16) return [];
      return [{ check: 'attribution', page, args: { end: end.slice(open), start: next.text.slice(0, close + 1) } }];
    })),
  },
  {
    id: 'number-unit',
    run: (doc, { options: o }) => (!o.breaks ? [] : [...pairs(doc)].flatMap(({ page, line, next }) => (
      next && /\d$/.test(line.text) && UNITS.has(next.text[0]!)
        ? [{ check: 'number-unit', page, args: { end: tail(line.text, 6), start: excerpt(next.text, 4) } }]
        : []))),
  },
];

export const PDF_CHECKS: Array<Check<PdfDocument>> = [
  {
    id: 'page-size',
    run: (doc, { geometry: g }) => doc.pages.flatMap((p, i) => (Math.abs(p.width - g.pageWidth) > EDGE || Math.abs(p.height - g.pageHeight) > EDGE
      ? [{ check: 'page-size', page: i + 1, args: { width: p.width.toFixed(1), height: p.height.toFixed(1), wantWidth: g.pageWidth.toFixed(1), wantHeight: g.pageHeight.toFixed(1) } }]
      : [])),
  },
  {
    id: 'fonts',
    run: (doc) => doc.fonts.filter((f) => !f.embedded).map((f) => ({ check: 'fonts', args: { font: f.name } })),
  },
  ...TEXT_CHECKS,
  {
    id: 'ragged',
    run: (doc, { geometry: g }) => [...pairs(doc)].flatMap(({ page, line, next }) => (
      continues(line, next, g) && line.x1 < g.right - 1
        ? [{ check: 'ragged', page, args: { short: (g.right - line.x1).toFixed(1), line: tail(line.text, 12) } }]
        : [])),
  },
  {
    id: 'overhang',
    run: (doc, { geometry: g }) => [...pairs(doc)].flatMap(({ page, line }) => {
      const slack = 1 + (HALF_AT_END.has(line.text.at(-1)!) ? g.bodySize / 2 : 0);
      return line.x1 > g.right + slack ? [{ check: 'overhang', page, args: { by: (line.x1 - g.right).toFixed(1), line: tail(line.text, 10) } }] : [];
    }),
  },
  {
    id: 'page-number',
    run: (doc, { geometry: g, options: o }) => {
      const where = o.pageNumbers ?? g.pageNumber.position;
      if (where === 'none') return [];
      const found: Finding[] = [];
      const at = (page: number, message: string, args: Finding['args'] = {}) => found.push({ check: 'page-number', message, page, args });
      for (const [i, p] of doc.pages.entries()) {
        const n = i + 1;
        const line = p.lines.filter(isPageNumber).at(-1);
        if (!line) {
          // the last page may hold only the 报尾, and then carries no number
          if (n < doc.pages.length || doc.pages.length === 1) at(n, 'verify/page-number-missing');
          continue;
        }
        const printed = Number(PAGE_NO.exec(line.text)![1]);
        if (printed !== n) at(n, 'verify/page-number-wrong', { printed });
        if (where === 'outside') {
          const right = n % 2 === 1;
          const off = right ? line.x1 - (g.right - g.pageNumber.inset) : line.x0 - (g.left + g.pageNumber.inset);
          if (Math.abs(off) > 4) at(n, right ? 'verify/page-number-not-right' : 'verify/page-number-not-left', { x0: line.x0.toFixed(0), x1: line.x1.toFixed(0) });
        } else if (where === 'center' && Math.abs((line.x0 + line.x1) / 2 - (g.left + g.right) / 2) > 3) {
          at(n, 'verify/page-number-not-centred', { centre: ((line.x0 + line.x1) / 2).toFixed(0) });
        }
      }
      return found;
    },
  },
  {
    id: 'footer-bottom',
    run: (doc, { geometry: g, options: o }) => {
      const last = doc.pages.at(-1)?.lines.filter((l) => !isPageNumber(l)).at(-1);
      if (!o.footerBottom || !last) return [];
      // the baseline of the 报尾's last line lies within its own line height of the text block's bottom
      const ok = last.y <= g.bottom + 2 && last.y >= g.bottom - 1.2 * g.bodySize - 2;
      return ok ? [] : [{ check: 'footer-bottom', page: doc.pages.length, args: { y: last.y.toFixed(1), bottom: g.bottom.toFixed(1), line: excerpt(last.text, 16) } }];
    },
  },
];

/**
 * A body line that runs on into the next one: it starts at the text block's left edge or two characters in
 * (a first line), and the next line is body text at the left edge right below it. Such a line must be justified.
 */
function continues(line: TextLine, next: TextLine | undefined, g: Geometry): boolean {
  if (!next || !isBody(line, g) || !isBody(next, g)) return false;
  const shaped = Math.abs(line.x0 - g.left) <= EDGE || Math.abs(line.x0 - g.left - 2 * g.bodySize) <= 2.5;
  return shaped && Math.abs(next.x0 - g.left) <= EDGE && next.y - line.y > 0 && next.y - line.y < 2.5 * g.bodySize;
}

export interface PdfFigures {
  pages: number;
  bodyLines: number;
  /** Median grid cells of a full body line (one that runs on and starts at the left edge). */
  charsPerFullLine: number | null;
  /** Most body lines on a page but the last (on a one-page document, that page's). */
  bodyLinesPerFullPage: number;
}

export function pdfFigures(doc: PdfDocument, g: Geometry): PdfFigures {
  const perPage = doc.pages.map((p) => p.lines.filter((l) => isBody(l, g)).length);
  const full = [...pairs(doc)].filter(({ line, next }) => continues(line, next, g) && Math.abs(line.x0 - g.left) <= EDGE && line.x1 >= g.right - 1)
    .map(({ line }) => cells(line.text)).sort((p, q) => p - q);
  return {
    pages: doc.pages.length,
    bodyLines: perPage.reduce((a, b) => a + b, 0),
    charsPerFullLine: full.length ? full[full.length >> 1]! : null,
    bodyLinesPerFullPage: perPage.length > 1 ? Math.max(...perPage.slice(0, -1)) : (perPage[0] ?? 0),
  };
}
