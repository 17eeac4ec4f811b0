// Where the PDF breaks each title set on its own: read back from the laid-out
// pages (the display list), so the Word file breaks titles exactly where the
// PDF does, whatever rule layout follows (balanced lines, breaks between
// words, the author's own breaks). Word would break them by width alone.

import type { GlyphRun, Page } from '../../layout/display-list.js';

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** The text lines of the pages in reading order: glyph runs grouped by page and baseline, left to right. */
export function displayLines(pages: readonly Page[]): string[] {
  const out: string[] = [];
  for (const page of pages) {
    const rows = new Map<number, GlyphRun[]>();
    for (const item of page.items) {
      if (item.kind !== 'glyphs') continue;
      const y = Math.round(item.y * 10);
      rows.set(y, [...(rows.get(y) ?? []), item]);
    }
    for (const y of [...rows.keys()].sort((a, b) => a - b)) {
      out.push(squeeze(rows.get(y)!.sort((a, b) => a.x - b.x).map((r) => r.text).join('')));
    }
  }
  return out;
}

/**
 * Finds each title, in order, as consecutive whole lines of `lines`: its
 * lines as the PDF sets them, or the title whole when it is not found (Word
 * then breaks it itself).
 */
export function titleLineFinder(lines: readonly string[]): (title: string) => string[] {
  let from = 0;
  return (title) => {
    const want = squeeze(title);
    for (let i = from; i < lines.length; i++) {
      const found: string[] = [];
      let have = '';
      for (let j = i; j < lines.length && lines[j] && want.startsWith(have + lines[j]); j++) {
        have += lines[j];
        found.push(lines[j]!);
        if (have === want) {
          from = j + 1;
          return found;
        }
      }
    }
    return [title];
  };
}
