// Chinese line composition: split a paragraph into unbreakable units, choose
// line breaks that respect the line-start and line-end rules, compress
// punctuation where that saves a push, and justify every line but the last to
// the measure. Pure: fonts come in through FaceChooser.

import type { Role } from '../template/model.js';
import { CLOSE, DIGIT, DOUBLE, JOINER, NO_END, NO_START, OPEN, PERCENT, SPACE, WORD, charClass } from './chars.js';
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

/**
 * The glyphs of a paragraph, as parallel arrays: in a cold process an object
 * per glyph (and per placed glyph) cost more than measuring it.
 */
interface Glyphs {
  pieces: Piece[];
  /** All the pieces' text; glyph g is text.slice(at[g], at[g + 1]). */
  text: string;
  at: number[];
  codePoints: number[];
  /** charClass of each glyph. */
  classes: number[];
  /** Index in `pieces` of each glyph's piece. */
  pieceOf: number[];
  /** Filled as units are made. */
  faces: FontMetrics[];
  /** Natural advance in points, without tracking. */
  advances: number[];
}

/** Glyphs that stay together on one line and get no justification space inside. */
export interface Unit {
  /** The paragraph's glyphs; the unit's are [from, to). */
  glyphs: Glyphs;
  from: number;
  to: number;
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

/** The face that draws a code point in a role, and its advance per em. */
interface Choice {
  face: FontMetrics;
  em: number;
}

/** Choices per FaceChooser and role: faceFor walks the role's fallback chain, and a bulletin repeats its characters. */
const chosen = new WeakMap<FaceChooser, Map<Role, Map<number, Choice>>>();

/** Looks choices up for one paragraph, keeping the last role's table at hand. */
class Chooser {
  private readonly roles: Map<Role, Map<number, Choice>>;
  private role: Role | undefined;
  private choices: Map<number, Choice> | undefined;

  constructor(private readonly fonts: FaceChooser) {
    let roles = chosen.get(fonts);
    if (!roles) chosen.set(fonts, (roles = new Map()));
    this.roles = roles;
  }

  choice(role: Role, cp: number): Choice {
    if (role !== this.role) {
      this.role = role;
      this.choices = this.roles.get(role);
      if (!this.choices) this.roles.set(role, (this.choices = new Map()));
    }
    let c = this.choices!.get(cp);
    if (!c) {
      const face = this.fonts.faceFor(role, cp) ?? this.fonts.primary(role);
      this.choices!.set(cp, (c = { face, em: face.advance(cp) / face.unitsPerEm }));
    }
    return c;
  }
}

/** The code points of the pieces, each piece on its own (as `for (const ch of text)` reads it: a lone surrogate stands alone). */
function readGlyphs(pieces: Piece[]): Glyphs {
  const g: Glyphs = { pieces, text: '', at: [], codePoints: [], classes: [], pieceOf: [], faces: [], advances: [] };
  let base = 0;
  for (let p = 0; p < pieces.length; p++) {
    const t = pieces[p]!.text;
    for (let i = 0; i < t.length; ) {
      let cp = t.charCodeAt(i);
      g.at.push(base + i);
      i++;
      if (cp >= 0xd800 && cp <= 0xdbff && i < t.length) {
        const low = t.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      g.codePoints.push(cp);
      g.classes.push(charClass(cp));
      g.pieceOf.push(p);
    }
    base += t.length;
  }
  g.at.push(base);
  g.text = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
  return g;
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

/** Measure glyphs [from, to) and make them a unit. `latin`: the role a word or number is set in. */
function unitOf(g: Glyphs, from: number, to: number, latin: Role | undefined, faces: Chooser, tracking: number): Unit {
  let width = 0;
  for (let k = from; k < to; k++) {
    const piece = g.pieces[g.pieceOf[k]!]!;
    const c = faces.choice(latin ? piece.latin ?? latin : piece.role, g.codePoints[k]!);
    const advance = c.em * piece.size;
    g.faces.push(c.face);
    g.advances.push(advance);
    width = width + advance + tracking;
  }
  const first = g.classes[from]!;
  const last = g.classes[to - 1]!;
  const single = to - from === 1;
  const size = g.pieces[g.pieceOf[from]!]!.size;
  const half = size / 2;
  // A mark's empty half is trimmable only when the glyph really is full width.
  const fullWidth = single && Math.abs(g.advances[from]! - size) < 0.01 * size;
  return {
    glyphs: g,
    from,
    to,
    width,
    space: single && (first & SPACE) !== 0,
    // A lone dash may not start a line (a doubled one may).
    noStart: (first & NO_START) !== 0 || (single && (first & DOUBLE) !== 0),
    noEnd: (last & NO_END) !== 0,
    trimLeft: fullWidth && first & OPEN ? half : 0,
    trimRight: fullWidth && first & CLOSE ? half : 0,
    fixedLeft: 0,
    fixedRight: 0,
  };
}

/** Split styled text into units: —— and …… pairs, Latin words, numbers with their point and percent sign, single characters. */
export function toUnits(pieces: Piece[], fonts: FaceChooser, tracking: number): Unit[] {
  const g = readGlyphs(pieces);
  const faces = new Chooser(fonts);
  const units: Unit[] = [];
  for (let i = 0; i < g.codePoints.length; ) {
    const j = unitEnd(g, i);
    // A word or number is set whole in the Latin role, its point and percent sign included.
    const latin = g.classes[i]! & WORD ? pieces[g.pieceOf[i]!]!.latin : undefined;
    units.push(unitOf(g, i, j, latin, faces, tracking));
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

  const glyphs = units[s]!.glyphs;
  const from = units[s]!.from;
  const to = units[e - 1]!.to;
  const runs = new Runs(glyphs, opt.tracking, to - 1);
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
    for (let g = u.from; g < u.to; g++) {
      runs.add(g, gx);
      gx += glyphs.advances[g]! + opt.tracking;
    }
    x += u.width - left - right;
    if (!isLast) x += spread;
  }
  return { runs: runs.done(), width: x, text: glyphs.text.slice(glyphs.at[from], glyphs.at[to]) };
}

/** A line's glyphs, placed one by one, merged into runs of one face, size and colour at an even spacing (PDF character spacing). */
class Runs {
  readonly list: GlyphRun[] = [];
  private run: GlyphRun | undefined;
  /** The run's first glyph and its glyph count. */
  private from = 0;
  private count = 0;
  /** x after the previous glyph's advance (without spacing). */
  private end = 0;

  /** `final`: the line's last glyph. */
  constructor(private readonly glyphs: Glyphs, private readonly tracking: number, private readonly final: number) {}

  add(g: number, x: number): void {
    const glyphs = this.glyphs;
    const face = glyphs.faces[g]!;
    const piece = glyphs.pieces[glyphs.pieceOf[g]!]!;
    const spacing = x - this.end;
    const run = this.run;
    const same = run && run.face === face.id && run.size === piece.size && run.color === piece.color;
    // The line's final glyph keeps the grid tracking, so its box ends where the measure ends.
    const spacingOk = !run || this.count === 1 || Math.abs(spacing - run.tracking) < 1e-6;
    const finalOk = g !== this.final || Math.abs(spacing - this.tracking) < 1e-6;
    if (run && same && spacingOk && finalOk) {
      if (this.count === 1) run.tracking = spacing;
      this.count++;
    } else {
      this.close(g);
      this.run = { kind: 'glyphs', face: face.id, size: piece.size, x, y: 0, text: '', tracking: this.tracking, color: piece.color };
      this.list.push(this.run);
      this.from = g;
      this.count = 1;
    }
    this.end = x + glyphs.advances[g]!;
  }

  done(): GlyphRun[] {
    this.close(this.from + this.count);
    return this.list;
  }

  /** The open run's text, its glyphs being [from, to). */
  private close(to: number): void {
    if (this.run) this.run.text = this.glyphs.text.slice(this.glyphs.at[this.from], this.glyphs.at[to]);
  }
}
