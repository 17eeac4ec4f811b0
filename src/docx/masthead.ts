// The masthead (报头) as three paragraphs of exact heights: the red name,
// 第N期, and the publisher/date line whose bottom border is the red rule.
// Heights come from the template's baselines, so the rule lies where the PDF
// draws it and the body starts after `masthead.lines` grid lines.

import { Paragraph, Tab, TextRun } from 'docx';
import { dateLine, numberLine } from '../content/parts.js';
import type { Issue } from '../issue/model.js';
import { EM_BOX_DESCENT } from '../layout/grid.js';
import type { Template } from '../template/model.js';
import type { WordGeometry } from './geometry.js';
import { STYLE } from './style-ids.js';
import type { Runs } from './runs.js';
import { twips } from './units.js';


export interface MastheadMetrics {
  /** Exact line heights of the three paragraphs, in twips. */
  name: number;
  number: number;
  publisher: number;
  /** Gap between the publisher line and the red rule, in points (Word's border space). */
  ruleSpace: number;
  /** Space after the rule so the body starts on grid line `masthead.lines`, in twips. */
  after: number;
}

export function mastheadMetrics(t: Template, g: WordGeometry): MastheadMetrics {
  const m = t.masthead;
  // A line of exact height puts the baseline the em box's descent above its bottom, as the PDF's grid does.
  const bottom = (baseline: number, size: number) => baseline + EM_BOX_DESCENT * size;
  const name = twips(bottom(m.name.baseline, m.name.size));
  const number = twips(bottom(m.number.baseline, m.number.size)) - name;
  const publisher = twips(bottom(m.publisher.baseline, m.publisher.size)) - name - number;
  const used = (name + number + publisher) / 20;
  const ruleSpace = Math.max(0, Math.round(m.rule.at - m.rule.thickness / 2 - used));
  const after = m.lines * g.linePitch - twips(used + ruleSpace + m.rule.thickness);
  return { name, number, publisher, ruleSpace, after: Math.max(0, after) };
}

export function mastheadParagraphs(issue: Issue, t: Template, runs: Runs): Paragraph[] {
  // Word adds letter spacing after every character, the last too: take it off
  // the last one so the name is centred on its ink, as in the PDF.
  const name = [...issue.masthead.value];
  const last = name.pop() ?? '';
  return [
    new Paragraph({
      style: STYLE.masthead,
      children: [...runs(name.join(''), t.masthead.name.font), ...runs(last, t.masthead.name.font, { characterSpacing: 0 })],
    }),
    new Paragraph({ style: STYLE.issueNumber, children: runs(numberLine(issue, t), t.masthead.number.font) }),
    new Paragraph({
      style: STYLE.issueLine,
      children: [
        ...runs(issue.publisher.value, t.masthead.publisher.font),
        new TextRun({ children: [new Tab()] }),
        ...runs(dateLine(issue, t), t.masthead.publisher.font),
      ],
    }),
  ];
}
