// Every character of the issue must be drawable by some face of its role: a
// missing one is an error at its place in the source, never an empty box. A
// character drawn by a fallback face is a note (one per role and face, listing
// the characters, at the first of them): the office should know its 仿宋 did
// not draw a name. `strict` makes those notes errors.

import { Diagnostics, positionAt } from '../diagnostics/diagnostic.js';
import type { Inline, Issue, SourcePlace } from '../issue/model.js';
import type { FaceChooser } from '../layout/metrics.js';
import type { Role, Template } from '../template/model.js';
import { faceName } from './face.js';

export const FALLBACK_RULE = 'font/fallback';

/** A run of text as some role will draw it, and where it was written. */
export interface RoleText {
  text: string;
  role: Role;
  at: SourcePlace;
}

/** All the text an issue prints, by role: its own text, then the template's fixed words. */
export function issueTexts(issue: Issue, t: Template): RoleText[] {
  const out: RoleText[] = [];
  const add = (text: string, role: Role, at: SourcePlace) => out.push({ text, role, at });
  const inlineRole = (i: Inline): Role => (i.style === 'strong' ? t.item.title.font : i.style === 'emphasis' ? 'emphasis' : t.body.font);

  add(issue.masthead.value, t.masthead.name.font, issue.masthead.at);
  add(issue.publisher.value, t.masthead.publisher.font, issue.publisher.at);
  for (const d of issue.distribution) add(d.label + d.recipients.join(''), t.footer.font, d.at);
  if (issue.editor) add(issue.editor.value, t.footer.font, issue.editor.at);
  for (const d of issue.extraDistribution ?? []) add(d.label + d.recipients.join(''), t.footer.font, d.at);
  if (issue.classification) add(issue.classification.value, t.masthead.marking.font, issue.classification.at);
  if (issue.copyNumber) add(issue.copyNumber.value, t.masthead.marking.font, issue.copyNumber.at);
  if (issue.series) add(issue.series.value, t.masthead.series.font, issue.series.at);
  const signOffRole = t.signOff.place === 'number' ? t.masthead.number.font : t.footer.font;
  for (const e of issue.signOff ?? []) add(e.label + e.name, signOffRole, e.at);
  if (issue.briefMarker) add(issue.briefMarker.value, t.body.font, issue.briefMarker.at);
  if (issue.note) add(issue.note.value, t.note.font, issue.note.at);
  issue.items.forEach((item, i) => {
    const lead = i === 0 && item.kind === 'item';
    if (item.title) add(item.title.text, lead ? t.lead.title.font : t.item.title.font, item.title.at);
    if (item.department) add(item.department.text, t.body.font, item.department.at);
    if (item.note) add(item.note.text, t.note.font, item.note.at);
    for (const p of item.paragraphs) {
      for (const inline of p.inlines) add(inline.text, inlineRole(inline), inline.at);
      if (p.figure?.caption) add(p.figure.caption.text, t.figure.caption.font, p.figure.caption.at);
      // A table's header row in its own face; its cells as paragraphs, plain text in the table's face.
      p.table?.rows.forEach((row, r) => {
        for (const cell of row) for (const i of cell.inlines) add(i.text, r === 0 ? t.table.header.font : i.style === 'plain' ? t.table.font : inlineRole(i), i.at);
      });
    }
  });

  // The template's own words and marks (第…期, page numbers with every digit, 责任编辑…).
  const tpl: SourcePlace = { file: t.file, line: 1, column: 1, offset: 0 };
  const words = (s: string) => s.replace(/\{\w+\}/g, '');
  add(words(t.masthead.number.format + t.masthead.number.total) + '0123456789', t.masthead.number.font, tpl);
  add(words(t.masthead.date.format) + '0123456789', t.masthead.publisher.font, tpl);
  add(words(t.pageNumber.format) + '0123456789', t.pageNumber.font, tpl);
  add(words(t.footer.editor + t.footer.copies) + t.footer.separator + '0123456789、', t.footer.font, tpl);
  if (issue.extraDistribution?.some((d) => !d.label)) add(t.footer.extraDistribution, t.footer.font, tpl);
  if (issue.series) add(words(t.masthead.series.format), t.masthead.series.font, tpl);
  if (issue.signOff) add(t.signOff.separator + t.signOff.gap, signOffRole, tpl);
  add(t.brief.marker + t.attribution.open + t.attribution.close, t.body.font, tpl);
  add(t.item.title.separator, t.item.title.font, tpl);
  if (issue.note || issue.items.some((item) => item.note)) add(t.note.label, t.note.labelFont, tpl);
  return out;
}

function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function codepoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where `ch` first occurs at or after `at` in its source, for a message that points at it. */
function placeOf(issue: Issue, at: SourcePlace, ch: string) {
  const source = issue.sources[at.file];
  const found = source ? source.indexOf(ch, at.offset) : -1;
  return found >= 0 && source ? positionAt(source, found) : at;
}

export function checkCoverage(issue: Issue, t: Template, fonts: FaceChooser, diags: Diagnostics, strict = false): void {
  const missing = new Set<string>();
  const fallbacks = new Map<string, { role: Role; face: string; primary: string; chars: Set<string>; file: string; at: ReturnType<typeof placeOf> }>();
  for (const { text, role, at } of issueTexts(issue, t)) {
    const primary = fonts.primary(role);
    // Body digits and Latin letters are set in the template's `body.latin` role.
    const latin = role === t.body.font ? t.body.latin : role;
    // By index, not for…of: every character of the issue passes here, and a string per character is garbage.
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (cp < 0x20) continue;
      const face = fonts.faceFor(isAsciiAlnum(cp) ? latin : role, cp);
      if (face === primary) continue;
      const ch = String.fromCodePoint(cp);
      if (!face) {
        const key = `${at.file}\u0000${ch}`;
        if (missing.has(key)) continue;
        missing.add(key);
        diags.error(at.file, placeOf(issue, at, ch), 'font/missing-glyph', { char: ch, codepoint: codepoint(cp) });
      } else if (face.id !== primary.id) {
        const key = `${role}\u0000${face.id}`;
        let use = fallbacks.get(key);
        if (!use) fallbacks.set(key, (use = { role, face: face.id, primary: primary.id, chars: new Set(), file: at.file, at: placeOf(issue, at, ch) }));
        use.chars.add(ch);
      }
    }
  }
  for (const u of fallbacks.values()) {
    const args = { role: u.role, face: faceName(u.face), primary: faceName(u.primary), count: u.chars.size, chars: [...u.chars].join('') };
    if (strict) diags.error(u.file, u.at, FALLBACK_RULE, args);
    else diags.note(u.file, u.at, FALLBACK_RULE, args);
  }
}
