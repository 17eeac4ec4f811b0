// Items and briefs as paragraphs in the named styles: the lead's title on its
// own (in the PDF's lines), run-in titles, **strong** and *emphasis* as character styles, the
// attribution and the △ marker as plain text where the content parts put them,
// figures with their captions, tables as Word tables.

import { Paragraph, Table, TextRun } from 'docx';
import { isFigure, isLead, isTable, itemParts, type PartKind } from '../content/parts.js';
import type { Issue } from '../issue/model.js';
import type { Template } from '../template/model.js';
import type { FaceChooser } from '../layout/metrics.js';
import { figureParagraphs } from './figure.js';
import type { Runs } from './runs.js';
import { STYLE } from './style-ids.js';
import { wordTable } from './table.js';
import { titleLineFinder } from './title-lines.js';

const CHARACTER_STYLE: Partial<Record<PartKind, string>> = {
  title: STYLE.runInTitle,
  strong: STYLE.strong,
  emphasis: STYLE.emphasis,
};

/** `pdfLines`: the text lines of the PDF's pages (displayLines), where titles take their breaks from; `fonts` measure tables' columns. */
export function bodyParagraphs(issue: Issue, t: Template, runs: Runs, pdfLines: readonly string[], fonts: FaceChooser): Array<Paragraph | Table> {
  let figures = 0;
  const titleLines = titleLineFinder(pdfLines);
  return issue.items.flatMap((item, i) => {
    const parts = itemParts(item, isLead(issue, i), t);
    const out: Array<Paragraph | Table> = [];
    if (parts.title) {
      const { text, role } = parts.title;
      const children = titleLines(text).flatMap((line, n) => [...(n ? [new TextRun({ break: 1 })] : []), ...runs(line, role)]);
      out.push(new Paragraph({ style: parts.title.display ? STYLE.title : STYLE.blockTitle, children }));
    }
    const style = item.kind === 'brief' ? STYLE.brief : STYLE.body;
    for (const p of parts.paragraphs) {
      if (isTable(p)) {
        out.push(wordTable(p, t, runs, fonts));
        continue;
      }
      if (isFigure(p)) {
        out.push(...figureParagraphs(p, t, runs, ++figures));
        continue;
      }
      const children = p.flatMap((part) => {
        const charStyle = CHARACTER_STYLE[part.kind];
        return runs(part.text, part.role, charStyle ? { style: charStyle } : {});
      });
      out.push(new Paragraph({ style, children }));
    }
    return out;
  });
}
