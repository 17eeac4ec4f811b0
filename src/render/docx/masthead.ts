// The masthead (报头) as paragraphs of exact heights: the classification and
// copy-number line when there is one, the red name, a series name (专刊) when
// there is one, 第N期, and the publisher/date line whose bottom border is the red rule.
// Heights come from the template's baselines, so the rule lies where the PDF
// draws it and the body starts after `masthead.lines` grid lines.

import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { dateLine, numberLine, seriesLine, signOffLine } from '../../content/printed-words.js';
import type { Issue } from '../../issue/model.js';
import { EM_BOX_DESCENT } from '../../layout/grid.js';
import type { Template } from '../../template/model.js';
import type { WordGeometry } from './geometry.js';
import { STYLE } from './style-ids.js';
import type { Runs } from './runs.js';
import { twips } from './units.js';


export interface MastheadMetrics {
  /** Exact line heights of the paragraphs, in twips (marking and series only when the issue has them). */
  marking?: number;
  name: number;
  series?: number;
  number: number;
  publisher: number;
  /** Gap between the publisher line and the red rule, in points (Word's border space). */
  ruleSpace: number;
  /** Space after the rule so the body starts on grid line `masthead.lines`, in twips. */
  after: number;
}

/** Which optional lines the masthead has: the classification/copy-number line above the name, a series line under it. */
export interface MastheadLines {
  marking?: boolean;
  series?: boolean;
}

export function mastheadLines(issue: Issue): MastheadLines {
  return { marking: !!(issue.classification || issue.copyNumber), series: !!issue.series };
}

export function mastheadMetrics(t: Template, g: WordGeometry, has: MastheadLines = {}): MastheadMetrics {
  const m = t.masthead;
  // A line of exact height puts the baseline the em box's descent above its bottom, as the PDF's grid does.
  // Each paragraph reaches down to its own line's bottom: its height is that bottom less the one above.
  let above = 0;
  const height = (baseline: number, size: number) => {
    const bottom = twips(baseline + EM_BOX_DESCENT * size);
    const h = bottom - above;
    above = bottom;
    return h;
  };
  const marking = has.marking ? height(m.marking.baseline, m.marking.size) : undefined;
  const name = height(m.name.baseline, m.name.size);
  const series = has.series ? height(m.series.baseline, m.series.size) : undefined;
  const number = height(has.series ? m.series.numberBaseline : m.number.baseline, m.number.size);
  const publisher = height(m.publisher.baseline, m.publisher.size);
  const used = above / 20;
  const ruleSpace = Math.max(0, Math.round(m.rule.at - m.rule.thickness / 2 - used));
  const after = m.lines * g.linePitch - twips(used + ruleSpace + m.rule.thickness);
  return {
    ...(marking !== undefined ? { marking } : {}), name, ...(series !== undefined ? { series } : {}), number, publisher, ruleSpace, after: Math.max(0, after),
  };
}

export function mastheadParagraphs(issue: Issue, t: Template, g: WordGeometry, runs: Runs): Paragraph[] {
  // Word adds letter spacing after every character, the last too: take it off
  // the last one so the name is centred on its ink, as in the PDF.
  const name = [...issue.masthead.value];
  const last = name.pop() ?? '';
  const has = mastheadLines(issue);
  // The styles hold the heights of the plain masthead; with a marking or series line every paragraph says its own.
  const m = has.marking || has.series ? mastheadMetrics(t, g, has) : undefined;
  const exact = (line: number | undefined, after = 0) => (m && line !== undefined ? { spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after } } : {});
  const tab = () => new TextRun({ children: [new Tab()] });
  const out: Paragraph[] = [];
  if (has.marking) {
    out.push(new Paragraph({
      style: STYLE.marking,
      ...exact(m!.marking),
      children: [...runs(issue.classification?.value ?? '', t.masthead.marking.font), ...(issue.copyNumber ? [tab(), ...runs(issue.copyNumber.value, t.masthead.marking.font)] : [])],
    }));
  }
  out.push(new Paragraph({
    style: STYLE.masthead,
    ...exact(m?.name),
    children: [...runs(name.join(''), t.masthead.name.font), ...runs(last, t.masthead.name.font, { characterSpacing: 0 })],
  }));
  const series = seriesLine(issue, t);
  if (series) out.push(new Paragraph({ style: STYLE.series, ...exact(m!.series), children: runs(series, t.masthead.series.font) }));
  // A sign-off on the number line: the number centred on a centre tab, the names flush right on a right tab.
  const signOff = t.signOff.place === 'number' ? signOffLine(issue, t) : undefined;
  const number = runs(numberLine(issue, t), t.masthead.number.font);
  out.push(new Paragraph({
    style: STYLE.issueNumber,
    ...exact(m?.number),
    ...(signOff
      ? {
        alignment: AlignmentType.LEFT,
        tabStops: [{ type: TabStopType.CENTER, position: Math.round(g.textWidth / 2) }, { type: TabStopType.RIGHT, position: g.textWidth }],
        children: [tab(), ...number, tab(), ...runs(signOff, t.masthead.number.font)],
      }
      : { children: number }),
  }));
  out.push(new Paragraph({
    style: STYLE.issueLine,
    ...exact(m?.publisher, m?.after),
    children: [
      ...runs(issue.publisher.value, t.masthead.publisher.font),
      tab(),
      ...runs(dateLine(issue, t), t.masthead.publisher.font),
    ],
  }));
  return out;
}
