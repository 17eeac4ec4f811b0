// What the checks produce: warnings at exact source places, and for the
// mechanical cases a fix that `check --fix` may apply.

import { Diagnostics, type MessageArgs } from '../diagnostics/diagnostic.js';
import { lineBreakJoiner } from '../issue/line-breaks.js';
import { SourceText } from '../issue/source.js';
import type { MappedText } from './text-map.js';

/** Replace `old` at `offset` of the (LF-normalised, BOM-less) source text by `text`. */
export interface Fix {
  file: string;
  offset: number;
  length: number;
  old: string;
  text: string;
  /** Where, for the report of what was changed. */
  line: number;
  column: number;
  rule: string;
}

/** Findings shown per rule per file; the rest are counted in one note (their fixes are all kept). */
export const FINDINGS_PER_RULE = 20;

export class Findings {
  readonly diags = new Diagnostics();
  readonly fixes: Fix[] = [];
  private readonly texts = new Map<string, SourceText>();
  /** Per file and rule: how many found, and where the first one not shown is. */
  private readonly counts = new Map<string, { file: string; rule: string; count: number; firstHidden?: number }>();

  constructor(
    private readonly sources: Record<string, string>,
    /** Rule ids switched off in issue.yaml: neither reported nor fixed. */
    private readonly off: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Warns about `m.text[from, to)`. `fixes` (index in m.text → new text) are
   * kept only if every one of them is safe; a fix is never half applied.
   */
  warn(m: MappedText, from: number, to: number, rule: string, args: MessageArgs = {}, fixes?: Map<number, string>): void {
    if (this.off.has(rule)) return;
    const src = this.source(m.file);
    const start = m.offsets[from] ?? m.end;
    const end = to > from ? (m.offsets[to - 1] ?? start) + 1 : start;
    const key = `${m.file}\0${rule}`;
    const seen = this.counts.get(key) ?? { file: m.file, rule, count: 0 };
    this.counts.set(key, seen);
    if (++seen.count <= FINDINGS_PER_RULE) this.diags.warning(m.file, src.position(start), rule, args, src.position(Math.max(start, end)));
    else seen.firstHidden ??= start;
    if (!fixes || fixes.size === 0 || !m.fixable) return;
    const safe = [...fixes].every(([i, text]) => m.exact[i] && src.text[m.offsets[i]!] === m.text[i] && keepsJoins(m, src.text, i, text));
    if (!safe) return;
    for (const [i, text] of fixes) {
      const offset = m.offsets[i]!;
      const { line, column } = src.position(offset);
      this.fixes.push({ file: m.file, offset, length: 1, old: m.text[i]!, text, line, column, rule });
    }
  }

  /** One note per file and rule with more findings than are shown: "and 1,234 more like this". */
  finish(): void {
    for (const { file, rule, count, firstHidden } of this.counts.values()) {
      if (firstHidden === undefined) continue;
      this.diags.note(file, this.source(file).position(firstHidden), 'lint/more-like-this', { count: (count - FINDINGS_PER_RULE).toLocaleString('en-US'), rule });
    }
  }

  private source(file: string): SourceText {
    let src = this.texts.get(file);
    if (!src) {
      src = new SourceText(file, this.sources[file] ?? '');
      this.texts.set(file, src);
    }
    return src;
  }
}

/**
 * Replacing the character at m.text[i] must not change how an adjacent line
 * break joins (nothing between Chinese, a space between Latin words): `"` is
 * Latin but `“` is not, so `"\nabc` would lose its space if rewritten.
 */
function keepsJoins(m: MappedText, source: string, i: number, replacement: string): boolean {
  const old = m.text[i]!;
  const at = m.offsets[i]!;
  // A line break right after the character: compare with the printed character after it.
  if (/^[ \t]*\n/.test(source.slice(at + 1, at + 40))) {
    const next = printedAfterBreak(m, source, i + 1, 1);
    if (lineBreakJoiner(old, next) !== lineBreakJoiner(replacement, next)) return false;
  }
  // …and right before it.
  if (/\n[ \t]*$/.test(source.slice(Math.max(0, at - 40), at))) {
    const prev = printedAfterBreak(m, source, i - 1, -1);
    if (lineBreakJoiner(prev, old) !== lineBreakJoiner(prev, replacement)) return false;
  }
  return true;
}

/** The printed character at index j, stepping over a space that stands for the line break. */
function printedAfterBreak(m: MappedText, source: string, j: number, step: 1 | -1): string | undefined {
  const ch = m.text[j];
  if (ch === ' ' && source[m.offsets[j]!] === '\n') return m.text[j + step];
  return ch;
}
