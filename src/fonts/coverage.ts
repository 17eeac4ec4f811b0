// Every character of the issue must be drawable by some face of its role:
// a missing one is an error at its place in the source, never an empty box.

import { Diagnostics, positionAt } from '../diagnostics/diagnostic.js';
import type { Inline, Issue, SourcePlace } from '../issue/model.js';
import type { FaceChooser } from '../layout/metrics.js';
import type { Role, Template } from '../template/model.js';

function codepoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkCoverage(issue: Issue, t: Template, fonts: FaceChooser, diags: Diagnostics): void {
  const reported = new Set<string>();
  const check = (text: string, role: Role, at: SourcePlace) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Body digits and Latin letters are set in the template's `body.latin` role.
      const r = role === t.body.font && /[A-Za-z0-9]/.test(ch) ? t.body.latin : role;
      if (cp < 0x20 || fonts.faceFor(r, cp)) continue;
      const key = `${at.file}\u0000${ch}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const source = issue.sources[at.file];
      const found = source ? source.indexOf(ch, at.offset) : -1;
      const pos = found >= 0 && source ? positionAt(source, found) : at;
      diags.error(at.file, pos, 'font/missing-glyph', { char: ch, codepoint: codepoint(cp) });
    }
  };
  const inlineRole = (i: Inline): Role => (i.style === 'strong' ? t.item.title.font : i.style === 'emphasis' ? 'emphasis' : t.body.font);

  check(issue.masthead.value, t.masthead.name.font, issue.masthead.at);
  check(issue.publisher.value, t.masthead.publisher.font, issue.publisher.at);
  for (const d of issue.distribution) check(d.label + d.recipients.join(''), t.footer.font, d.at);
  if (issue.editor) check(issue.editor.value, t.footer.font, issue.editor.at);
  issue.items.forEach((item, i) => {
    const lead = i === 0 && item.kind === 'item';
    if (item.title) check(item.title.text, lead ? t.lead.title.font : t.item.title.font, item.title.at);
    check(item.department.text, t.body.font, item.department.at);
    for (const p of item.paragraphs) for (const inline of p.inlines) check(inline.text, inlineRole(inline), inline.at);
  });
}
