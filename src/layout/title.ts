// Display titles (GB/T 9704 §7.3.1: 词意完整、排列对称). A title that fits in the
// text block less `narrower` is one line; a longer one is set in as few lines
// as fit, broken only between words (words.ts) and balanced: the widest line
// as narrow as it can be, an hourglass never, a break beside a one-character
// word only when it pays. A line break the author wrote is always a break.

import { breakWords, canBreakBefore, isSpaceUnit, naturalWidth, setLine, toUnits, unitOffset, type Line, type Units } from './compose.js';
import type { FaceChooser } from './metrics.js';
import type { Role } from '../template/model.js';
import { NO_BREAK, WEAK_BREAK, wordBreaks } from './words.js';

export interface TitleStyle {
  font: Role;
  size: number;
  color: string;
}

/** What a break beside a one-character word costs, in ems of the title: it must make the lines that much better balanced. */
const WEAK_COST = 1.5;
/**
 * How a title is shaped (template `lead.title`): every line `narrower` than the
 * text block; balanced up to `maxLines` lines, a longer title broken as a paragraph.
 */
export interface TitleShape {
  narrower: number;
  maxLines: number;
}

/** The lines of a title, the upper ones the longer where that balances as well; `measure` is the text block's width. */
export function titleLines(text: string, style: TitleStyle, measure: number, shape: TitleShape, fonts: FaceChooser): Line[] {
  const lines: Line[] = [];
  for (const part of text.split(/\r?\n/)) {
    const t = part.trim();
    if (t) lines.push(...balanced(t, style, measure, Math.max(style.size, measure - shape.narrower), shape.maxLines, fonts));
  }
  return lines;
}

function balanced(text: string, style: TitleStyle, measure: number, limit: number, maxLines: number, fonts: FaceChooser): Line[] {
  const units = toUnits([{ text, role: style.font, size: style.size, color: style.color, keep: 'words' }], fonts, 0);
  const opt = { measure, indent: 0, tracking: 0, justify: false };
  // Too long to balance (or no word boundary where one is needed): broken as a paragraph at the title measure.
  const ranges = chooseBreaks(units, text, limit, maxLines, style.size) ?? breakWords(units, { ...opt, measure: limit });
  return ranges.map((r) => setLine(units, r, opt, true, true));
}

/** Line ranges of the best balanced breaking, or undefined when the title cannot be broken within the limit. */
function chooseBreaks(units: Units, text: string, limit: number, maxLines: number, em: number): Array<[number, number]> | undefined {
  const n = units.length;
  if (naturalWidth(units, 0, n) <= limit) return [[0, n]];
  const quality = wordBreaks(text);
  const cuts: number[] = [];
  const weak: boolean[] = [];
  for (let k = 1; k < n; k++) {
    if (!canBreakBefore(units, k) || isSpaceUnit(units, k) || isSpaceUnit(units, k - 1)) continue;
    const q = quality[unitOffset(units, k)]!;
    if (q === NO_BREAK) continue;
    cuts.push(k);
    weak.push(q === WEAK_BREAK);
  }
  for (let count = 2; count <= maxLines; count++) {
    let best: { score: number; breaks: number[] } | undefined;
    const chosen: number[] = [];
    // Every way of choosing count - 1 cuts with each line within the limit (titles are short).
    const walk = (from: number, start: number) => {
      if (naturalWidth(units, start, n) > limit * (count - chosen.length)) return; // the rest cannot fit
      if (chosen.length === count - 1) {
        if (naturalWidth(units, start, n) > limit) return;
        const score = scoreOf(units, chosen, weak, cuts, n, em);
        // On a tie the later breaks win: the upper lines the longer (正梯形).
        if (!best || score <= best.score + 1e-6) best = { score, breaks: [...chosen] };
        return;
      }
      for (let c = from; c < cuts.length; c++) {
        if (naturalWidth(units, start, cuts[c]!) > limit) break;
        chosen.push(c);
        walk(c + 1, cuts[c]!);
        chosen.pop();
      }
    };
    walk(0, 0);
    if (best) {
      const at = [0, ...best.breaks.map((c) => cuts[c]!), n];
      return at.slice(0, -1).map((s, i) => [s, at[i + 1]!]);
    }
  }
  return undefined;
}

/** Lower is better: the widest line, the spread between lines, weak breaks, and no hourglass. */
function scoreOf(units: Units, chosen: number[], weak: boolean[], cuts: number[], n: number, em: number): number {
  const at = [0, ...chosen.map((c) => cuts[c]!), n];
  const widths = at.slice(0, -1).map((s, i) => naturalWidth(units, s, at[i + 1]!));
  const widest = Math.max(...widths);
  let score = widest + (widest - Math.min(...widths)) / 2;
  for (const c of chosen) if (weak[c]) score += WEAK_COST * em;
  for (let i = 1; i < widths.length - 1; i++) if (widths[i]! < widths[i - 1]! && widths[i]! < widths[i + 1]!) score += 4 * em;
  return score;
}
