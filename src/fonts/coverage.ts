// Every character of the issue must be drawable by some face of its role: a
// missing one is an error at its place in the source, never an empty box. A
// character drawn by a fallback face is a note (one per role and face, listing
// the characters, at the first of them): the office should know its 仿宋 did
// not draw a name. `strict` makes those notes errors.

import { Diagnostics, positionAt } from '../diagnostics/diagnostic.js';
import type { Inline, Issue, Item, SourcePlace } from '../issue/model.js';
import type { FaceChooser, FontMetrics } from '../layout/metrics.js';
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
  return [...headerTexts(issue, t), ...issue.items.flatMap((item, i) => itemTexts(item, isLeadAt(issue, i), t)), ...templateTexts(issue, t)];
}

function isLeadAt(issue: Issue, i: number): boolean {
  return i === 0 && issue.items[0]!.kind === 'item';
}

/** What issue.yaml prints: masthead, distribution, sign-off, the issue's note. */
function headerTexts(issue: Issue, t: Template): RoleText[] {
  const out: RoleText[] = [];
  const add = (text: string, role: Role, at: SourcePlace) => out.push({ text, role, at });
  add(issue.masthead.value, t.masthead.name.font, issue.masthead.at);
  add(issue.publisher.value, t.masthead.publisher.font, issue.publisher.at);
  for (const d of issue.distribution) add(d.label + d.recipients.join(''), t.footer.font, d.at);
  if (issue.editor) add(issue.editor.value, t.footer.font, issue.editor.at);
  for (const d of issue.extraDistribution ?? []) add(d.label + d.recipients.join(''), t.footer.font, d.at);
  if (issue.classification) add(issue.classification.value, t.masthead.marking.font, issue.classification.at);
  if (issue.copyNumber) add(issue.copyNumber.value, t.masthead.marking.font, issue.copyNumber.at);
  if (issue.series) add(issue.series.value, t.masthead.series.font, issue.series.at);
  for (const e of issue.signOff ?? []) add(e.label + e.name, signOffRole(t), e.at);
  if (issue.briefMarker) add(issue.briefMarker.value, t.body.font, issue.briefMarker.at);
  if (issue.note) add(issue.note.value, t.note.font, issue.note.at);
  return out;
}

function signOffRole(t: Template): Role {
  return t.signOff.place === 'number' ? t.masthead.number.font : t.footer.font;
}

/** The roles itemTexts sets an item's text in: with the item and its lead flag, all its texts depend on. */
function itemRoles(t: Template): string {
  return JSON.stringify([t.lead.title.font, t.item.title.font, t.body.font, t.body.latin, t.note.font, t.figure.caption.font, t.table.header.font, t.table.font]);
}

/** What one item prints. */
function itemTexts(item: Item, lead: boolean, t: Template): RoleText[] {
  const out: RoleText[] = [];
  const add = (text: string, role: Role, at: SourcePlace) => out.push({ text, role, at });
  const inlineRole = (i: Inline): Role => (i.style === 'strong' ? t.item.title.font : i.style === 'emphasis' ? 'emphasis' : t.body.font);
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
  return out;
}

/** The template's own words and marks (第…期, page numbers with every digit, 责任编辑…). */
function templateTexts(issue: Issue, t: Template): RoleText[] {
  const out: RoleText[] = [];
  const add = (text: string, role: Role, at: SourcePlace) => out.push({ text, role, at });
  const tpl: SourcePlace = { file: t.file, line: 1, column: 1, offset: 0 };
  const words = (s: string) => s.replace(/\{\w+\}/g, '');
  add(words(t.masthead.number.format + t.masthead.number.total) + '0123456789', t.masthead.number.font, tpl);
  add(words(t.masthead.date.format) + '0123456789', t.masthead.publisher.font, tpl);
  add(words(t.pageNumber.format) + '0123456789', t.pageNumber.font, tpl);
  add(words(t.footer.editor + t.footer.copies) + t.footer.separator + '0123456789、', t.footer.font, tpl);
  if (issue.extraDistribution?.some((d) => !d.label)) add(t.footer.extraDistribution, t.footer.font, tpl);
  if (issue.series) add(words(t.masthead.series.format), t.masthead.series.font, tpl);
  if (issue.signOff) add(t.signOff.separator + t.signOff.gap, signOffRole(t), tpl);
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

/** A character not drawn by its role's own face: by a fallback `face`, or by none. */
export interface Uncovered {
  ch: string;
  role: Role;
  face: FontMetrics | undefined;
  primary: FontMetrics;
  at: SourcePlace;
}

/**
 * Watch mode keeps what an item's text needs beyond its roles' own faces: the same while the
 * Item object (its file's text) and `key` (lead flag and roles) are, for one set of faces.
 */
export type ItemCoverageCache = (item: Item, key: string, scan: () => Uncovered[]) => Uncovered[];

export function checkCoverage(issue: Issue, t: Template, fonts: FaceChooser, diags: Diagnostics, strict = false, cache?: ItemCoverageCache): void {
  const missing = new Set<string>();
  const fallbacks = new Map<string, { role: Role; face: string; primary: string; chars: Set<string>; file: string; at: ReturnType<typeof placeOf> }>();
  const report = (list: Uncovered[]) => {
    for (const { ch, role, face, primary, at } of list) {
      if (!face) {
        const key = `${at.file}\u0000${ch}`;
        if (missing.has(key)) continue;
        missing.add(key);
        diags.error(at.file, placeOf(issue, at, ch), 'font/missing-glyph', { char: ch, codepoint: codepoint(ch.codePointAt(0)!) });
      } else if (face.id !== primary.id) {
        const key = `${role}\u0000${face.id}`;
        let use = fallbacks.get(key);
        if (!use) fallbacks.set(key, (use = { role, face: face.id, primary: primary.id, chars: new Set(), file: at.file, at: placeOf(issue, at, ch) }));
        use.chars.add(ch);
      }
    }
  };
  report(uncovered(headerTexts(issue, t), t, fonts));
  const roles = itemRoles(t);
  issue.items.forEach((item, i) => {
    const lead = isLeadAt(issue, i);
    const scan = () => uncovered(itemTexts(item, lead, t), t, fonts);
    report(cache ? cache(item, `${lead}${roles}`, scan) : scan());
  });
  report(uncovered(templateTexts(issue, t), t, fonts));
  for (const u of fallbacks.values()) {
    const args = { role: u.role, face: faceName(u.face), primary: faceName(u.primary), count: u.chars.size, chars: [...u.chars].join('') };
    if (strict) diags.error(u.file, u.at, FALLBACK_RULE, args);
    else diags.note(u.file, u.at, FALLBACK_RULE, args);
  }
}

/** The characters of `texts` their role's own face does not draw, in order. */
function uncovered(texts: RoleText[], t: Template, fonts: FaceChooser): Uncovered[] {
  const out: Uncovered[] = [];
  for (const { text, role, at } of texts) {
    const primary = fonts.primary(role);
    // Body digits and Latin letters are set in the template's `body.latin` role.
    const latin = role === t.body.font ? t.body.latin : role;
    // By index, not for…of: every character of the issue passes here, and a string per character is garbage.
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (cp < 0x20) continue;
      const face = fonts.faceFor(isAsciiAlnum(cp) ? latin : role, cp);
      if (face !== primary) out.push({ ch: String.fromCodePoint(cp), role, face, primary, at });
    }
  }
  return out;
}
