// The attribution （区发改委） is printed by layout after the last paragraph.
// Writers often type it themselves too; keep one copy by taking theirs out
// of the model, and warn so they can delete it.

import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import type { ItemKind, Paragraph, SourcePlace } from './model.js';
import { positionOf, type SourceText } from './source.js';

/**
 * If the last paragraph ends with `（department）` (or ASCII parentheses),
 * removes it and warns. `lastParagraphEnd` is the offset where that
 * paragraph ends in the source, to find the attribution's own position.
 */
export function stripAttribution(
  paragraphs: Paragraph[],
  department: string,
  lastParagraphEnd: number,
  src: SourceText,
  diags: Diagnostics,
): void {
  const last = paragraphs.at(-1);
  const run = last?.inlines.at(-1);
  if (!last || !run) return;
  // Most items end with 。: no pattern to build and run for those.
  if (!/[）)]\s*$/.test(run.text)) return;
  const pattern = new RegExp(`\\s*[（(]\\s*${escapeRegExp(department)}\\s*[）)]\\s*$`);
  const match = pattern.exec(run.text);
  if (!match) return;

  // Point at the opening parenthesis in the source; fall back to the run's start
  // (e.g. if the attribution was broken across two lines).
  const found = findLast(src.text, department, run.at.offset, lastParagraphEnd);
  const opening = found > 0 ? lastOpeningParen(src.text, found) : -1;
  const start = opening >= run.at.offset ? opening : run.at.offset;
  const closing = found > 0 ? src.text.slice(found + department.length).search(/[）)]/) : -1;
  const end = closing >= 0 ? found + department.length + closing + 1 : lastParagraphEnd;
  diags.warning(src.file, src.position(start), 'item/attribution-duplicated', { department }, src.position(Math.max(end, start)));

  run.text = run.text.slice(0, match.index);
  if (run.text === '') last.inlines.pop();
  if (last.inlines.length === 0) paragraphs.pop();
}

function findLast(text: string, needle: string, from: number, to: number): number {
  const i = text.lastIndexOf(needle, to - needle.length);
  return i >= from ? i : -1;
}

/** The `（` or `(` just before `index`, skipping spaces. */
function lastOpeningParen(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === '（' || text[i] === '(' ? i : -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How to do without: said after a missing department. */
const ATTRIBUTION_OFF: Localized = { en: ', or write `attribution: false` to print no attribution', zh: '；如不署名，请写 `attribution: false`' };

/** The kind an item is, in the editor's words, for messages about it. */
export function kindWords(kind: ItemKind, lead: boolean): Localized {
  if (kind === 'brief') return { en: 'a brief', zh: '简讯' };
  return lead ? { en: 'the lead item', zh: '头条' } : { en: 'an item', zh: '稿件' };
}

/** Whether an item prints its attribution: as its front matter says; else the template's default for briefs; else yes. */
export function attributed(item: { kind: ItemKind; attribution?: boolean }, briefDefault: boolean): boolean {
  return item.attribution ?? (item.kind === 'brief' ? briefDefault : true);
}

interface Attributable {
  file: string;
  kind: ItemKind;
  attribution?: boolean;
  departmentMissing?: { at: SourcePlace; end?: SourcePlace };
}

/**
 * `department` is required where an attribution is printed. `briefDefault` undefined: the template is not
 * known yet (load stage), so a brief that does not say `attribution:` is left for the check stage.
 * `lead`: the file of the lead item (头条), named so in the message.
 */
export function reportMissingDepartments(items: readonly Attributable[], briefDefault: boolean | undefined, lead: string | undefined, diags: Diagnostics): void {
  for (const item of items) {
    if (!item.departmentMissing) continue;
    const pending = briefDefault === undefined && item.kind === 'brief' && item.attribution === undefined;
    if (pending || !attributed(item, briefDefault ?? true)) continue;
    const { at, end } = item.departmentMissing;
    const kind = kindWords(item.kind, item.file === lead);
    diags.error(item.file, positionOf(at), 'frontmatter/required', { key: 'department', kind, example: 'department: 区发改委', unless: ATTRIBUTION_OFF }, end ? positionOf(end) : undefined);
  }
}
