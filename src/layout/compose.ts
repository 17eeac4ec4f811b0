// Chinese line composition: split a paragraph into unbreakable units, choose
// line breaks that respect the line-start and line-end rules, compress
// punctuation where that saves a push, and justify every line but the last to
// the measure. Pure: fonts come in through FaceChooser.

import type { Role } from '../template/model.js';
import { CLOSING, DOUBLE_MARKS, NO_LINE_END, NO_LINE_START, OPENING, isNumberJoiner, isSpace, isWordChar } from './chars.js';
import type { GlyphRun } from './display-list.js';
import type { FaceChooser, FontMetrics } from './metrics.js';

/** A piece of a paragraph in one style. */
export interface Piece {
  text: string;
  role: Role;
  size: number;
  color: string;
  /** Role for digits and Latin letters, when it differs from `role`. */
  latin?: Role;
}

interface Glyph {
  ch: string;
  face: FontMetrics;
  size: number;
  color: string;
  /** Natural advance in points, without tracking. */
  advance: number;
}

/** Glyphs that stay together on one line and get no justification space inside. */
export interface Unit {
  glyphs: Glyph[];
  /** Natural width: advances plus tracking after every glyph. */
  width: number;
  space: boolean;
  noStart: boolean;
  noEnd: boolean;
  /** Half-width trims a mark allows: the empty half of its em box. */
  trimLeft: number;
  trimRight: number;
  /** Trims always applied because of a neighbouring mark (two marks take 1.5 em). */
  fixedLeft: number;
  fixedRight: number;
}

export interface ComposeOptions {
  /** Line width in points. */
  measure: number;
  /** Indent of the first line, in points. */
  indent: number;
  /** Extra space after every glyph (grid tracking), in points. */
  tracking: number;
  /** Stretch lines to the measure (all but the last); false sets every line flush left. */
  justify: boolean;
}

/** A composed line: runs with x relative to the line's left edge (indent included). */
export interface Line {
  runs: GlyphRun[];
  /** Width actually used, from the left edge to the end of the last unit. */
  width: number;
  /** The characters of the line, for tests and diagnostics. */
  text: string;
}

const EPS = 1e-6;

function glyphOf(ch: string, role: Role, size: number, color: string, fonts: FaceChooser): Glyph {
  const cp = ch.codePointAt(0)!;
  const face = fonts.faceFor(role, cp) ?? fonts.primary(role);
  return { ch, face, size, color, advance: (face.advance(cp) / face.unitsPerEm) * size };
}

function unitOf(glyphs: Glyph[], tracking: number): Unit {
  const first = glyphs[0]!.ch;
  const last = glyphs[glyphs.length - 1]!.ch;
  const single = glyphs.length === 1;
  const half = glyphs[0]!.size / 2;
  // A mark's empty half is trimmable only when the glyph really is full width.
  const fullWidth = single && Math.abs(glyphs[0]!.advance - glyphs[0]!.size) < 0.01 * glyphs[0]!.size;
  return {
    glyphs,
    width: glyphs.reduce((w, g) => w + g.advance + tracking, 0),
    space: single && isSpace(first),
    // A lone dash may not start a line (a doubled one may).
    noStart: NO_LINE_START.has(first) || (single && DOUBLE_MARKS.has(first)),
    noEnd: NO_LINE_END.has(last),
    trimLeft: fullWidth && OPENING.has(first) ? half : 0,
    trimRight: fullWidth && CLOSING.has(first) ? half : 0,
    fixedLeft: 0,
    fixedRight: 0,
  };
}

/** Split styled text into units: —— and …… pairs, Latin words, numbers with their point and percent sign, single characters. */
export function toUnits(pieces: Piece[], fonts: FaceChooser, tracking: number): Unit[] {
  const glyphs: Glyph[] = [];
  const from: Piece[] = [];
  for (const p of pieces) {
    for (const ch of p.text) {
      glyphs.push(glyphOf(ch, p.role, p.size, p.color, fonts));
      from.push(p);
    }
  }
  const units: Unit[] = [];
  for (let i = 0; i < glyphs.length; ) {
    const g = glyphs[i]!;
    let j = i + 1;
    if (DOUBLE_MARKS.has(g.ch) && glyphs[j]?.ch === g.ch) {
      j++;
    } else if (isWordChar(g.ch)) {
      for (; j < glyphs.length; j++) {
        const c = glyphs[j]!.ch;
        if (isWordChar(c)) continue;
        const prevDigit = /\p{Nd}/u.test(glyphs[j - 1]!.ch);
        const nextDigit = /\p{Nd}/u.test(glyphs[j + 1]?.ch ?? '');
        if (prevDigit && isNumberJoiner(c) && (nextDigit || /[%％‰]/.test(c))) continue;
        break;
      }
    }
    // A word or number is set whole in the Latin role, its point and percent sign included.
    const latin = isWordChar(g.ch) ? from[i]!.latin : undefined;
    const unitGlyphs = latin
      ? glyphs.slice(i, j).map((x, k) => glyphOf(x.ch, from[i + k]!.latin ?? latin, x.size, x.color, fonts))
      : glyphs.slice(i, j);
    units.push(unitOf(unitGlyphs, tracking));
    i = j;
  }
  // Two adjacent marks take 1.5 em: trim the closing one's right half, else the opening one's left half.
  for (let k = 1; k < units.length; k++) {
    const a = units[k - 1]!;
    const b = units[k]!;
    if (a.trimRight > 0 && (b.trimRight > 0 || b.trimLeft > 0)) a.fixedRight = a.trimRight;
    else if (b.trimLeft > 0 && a.trimLeft > 0) b.fixedLeft = b.trimLeft;
  }
  return units;
}

/** A break before unit i is allowed unless it would start a line with a forbidden mark or end one with an opening mark. */
function canBreakBefore(units: Unit[], i: number): boolean {
  if (i <= 0 || i >= units.length) return true;
  const before = units[i - 1]!;
  const after = units[i]!;
  if (after.noStart || before.noEnd) return false;
  return true;
}

/** Units [s, e) as one line: drop spaces at the edges. */
function trimSpaces(units: Unit[], s: number, e: number): [number, number] {
  while (s < e && units[s]!.space) s++;
  while (e > s && units[e - 1]!.space) e--;
  return [s, e];
}

interface Fit {
  natural: number;
  /** Trim available at the line end (a closing mark's half). */
  endShrink: number;
  /** Trim available from every other mark in the line. */
  midShrink: number;
}

function measureLine(units: Unit[], s0: number, e0: number): Fit {
  const [s, e] = trimSpaces(units, s0, e0);
  let natural = 0;
  let midShrink = 0;
  for (let k = s; k < e; k++) {
    const u = units[k]!;
    const left = k === s ? 0 : u.fixedLeft; // an opening mark at line start keeps its full width
    natural += u.width - left - u.fixedRight;
    // An opening mark at the line start keeps its left half, so only later units give theirs.
    if (k < e - 1) midShrink += (k === s ? 0 : u.trimLeft - left) + u.trimRight - u.fixedRight;
  }
  const last = units[e - 1];
  const endShrink = last ? last.trimRight - last.fixedRight : 0;
  if (last && last.trimLeft > 0 && s < e - 1) midShrink += last.trimLeft - last.fixedLeft;
  return { natural, endShrink, midShrink };
}

/** Choose line breaks: greedy first fit, pulling a forbidden line-start mark in by compression before pushing a character down. */
export function breakLines(units: Unit[], opt: ComposeOptions): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
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
    lines.push([s, end]);
    s = skipSpaces(units, end);
  }
  avoidShortLastLine(units, lines, opt);
  return lines;
}

function skipSpaces(units: Unit[], s: number): number {
  while (s < units.length && units[s]!.space) s++;
  return s;
}

/**
 * The end e > s of the longest line from s (not a space) that fits `avail` with
 * at most its end mark set half width. measureLine's sums, kept running as e
 * grows (measuring each candidate afresh made a line cost its length squared),
 * in the same order, so the same rounding.
 */
function longestFit(units: Unit[], s: number, avail: number): number {
  const first = units[s]!;
  let sum = first.width - first.fixedRight; // an opening mark at line start keeps its full width
  let natural = sum; // the sum up to the last unit that is not a space (spaces vanish at the line end)
  let last = first;
  let e = s + 1;
  for (; e < units.length; e++) {
    const u = units[e]!;
    sum += u.width - u.fixedLeft - u.fixedRight;
    if (!u.space) {
      natural = sum;
      last = u;
    }
    if (!(natural - (last.trimRight - last.fixedRight) <= avail + EPS)) break;
  }
  return e;
}

function isSubstantial(u: Unit): boolean {
  return !u.space && !u.noStart && !(u.trimLeft > 0) && !(u.trimRight > 0);
}

/** A paragraph should not end with a single character: pull it back into the line above by compression, else push one more down. */
function avoidShortLastLine(units: Unit[], lines: Array<[number, number]>, opt: ComposeOptions): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  let count = 0;
  for (let k = last[0]; k < last[1]; k++) if (isSubstantial(units[k]!)) count++;
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
export function setLine(units: Unit[], range: [number, number], opt: ComposeOptions, first: boolean, final: boolean): Line {
  const [s, e] = trimSpaces(units, range[0], range[1]);
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

  const placed: Array<{ g: Glyph; x: number }> = [];
  let x = first ? opt.indent : 0;
  for (let k = s; k < e; k++) {
    const u = units[k]!;
    const isFirst = k === s;
    const isLast = k === e - 1;
    let left = isFirst ? 0 : u.fixedLeft;
    let right = u.fixedRight;
    if (!isFirst) left += (u.trimLeft - left) * midRatio;
    if (isLast) right += endTrim;
    else right += (u.trimRight - right) * midRatio;
    // A trimmed opening mark moves left so its ink keeps its place against what follows.
    let gx = x - left;
    for (const g of u.glyphs) {
      placed.push({ g, x: gx });
      gx += g.advance + opt.tracking;
    }
    x += u.width - left - right;
    if (!isLast) x += spread;
  }
  return { runs: toRuns(placed, opt.tracking), width: x, text: placed.map((p) => p.g.ch).join('') };
}

/** Merge placed glyphs into runs of one face, size and colour at an even spacing (PDF character spacing). */
function toRuns(placed: Array<{ g: Glyph; x: number }>, tracking: number): GlyphRun[] {
  const runs: GlyphRun[] = [];
  let run: GlyphRun | undefined;
  let count = 0;
  let end = 0; // x after the previous glyph's advance (without spacing)
  placed.forEach(({ g, x }, i) => {
    const spacing = x - end;
    const final = i === placed.length - 1;
    const same = run && run.face === g.face.id && run.size === g.size && run.color === g.color;
    // The line's final glyph keeps the grid tracking, so its box ends where the measure ends.
    const spacingOk = !run || count === 1 || Math.abs(spacing - run!.tracking) < 1e-6;
    const finalOk = !final || Math.abs(spacing - tracking) < 1e-6;
    const fits = same && spacingOk && finalOk;
    if (run && fits) {
      if (count === 1) run.tracking = spacing;
      run.text += g.ch;
      count++;
    } else {
      run = { kind: 'glyphs', face: g.face.id, size: g.size, x, y: 0, text: g.ch, tracking, color: g.color };
      runs.push(run);
      count = 1;
    }
    end = x + g.advance;
  });
  return runs;
}
