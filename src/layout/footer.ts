// The footer (报尾), styled like GB/T 9704's 版记: thick rules above and
// below, thin rules between groups, `label：recipients` with wrapped lines
// aligned after the colon, editor left and copy count right on the last line.
// It occupies whole grid lines, so its last rule lies on the text block's bottom edge.

import { copiesLine, editorLine, footerDistribution, signOffLine } from '../content/printed-words.js';
import type { Issue } from '../issue/model.js';
import type { Template } from '../template/model.js';
import type { GlyphRun, StructTag } from './display-list.js';
import type { Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import { composeParagraph, place, setSingleLine } from './text.js';

export interface FooterLayout {
  /** Runs per grid line, x from the text block's left edge, y 0. */
  lines: GlyphRun[][];
  /** Text of each line, for tests. */
  texts: string[];
  /** Rules at grid-line boundaries: `at` 0 is the top of the first footer line. */
  rules: Array<{ at: number; thickness: number }>;
}

export function footerLayout(issue: Issue, t: Template, grid: Grid, fonts: FaceChooser): FooterLayout | undefined {
  const f = t.footer;
  const inset = f.inset * f.size;
  const measure = grid.measure - 2 * inset;
  const piece = (text: string) => ({ text, role: f.font, size: f.size, color: f.color });
  const lines: GlyphRun[][] = [];
  const texts: string[] = [];
  const rules: FooterLayout['rules'] = [];
  // In the logical structure a division: a paragraph per recipients' line and one for editor and copies.
  const footer: StructTag = { type: 'Div' };
  const tagged = (runs: GlyphRun[], tag: StructTag) => runs.map((r) => ({ ...r, tag }));

  for (const parts of footerDistribution(issue, t)) {
    rules.push({ at: lines.length, thickness: lines.length === 0 ? f.thick : f.thin });
    const paragraph: StructTag = { type: 'P', parent: footer };
    const label = setSingleLine([piece(parts.label)], fonts);
    const body = composeParagraph([piece(parts.recipients)], fonts, {
      measure: measure - label.width, indent: 0, tracking: 0, justify: true,
    });
    body.forEach((line, i) => {
      lines.push(tagged([...(i === 0 ? place(label, inset, 0) : []), ...place(line, inset + label.width, 0)], paragraph));
      texts.push((i === 0 ? label.text : '') + line.text);
    });
  }
  const editorText = editorLine(issue, t);
  const copiesText = copiesLine(issue, t);
  const editor = editorText ? setSingleLine([piece(editorText)], fonts) : undefined;
  const copies = copiesText ? setSingleLine([piece(copiesText)], fonts) : undefined;
  // The sign-off (签发/审核/校对), when the template puts it here: the last group, above 责任编辑.
  const signOffText = t.signOff.place === 'footer' ? signOffLine(issue, t) : undefined;
  if (signOffText) {
    rules.push({ at: lines.length, thickness: lines.length === 0 ? f.thick : f.thin });
    const signOff = composeParagraph([piece(signOffText)], fonts, { measure, indent: 0, tracking: 0, justify: false });
    const paragraph: StructTag = { type: 'P', parent: footer };
    for (const line of signOff) {
      lines.push(tagged(place(line, inset, 0), paragraph));
      texts.push(line.text);
    }
  }
  if (editor || copies) {
    if (!signOffText) rules.push({ at: lines.length, thickness: lines.length === 0 ? f.thick : f.thin });
    lines.push(tagged([
      ...(editor ? place(editor, inset, 0) : []),
      ...(copies ? place(copies, grid.measure - inset - copies.width, 0) : []),
    ], { type: 'P', parent: footer }));
    texts.push((editor?.text ?? '') + (copies?.text ?? ''));
  }
  if (lines.length === 0) return undefined;
  rules.push({ at: lines.length, thickness: f.thick });
  return { lines, texts, rules };
}
