// What every reader of a submission (.docx, .txt, .md) gives: the source as a
// list of blocks in house Markdown, each with its place in the source. The
// guesses (title, department) and the item file are made from blocks alone.

import type { Localized } from '../diagnostics/diagnostic.js';

/** How a source counts places: paragraphs in a .docx, lines in a text file. */
export type Unit = 'paragraph' | 'line';

export type Block =
  /** `md`: the paragraph in house Markdown; `plain`: its text; `style`: a title or heading style (`Title`, `Heading 1`, `#`). */
  | { kind: 'text'; md: string; plain: string; at: number; style?: string }
  | { kind: 'table'; md: string; plain: string; at: number }
  | { kind: 'image'; at: number; bytes: Uint8Array; ext: 'png' | 'jpg' };

export interface FrontMatter {
  title?: string;
  department?: string;
  kind?: string;
  /** Every other key, carried over as it was. */
  rest: Record<string, unknown>;
}

export interface Source {
  unit: Unit;
  blocks: Block[];
  /** A .md file's own front matter. */
  front?: FrontMatter;
}

/** "paragraph 3" / "第3段", "line 3" / "第3行". */
export function where(unit: Unit, at: number): Localized {
  return unit === 'paragraph' ? { en: `paragraph ${at}`, zh: `第${at}段` } : { en: `line ${at}`, zh: `第${at}行` };
}

/** "paragraphs 1–2" / "第1–2段". */
export function whereSpan(unit: Unit, from: number, to: number): Localized {
  return unit === 'paragraph' ? { en: `paragraphs ${from}–${to}`, zh: `第${from}–${to}段` } : { en: `lines ${from}–${to}`, zh: `第${from}–${to}行` };
}

/**
 * Text as house Markdown prints it: the characters Markdown would read as
 * markup are escaped, and so is what would start a list, heading or quote.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|&~]/g, '\\$&')
    .replace(/^([#+=-])/gm, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

/** A stretch of text with one formatting: what a Word run is, after neighbours of one kind are joined. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

const EDGE = /^([\s\p{P}]*)([\s\S]*?)([\s\p{P}]*)$/u;

/**
 * Runs as house Markdown: `**bold**` and `*emphasis*`, with the punctuation and
 * spaces at a run's ends set outside its markers: CommonMark does not close
 * `**一是：**完善` (a closing `**` after punctuation must be followed by a space
 * or punctuation), so the colon goes outside, the words stay bold.
 */
export function runsToMarkdown(runs: Run[]): string {
  const joined: Run[] = [];
  for (const r of runs) {
    const last = joined.at(-1);
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else if (r.text) joined.push({ ...r });
  }
  return joined.map((r) => {
    const marker = `${r.bold ? '**' : ''}${r.italic ? '*' : ''}`;
    const [, lead = '', core = '', tail = ''] = EDGE.exec(r.text) ?? [];
    if (!marker || !core) return escapeMarkdown(r.text);
    return `${escapeMarkdown(lead)}${marker}${escapeMarkdown(core)}${[...marker].reverse().join('')}${escapeMarkdown(tail)}`;
  }).join('');
}
