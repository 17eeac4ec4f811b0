// Chinese line composition: split a paragraph into unbreakable units, choose
// line breaks that respect the line-start and line-end rules, compress
// punctuation where that saves a push, and justify every line but the last to
// the measure. Pure: fonts come in through FaceChooser.

import type { Role } from '../template/model.js';
import { CLOSE, DIGIT, DOUBLE, JOINER, NO_END, NO_START, OPEN, PERCENT, SPACE, WORD, charClass } from './chars.js';
import type { GlyphRun, StructTag } from './display-list.js';
import type { FaceChooser, FontMetrics } from './metrics.js';
import { NO_BREAK, wordBreaks } from './words.js';

/** A piece of a paragraph in one style. */
export interface Piece {
  text: string;
  role: Role;
  size: number;
  color: string;
  /** Role for digits and Latin letters, when it differs from `role`. */
  latin?: Role;
  /** An element of its own in the logical structure (a run-in title's Span); runs never join across it. */
  tag?: StructTag;
  /** `whole`: never broken (an attribution); `words`: broken only between words (a title). */
  keep?: 'whole' | 'words';
}

/**
 * The glyphs of a paragraph, as parallel arrays. Composition runs mostly
 * before V8 has optimised it, where every object, every number read from an
 * object and every sum costs an allocation: so no object per glyph or unit.
 */
interface Glyphs {
  pieces: Piece[];
  /** All the pieces' text; glyph g is text.slice(at[g], at[g + 1]), or text[g] when there are no surrogates (at undefined). */
  text: string;
  at: Int32Array | undefined;
  codePoints: Int32Array;
  /** charClass of each glyph. */
  classes: Int32Array;
  /** Index in `pieces` of each glyph's piece. */
  pieceOf: Int32Array;
  faces: FontMetrics[];
  /** Natural advance in points, without tracking. */
  advances: Float64Array;
}

/**
 * A paragraph in units: glyphs that stay together on one line and get no
 * justification space inside. Unit k is glyphs [start[k], start[k + 1]).
 */
export interface Units {
  readonly length: number;
  readonly glyphs: Glyphs;
  readonly start: Int32Array;
  /** Natural width: advances plus tracking after every glyph. */
  readonly width: Float64Array;
  /** SPACE, NO_START… below. */
  readonly flags: Int32Array;
}

// Unit flags.
const SPACE_UNIT = 1;
const NO_START_UNIT = 2;
const NO_END_UNIT = 4;
/** A full-width mark's empty half (half its size) can be trimmed: left for an opening mark, right for a closing one. */
const TRIM_LEFT = 8;
const TRIM_RIGHT = 16;
/** That trim is always made, because of a neighbouring mark (two marks take 1.5 em). */
const FIXED_LEFT = 32;
const FIXED_RIGHT = 64;
const TRIMS = TRIM_LEFT | TRIM_RIGHT | FIXED_LEFT | FIXED_RIGHT;
/** An ideograph after an ideograph in the same face and piece (both one glyph without trims): setLine sets it without looking at its glyph. */
const SAME_AS_BEFORE = 128;
/** No break before this unit: it holds to the one before (a number's unit, 是 of 一是, inside a word or an attribution). */
const GLUE = 256;
/** First unit of a piece kept whole: when a line starts with it, the line is that piece (an attribution on its own). */
const WHOLE_START = 512;

export interface ComposeOptions {
  /** Line width in points. */
  measure: number;
  /** Indent of the first line, in points. */
  indent: number;
  /** Extra space after every glyph (grid tracking), in points. */
  tracking: number;
  /** Stretch lines to the measure (all but the last); false sets every line flush left. */
  justify: boolean;
  /** Most space added between two units when justifying, in points: a looser line takes units from the line above. */
  maxStretch?: number;
  /** How much closer the two halves of …… are drawn (points): a face's … has side bearings that leave a gap between them. */
  ellipsisClose?: number;
}

/** A composed line: runs with x relative to the line's left edge (indent included). */
export interface Line {
  runs: GlyphRun[];
  /** Width actually used, from the left edge to the end of the last unit. */
  width: number;
  /** The characters of the line, for tests and diagnostics. */
  text: string;
  /** The spaces the break after the line took away (a word space, a run-in title's separator): text, not ink. */
  after?: string;
}

const EPS = 1e-6;

/** The face that draws a code point in a role, and its advance per em. */
interface Choice {
  face: FontMetrics;
  em: number;
}

/** Looks choices up for one paragraph. */
class Chooser {
  private readonly roles: Map<Role, Map<number, Choice>>;

  constructor(private readonly fonts: FaceChooser) {
    // faceFor walks the role's fallback chain: its answers are kept where the chooser keeps them.
    this.roles = fonts.choices ?? new Map();
  }

  /** The choices made so far for a role. */
  table(role: Role): Map<number, Choice> {
    let table = this.roles.get(role);
    if (!table) this.roles.set(role, (table = new Map()));
    return table;
  }

  /** Choose for a code point not yet in the role's table. */
  choose(role: Role, cp: number, table: Map<number, Choice>): Choice {
    const face = this.fonts.faceFor(role, cp) ?? this.fonts.primary(role);
    const c = { face, em: face.advance(cp) / face.unitsPerEm };
    table.set(cp, c);
    return c;
  }

  choice(role: Role, cp: number): Choice {
    const table = this.table(role);
    return table.get(cp) ?? this.choose(role, cp, table);
  }
}

/** The code points of the pieces, each piece on its own (as `for (const ch of text)` reads it: a lone surrogate stands alone). */
function readGlyphs(pieces: Piece[], text: string): Glyphs {
  const max = text.length; // glyphs, at most
  // Locals, not g's fields, in the loop: a property read per store costs in a cold process.
  const at = /[\ud800-\udfff]/.test(text) ? new Int32Array(max + 1) : undefined;
  const codePoints = new Int32Array(max);
  const classes = new Int32Array(max);
  const pieceOf = new Int32Array(max);
  let n = 0;
  let base = 0;
  for (let p = 0; p < pieces.length; p++) {
    const t = pieces[p]!.text;
    const length = t.length;
    const first = n;
    for (let i = 0; i < length; n++) {
      let cp = t.charCodeAt(i);
      if (at) at[n] = base + i;
      i++;
      if (cp >= 0xd800 && cp <= 0xdbff && i < length) {
        const low = t.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      codePoints[n] = cp;
      // The common ideographs have class 0, which the array holds already: no call, no store.
      if (cp < 0x4e00 || cp > 0x9fff) classes[n] = charClass(cp);
    }
    if (p !== 0) pieceOf.fill(p, first, n); // a call a piece, not a store a glyph
    base += length;
  }
  if (at) at[n] = base;
  const g = { pieces, text, at, codePoints, classes, pieceOf, faces: [], advances: new Float64Array(max) };
  return n === max ? g : { ...g, at: at!.slice(0, n + 1), codePoints: codePoints.slice(0, n), classes: classes.slice(0, n) };
}

/** End of the unit that starts at glyph i: a —— or …… pair, a word or number with its point and percent sign, else one glyph. */
function unitEnd(g: Glyphs, i: number): number {
  const cls = g.classes;
  const n = cls.length;
  let j = i + 1;
  if (cls[i]! & DOUBLE) return j < n && g.codePoints[j] === g.codePoints[i] ? j + 1 : j;
  if (!(cls[i]! & WORD)) return j;
  for (; j < n; j++) {
    const c = cls[j]!;
    if (c & WORD) continue;
    const prevDigit = cls[j - 1]! & DIGIT;
    const nextDigit = j + 1 < n && cls[j + 1]! & DIGIT;
    if (prevDigit && c & JOINER && (nextDigit || c & PERCENT)) continue;
    break;
  }
  return j;
}

/** Choose faces for glyphs [from, to) and measure them: their width with tracking. `latin`: the role a word or number is set in. */
function measureGlyphs(g: Glyphs, from: number, to: number, latin: Role | undefined, faces: Chooser, tracking: number): number {
  let width = 0;
  for (let k = from; k < to; k++) {
    const piece = g.pieces[g.pieceOf[k]!]!;
    const c = faces.choice(latin ? piece.latin ?? latin : piece.role, g.codePoints[k]!);
    const advance = c.em * piece.size;
    g.faces[k] = c.face;
    g.advances[k] = advance;
    width = width + advance + tracking;
  }
  return width;
}

/** Flags of the unit of glyphs [from, to). */
function unitFlags(g: Glyphs, from: number, to: number): number {
  const first = g.classes[from]!;
  const single = to - from === 1;
  const size = g.pieces[g.pieceOf[from]!]!.size;
  // A mark's empty half is trimmable only when the glyph really is full width.
  const fullWidth = single && first & (OPEN | CLOSE) && Math.abs(g.advances[from]! - size) < 0.01 * size;
  return (single && first & SPACE ? SPACE_UNIT : 0)
    // —— and …… never start a line (Word's and WPS's 行首禁则, clreq strict), nor does a lone half.
    | (first & (NO_START | DOUBLE) ? NO_START_UNIT : 0)
    | (g.classes[to - 1]! & NO_END ? NO_END_UNIT : 0)
    | (fullWidth && first & OPEN ? TRIM_LEFT : 0)
    | (fullWidth && first & CLOSE ? TRIM_RIGHT : 0);
}

/** Split styled text into units: —— and …… pairs, Latin words, numbers with their point and percent sign, single characters. */
export function toUnits(pieces: Piece[], fonts: FaceChooser, tracking: number): Units {
  // A loop, not map and join: optimised code for join gave up on arrays of another map, and was made again.
  let text = '';
  for (let p = 0; p < pieces.length; p++) text += pieces[p]!.text;
  const g = readGlyphs(pieces, text);
  const { codePoints, classes, pieceOf, advances } = g;
  const glyphFaces = g.faces;
  const n = codePoints.length;
  const faces = new Chooser(fonts);
  const start = new Int32Array(n + 1);
  const width = new Float64Array(n);
  const flags = new Int32Array(n);
  let k = 0;
  // The piece of the glyph before, its role's table and its size (the same for long stretches).
  let piece = -1;
  let role: Role | undefined;
  let table: Map<number, Choice> | undefined;
  let size = 0;
  let prevFace: FontMetrics | undefined; // the face of the unit before, when that is an ideograph
  const glueAt: number[] = []; // numbers and 是: units that may hold to their neighbours
  for (let i = 0; i < n; k++) {
    if (classes[i] === 0) {
      // Most characters (ideographs) have no class: a unit of one glyph in its piece's role, without flags.
      const p = pieceOf[i]!;
      if (p !== piece) {
        const pc = pieces[(piece = p)]!;
        size = pc.size;
        if (pc.role !== role) table = faces.table((role = pc.role));
        prevFace = undefined;
      }
      const cp = codePoints[i]!;
      const c = table!.get(cp) ?? faces.choose(role!, cp, table!);
      const advance = c.em * size;
      const face = c.face;
      glyphFaces[i] = face;
      advances[i] = advance;
      start[k] = i;
      width[k] = advance + tracking; // measureGlyphs' 0 + advance + tracking
      if (face === prevFace) flags[k] = SAME_AS_BEFORE;
      if (cp === SHI) glueAt.push(k);
      prevFace = face;
      i++;
      continue;
    }
    prevFace = undefined;
    const j = unitEnd(g, i);
    if (classes[j - 1]! & (DIGIT | PERCENT)) glueAt.push(k); // a number (5G, M1000, 30%) holds its unit
    // A word or number is set whole in the Latin role, its point and percent sign included.
    const latin = classes[i]! & WORD ? pieces[pieceOf[i]!]!.latin : undefined;
    start[k] = i;
    width[k] = measureGlyphs(g, i, j, latin, faces, tracking);
    flags[k] = unitFlags(g, i, j);
    i = j;
  }
  start[k] = n;
  for (const u of glueAt) glueNumber(g, start, flags, k, u);
  if (pieces.some((p) => p.keep === 'whole')) keepPieces(g, start, flags, k, 'whole');
  // Two adjacent marks take 1.5 em: trim the closing one's right half, else the opening one's left half.
  for (let u = 1; u < k; u++) {
    const a = flags[u - 1]!;
    const b = flags[u]!;
    if (a & TRIM_RIGHT && b & (TRIM_LEFT | TRIM_RIGHT)) flags[u - 1] = a | FIXED_RIGHT;
    else if (b & TRIM_LEFT && a & TRIM_LEFT) flags[u] = b | FIXED_LEFT;
  }
  return { length: k, glyphs: g, start, width, flags };
}

const SHI = 0x662f; // 是
const ELLIPSIS = 0x2026;
/** 一是 … 十是: an enumerator that stays whole. */
const ORDINALS = new Set([...'一二三四五六七八九十'].map((c) => c.codePointAt(0)!));
/** After a number, any of these hold to it (5万余条, 2.37亿元, 100多名). */
const MAGNITUDES = new Set([...'十百千万亿余多'].map((c) => c.codePointAt(0)!));
/** A unit or measure word that holds to the number before it. */
const MEASURES = new Set([...'元角个项名家人次户条件所处台辆套间座栋吨亩米天年月日号时岁位倍期批类篇场届轮点份张本页册支只头棵株辆度秒分里斤克升'].map((c) => c.codePointAt(0)!));
const DI = 0x7b2c; // 第

/** The code point of unit u when it is one glyph, else -1. */
function single(g: Glyphs, start: Int32Array, u: number): number {
  return start[u + 1]! - start[u]! === 1 ? g.codePoints[start[u]!]! : -1;
}

/** Unit u is a number or 是: glue 第 to the number, its magnitudes and unit to it; 是 to its 一. */
function glueNumber(g: Glyphs, start: Int32Array, flags: Int32Array, length: number, u: number): void {
  if (single(g, start, u) === SHI) {
    if (u > 0 && ORDINALS.has(single(g, start, u - 1))) flags[u]! |= GLUE;
    return;
  }
  if (u > 0 && single(g, start, u - 1) === DI) flags[u]! |= GLUE;
  let m = u + 1;
  for (; m < length && MAGNITUDES.has(single(g, start, m)); m++) flags[m]! |= GLUE;
  if (m < length && MEASURES.has(single(g, start, m))) flags[m]! |= GLUE;
}

/**
 * Glue the units of the pieces kept `whole` (attributions), or with `words` those of the pieces broken
 * between words only (titles). Visits only those pieces' units: unit starts are sorted, so a binary search
 * finds a piece's first unit.
 */
function keepPieces(g: Glyphs, start: Int32Array, flags: Int32Array, length: number, keep: 'whole' | 'words'): void {
  const { pieces, at } = g;
  let first = 0; // the piece's first glyph
  let base = 0; // the piece's first UTF-16 index in g.text
  for (let p = 0; p < pieces.length; base += pieces[p]!.text.length, p++) {
    const piece = pieces[p]!;
    // Glyphs of the piece: up to the first glyph of the next piece (a piece's text is whole code points).
    const glyphs = at ? countGlyphs(at, first, base + piece.text.length) : piece.text.length;
    if (piece.keep === keep && glyphs > 0) {
      const breaks = keep === 'words' ? wordBreaks(piece.text) : undefined;
      let lo = 0;
      let hi = length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (start[mid]! < first) lo = mid + 1;
        else hi = mid;
      }
      for (let u = lo; u < length && start[u]! < first + glyphs; u++) {
        const gi = start[u]!;
        if (gi === first) {
          if (keep === 'whole') flags[u]! |= WHOLE_START;
        } else if (!breaks || breaks[(at ? at[gi]! : gi) - base] === NO_BREAK) flags[u]! |= GLUE;
      }
    }
    first += glyphs;
  }
}

/** Glyphs from glyph `from` whose text starts before UTF-16 index `end`. */
function countGlyphs(at: Int32Array, from: number, end: number): number {
  let n = 0;
  while (from + n < at.length - 1 && at[from + n]! < end) n++;
  return n;
}

/**
 * Line breaks for the units, a title piece (keep: 'words') broken only between its words. Finding words
 * costs (the ICU dictionary loads on first use, ~0.1 s), so it is done only when a break falls inside such
 * a piece; then the units are glued there and broken again.
 */
export function breakWords(units: Units, opt: ComposeOptions): Array<[number, number]> {
  const ranges = breakLines(units, opt);
  const g = units.glyphs;
  const inside = ranges.some(([s]) => {
    if (s === 0 || s >= units.length) return false;
    const gi = units.start[s]!;
    return g.pieces[g.pieceOf[gi]!]!.keep === 'words' && gi > 0 && g.pieceOf[gi - 1] === g.pieceOf[gi];
  });
  if (!inside) return ranges;
  keepPieces(g, units.start as Int32Array, units.flags as Int32Array, units.length, 'words');
  return breakLines(units, opt);
}

/** Half the size of unit k's first glyph: what a trim takes. */
function half(units: Units, k: number): number {
  const g = units.glyphs;
  return g.pieces[g.pieceOf[units.start[k]!]!]!.size / 2;
}

function trimLeft(units: Units, k: number): number {
  return units.flags[k]! & TRIM_LEFT ? half(units, k) : 0;
}

function trimRight(units: Units, k: number): number {
  return units.flags[k]! & TRIM_RIGHT ? half(units, k) : 0;
}

function fixedLeft(units: Units, k: number): number {
  return units.flags[k]! & FIXED_LEFT ? half(units, k) : 0;
}

function fixedRight(units: Units, k: number): number {
  return units.flags[k]! & FIXED_RIGHT ? half(units, k) : 0;
}

/** A break before unit i is allowed unless it would start a line with a forbidden mark or end one with an opening mark. */
export function canBreakBefore(units: Units, i: number): boolean {
  if (i <= 0 || i >= units.length) return true;
  return !(units.flags[i]! & (NO_START_UNIT | GLUE) || units.flags[i - 1]! & NO_END_UNIT);
}

function isSpace(units: Units, k: number): boolean {
  return (units.flags[k]! & SPACE_UNIT) !== 0;
}

/** Start of units [s, e) as one line: spaces at its edges vanish. */
function inkStart(units: Units, s: number, e: number): number {
  while (s < e && isSpace(units, s)) s++;
  return s;
}

/** End of units [s, e) as one line, s being inkStart. */
function inkEnd(units: Units, s: number, e: number): number {
  while (e > s && isSpace(units, e - 1)) e--;
  return e;
}

interface Fit {
  natural: number;
  /** Trim available at the line end (a closing mark's half). */
  endShrink: number;
  /** Trim available from every other mark in the line. */
  midShrink: number;
}

function measureLine(units: Units, s0: number, e0: number): Fit {
  const s = inkStart(units, s0, e0);
  const e = inkEnd(units, s, e0);
  const { flags, width } = units;
  let natural = 0;
  let midShrink = 0;
  for (let k = s; k < e; k++) {
    // A unit without trims (most) adds its width, and nothing to midShrink: the same sums, fewer operations.
    if (!(flags[k]! & TRIMS)) {
      natural += width[k]!;
      continue;
    }
    const left = k === s ? 0 : fixedLeft(units, k); // an opening mark at line start keeps its full width
    natural += width[k]! - left - fixedRight(units, k);
    // An opening mark at the line start keeps its left half, so only later units give theirs.
    if (k < e - 1) midShrink += (k === s ? 0 : trimLeft(units, k) - left) + trimRight(units, k) - fixedRight(units, k);
  }
  const last = e - 1;
  const endShrink = last >= s ? trimRight(units, last) - fixedRight(units, last) : 0;
  if (last >= s && trimLeft(units, last) > 0 && s < last) midShrink += trimLeft(units, last) - fixedLeft(units, last);
  return { natural, endShrink, midShrink };
}

/** Choose line breaks: greedy first fit, pulling a forbidden line-start mark in by compression before pushing a character down. */
export function breakLines(units: Units, opt: ComposeOptions): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const loose: number[] = []; // lines that may have ended early: pushed down, or before a word or number
  let s = skipSpaces(units, 0);
  while (s < units.length) {
    const avail = opt.measure - (lines.length === 0 ? opt.indent : 0);
    // The longest line that fits with at most its end mark set half width.
    const e = longestFit(units, s, avail);
    let end = e;
    if (e < units.length && !canBreakBefore(units, e)) {
      // Pull in: the next allowed break, if compressing the line's marks makes room.
      let pull = e + 1;
      while (pull < units.length && !canBreakBefore(units, pull)) pull++;
      const f = pull - e <= 2 ? measureLine(units, s, pull) : undefined;
      if (f && f.natural - f.endShrink - f.midShrink <= avail + EPS) {
        end = pull;
      } else {
        // Push down: the last allowed break before e.
        let push = e - 1;
        while (push > s && !canBreakBefore(units, push)) push--;
        end = push > s ? push : pull; // nothing allowed: overfull rather than lost
      }
    }
    if (end < e || (e < units.length && units.start[e + 1]! - units.start[e]! > 1)) loose.push(lines.length);
    lines.push([s, end]);
    s = skipSpaces(units, end);
  }
  avoidShortLastLine(units, lines, opt);
  if (opt.maxStretch !== undefined && opt.justify && lines.length > 2) {
    // Before an attribution on its own line the text may end short, flush left: relieved only if that is enough.
    const tail = isWholePiece(units, lines[lines.length - 1]!);
    if (!tail) loose.push(lines.length - 2);
    else relieveLine(units, lines, lines.length - 2, opt, false);
    for (let i = loose.length - 1; i >= 0; i--) if (!tail || loose[i] !== lines.length - 2) relieveLine(units, lines, loose[i]!, opt, true);
  }
  return lines;
}

/** Space added between two units of line i when it is justified (negative: squeezed). */
export function lineStretch(units: Units, range: [number, number], opt: ComposeOptions, first: boolean): number {
  const s = inkStart(units, range[0], range[1]);
  const e = inkEnd(units, s, range[1]);
  const gaps = e - s - 1;
  return gaps > 0 ? (opt.measure - (first ? opt.indent : 0) - measureLine(units, s, e).natural) / gaps : 0;
}

/** Lines to look back over when a loose line takes units from the lines above it. */
const RELIEF_DEPTH = 4;

/**
 * A justified line i that stretches more than maxStretch (it ended before a number and its unit, a
 * word or an attribution) takes units from the line above, which takes from the one above it: the
 * loss spreads over up to RELIEF_DEPTH lines. Tried at the limit, then (`twice`) at twice it; else left as it was.
 */
function relieveLine(units: Units, lines: Array<[number, number]>, i: number, opt: ComposeOptions, twice: boolean): void {
  if (i >= lines.length - 1 || i < 1) return;
  const max = opt.maxStretch!;
  if (lineStretch(units, lines[i]!, opt, i === 0) <= max) return;
  const from = Math.max(0, i - RELIEF_DEPTH);
  const saved = lines.slice(from, i + 1).map((l) => [l[0], l[1]] as [number, number]);
  const restore = () => saved.forEach((l, k) => (lines[from + k] = [l[0], l[1]]));
  for (const limit of twice ? [max, 2 * max] : [max]) {
    if (relieve(units, lines, i, opt, limit, RELIEF_DEPTH)) return;
    restore();
  }
}

function relieve(units: Units, lines: Array<[number, number]>, i: number, opt: ComposeOptions, limit: number, depth: number): boolean {
  for (let moves = 0; lineStretch(units, lines[i]!, opt, i === 0) > limit; moves++) {
    if (i === 0 || depth === 0 || moves === 8) return false;
    const above = lines[i - 1]!;
    const line = lines[i]!;
    let b = line[0] - 1;
    while (b > above[0] + 1 && !(canBreakBefore(units, b) && !isSpace(units, b))) b--;
    if (b <= above[0] + 1) return false;
    above[1] = b;
    line[0] = b;
    const f = measureLine(units, b, line[1]);
    if (f.natural - f.endShrink - f.midShrink > opt.measure - (i === 0 ? opt.indent : 0) + EPS) return false;
    if (lineStretch(units, above, opt, i - 1 === 0) > limit && !relieve(units, lines, i - 1, opt, limit, depth - 1)) return false;
  }
  return true;
}

/** Width of units [s, e) set as one line, its end mark half width. */
export function naturalWidth(units: Units, s: number, e: number): number {
  const f = measureLine(units, s, e);
  return f.natural - f.endShrink;
}

/** Index in the paragraph's text where unit k starts. */
export function unitOffset(units: Units, k: number): number {
  const g = units.start[k]!;
  return units.glyphs.at ? units.glyphs.at[g]! : g;
}

/** Whether unit k is a space. */
export function isSpaceUnit(units: Units, k: number): boolean {
  return isSpace(units, k);
}

/** Whether the line is nothing but a piece kept whole (an attribution pushed to its own line). */
export function isWholePiece(units: Units, range: [number, number]): boolean {
  const s = inkStart(units, range[0], range[1]);
  return s < range[1] && (units.flags[s]! & WHOLE_START) !== 0;
}

function skipSpaces(units: Units, s: number): number {
  while (s < units.length && isSpace(units, s)) s++;
  return s;
}

/**
 * The end e > s of the longest line from s (not a space) that fits `avail` with
 * at most its end mark set half width. measureLine's sums, kept running as e
 * grows (measuring each candidate afresh made a line cost its length squared),
 * in the same order, so the same rounding.
 */
function longestFit(units: Units, s: number, avail: number): number {
  const { flags, width, length } = units;
  const limit = avail + EPS;
  let sum = width[s]! - fixedRight(units, s); // an opening mark at line start keeps its full width
  let natural = sum; // the sum up to the last unit that is not a space (spaces vanish at the line end)
  let endShrink = trimRight(units, s) - fixedRight(units, s);
  let e = s + 1;
  for (; e < length; e++) {
    const f = flags[e]!;
    if (!(f & TRIMS)) sum += width[e]!; // the same sum: the unit has no trims
    else sum += width[e]! - fixedLeft(units, e) - fixedRight(units, e);
    if (!(f & SPACE_UNIT)) {
      natural = sum;
      endShrink = f & TRIMS ? trimRight(units, e) - fixedRight(units, e) : 0;
    }
    if (!(natural - endShrink <= limit)) break;
  }
  return e;
}

function isSubstantial(units: Units, k: number): boolean {
  return !(units.flags[k]! & (SPACE_UNIT | NO_START_UNIT | TRIM_LEFT | TRIM_RIGHT));
}

/** Whether the line holds at most one character that counts (marks and spaces do not). */
export function isShort(units: Units, range: [number, number]): boolean {
  let count = 0;
  for (let k = range[0]; k < range[1]; k++) if (isSubstantial(units, k)) count++;
  return count <= 1;
}

/** A paragraph should not end with a single character: pull it back into the line above by compression, else push one more down. */
function avoidShortLastLine(units: Units, lines: Array<[number, number]>, opt: ComposeOptions): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  let count = 0;
  for (let k = last[0]; k < last[1]; k++) if (isSubstantial(units, k)) count++;
  if (count !== 1) return;
  const prev = lines[lines.length - 2]!;
  const avail = opt.measure - (lines.length === 2 ? opt.indent : 0);
  const f = measureLine(units, prev[0], last[1]);
  if (f.natural - f.endShrink - f.midShrink <= avail + EPS) {
    lines.splice(lines.length - 2, 2, [prev[0], last[1]]);
    return;
  }
  let push = prev[1] - 1;
  while (push > prev[0] + 1 && !canBreakBefore(units, push)) push--;
  if (push > prev[0] + 1) {
    prev[1] = push;
    last[0] = push;
  }
}

/** Place the units of one line: compress what must be compressed, then spread the rest of the measure evenly between units. */
export function setLine(units: Units, range: [number, number], opt: ComposeOptions, first: boolean, final: boolean): Line {
  const s = inkStart(units, range[0], range[1]);
  const e = inkEnd(units, s, range[1]);
  if (s === e) return { runs: [], width: first ? opt.indent : 0, text: '' };
  const avail = opt.measure - (first ? opt.indent : 0);
  const f = measureLine(units, s, e);
  // Trims per unit: fixed ones, then the end mark, then the others evenly, only as far as needed.
  let over = f.natural - avail;
  const endTrim = over > EPS ? Math.min(over, f.endShrink) : 0;
  over -= endTrim;
  const midRatio = over > EPS && f.midShrink > 0 ? Math.min(1, over / f.midShrink) : 0;
  over -= midRatio * f.midShrink;
  const gaps = e - s - 1;
  let spread = 0;
  if (over > EPS) spread = gaps > 0 ? -over / gaps : 0; // overfull: squeeze evenly (a last resort)
  else if (opt.justify && !final && gaps > 0) spread = (avail - (f.natural - endTrim - midRatio * f.midShrink)) / gaps;

  const { glyphs, start, flags, width } = units;
  const { advances, pieces, pieceOf } = glyphs;
  const glyphFaces = glyphs.faces;
  const tracking = opt.tracking;
  const lastGlyph = start[e]! - 1;
  // Glyphs merge into runs of one face, size and colour at an even spacing (PDF character spacing).
  //
  // A "plain" unit is one glyph without trims (an ideograph, mostly). Between two plain units the
  // spacing is, but for rounding far below the 1e-6 that decides a join, width - advance + spread:
  // the same at every such boundary of the line. So a plain unit after a plain unit joins a run whose
  // spacing was set at such a boundary without computing that spacing: only x adds up, as before, in
  // the same order. In a cold process each of those sums is a number allocated, and these units are
  // nearly every unit.
  const runs: GlyphRun[] = [];
  let run: GlyphRun | undefined; // the open run: glyphs [from, g)
  let from = 0;
  // The open run's first glyph's face and piece (a glyph with both has the run's face, size and colour), and spacing.
  let runFace: FontMetrics | undefined;
  let runPiece = -1;
  let runTracking = tracking;
  let runPlain = false; // the run's spacing was set between two plain units
  let plainBefore = false; // the previous unit is plain
  let prevInRun = false; // the previous glyph has the run's face and piece
  let prevGx = 0; // x of the previous glyph; it ends at prevGx + its advance
  let x = first ? opt.indent : 0;
  for (let k = s; k < e; k++) {
    const f = flags[k]!;
    // SAME_AS_BEFORE: a plain unit after a plain unit, its glyph in the face and piece of the glyph before
    // (so of the run); runPlain: the run's spacing is set (at its second glyph) and was set at such a boundary.
    if (f & SAME_AS_BEFORE && runPlain && prevInRun && k !== e - 1) {
      prevGx = x;
      x += width[k]!;
      x += spread;
      continue;
    }
    const g0 = start[k]!;
    const g1 = start[k + 1]!;
    const trims = f & TRIMS;
    const isLast = k === e - 1;
    // What the unit gives up at each side: a unit without trims (most) nothing, unless it ends the line.
    const left = trims ? leftTrim(units, k, k === s, midRatio) : 0;
    const right = trims ? rightTrim(units, k, isLast, endTrim, midRatio) : isLast ? endTrim : 0;
    // A trimmed opening mark moves left so its ink keeps its place against what follows.
    let gx = left === 0 ? x : x - left;
    // …… drawn as one row of dots: its halves move towards each other, the pair staying centred in its cells.
    const close = opt.ellipsisClose && g1 - g0 === 2 && glyphs.codePoints[g0] === ELLIPSIS && glyphs.codePoints[g0 + 1] === ELLIPSIS ? opt.ellipsisClose / 2 : 0;
    gx += close;
    for (let g = g0; g < g1; g++) {
      const face = glyphFaces[g]!;
      const p = pieceOf[g]!;
      const piece = pieces[p]!;
      // Glyph g continues the open run with its face, size and colour, at the run's spacing (its second glyph
      // sets it); the line's final glyph also at the grid tracking, so its box ends where the measure ends.
      const inRun = face === runFace && p === runPiece;
      let joins = run !== undefined && (inRun || sameStyle(run, face, piece));
      if (joins) {
        const spacing = gx - (prevGx + advances[g - 1]!);
        if (g - from > 1) {
          const drift = spacing - runTracking; // |drift| < 1e-6, without calling Math.abs
          joins = drift < 1e-6 && drift > -1e-6;
        }
        if (joins && g === lastGlyph) {
          const drift = spacing - tracking;
          joins = drift < 1e-6 && drift > -1e-6;
        }
        if (joins && g - from === 1) {
          run!.tracking = runTracking = spacing;
          runPlain = g === g0 && !trims && plainBefore;
        }
      }
      if (!joins) {
        if (run) run.text = textOf(glyphs, from, g);
        // Every run with a tag field (mostly undefined): one object shape for all runs.
        run = { kind: 'glyphs', face: face.id, size: piece.size, x: gx, y: 0, text: '', tracking, color: piece.color, tag: piece.tag };
        runs.push(run);
        from = g;
        runFace = face;
        runPiece = p;
        runTracking = tracking;
        runPlain = false;
      }
      prevInRun = joins ? inRun : true;
      prevGx = gx;
      if (g + 1 < g1) gx += advances[g]! + tracking - 2 * close;
    }
    x += left === 0 && right === 0 ? width[k]! : width[k]! - left - right;
    if (!isLast) x += spread;
    plainBefore = !trims && g1 - g0 === 1;
  }
  run!.text = textOf(glyphs, from, lastGlyph + 1);
  return { runs, width: x, text: textOf(glyphs, start[s]!, start[e]!) };
}

/** What unit k (which has trims) gives up at its left: an opening mark's empty half, as far as midRatio asks. */
function leftTrim(units: Units, k: number, isFirst: boolean, midRatio: number): number {
  if (isFirst) return 0; // an opening mark at line start keeps its full width
  const fixed = fixedLeft(units, k);
  return fixed + (trimLeft(units, k) - fixed) * midRatio;
}

/** What unit k (which has trims) gives up at its right: all of endTrim at the line end, else as far as midRatio asks. */
function rightTrim(units: Units, k: number, isLast: boolean, endTrim: number, midRatio: number): number {
  const fixed = fixedRight(units, k);
  return isLast ? fixed + endTrim : fixed + (trimRight(units, k) - fixed) * midRatio;
}

function sameStyle(run: GlyphRun, face: FontMetrics, piece: Piece): boolean {
  return run.face === face.id && run.size === piece.size && run.color === piece.color && run.tag === piece.tag;
}

/** The spaces between the ink of the line `range` and `next`, the start of the line after it: what the break took away. */
export function spacesAtBreak(units: Units, range: [number, number], next: number): string {
  const s = inkStart(units, range[0], range[1]);
  const e = inkEnd(units, s, range[1]);
  return e < next ? textOf(units.glyphs, units.start[e]!, units.start[next]!) : '';
}

/** The text of glyphs [from, to). */
function textOf(glyphs: Glyphs, from: number, to: number): string {
  const at = glyphs.at;
  return at ? glyphs.text.slice(at[from], at[to]) : glyphs.text.slice(from, to);
}
