// Items and briefs as paragraphs in the named styles: the lead's title on its
// own (in the PDF's lines), run-in titles, **strong** and *emphasis* as character styles, the
// attribution and the △ marker as plain text where the content parts put them,
// figures with their captions, tables as Word tables.

import { AlignmentType, Paragraph, Table, TextRun } from 'docx';
import { isFigure, isLead, issueNote, isTable, itemParts, type Part, type PartKind } from '../../content/printed-words.js';
import type { Issue } from '../../issue/model.js';
import type { Template } from '../../template/model.js';
import type { FaceChooser } from '../../layout/metrics.js';
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

/**
 * A 编者按 in its paragraph style (楷体), the label `编者按：` in its character style (黑体), as the PDF
 * sets them; then `space` empty body paragraphs, the PDF's blank grid lines.
 */
function noteParagraphs(note: Part[][], space: number, runs: Runs): Paragraph[] {
  const text = note.map((parts) => new Paragraph({
    style: STYLE.note,
    children: parts.flatMap((part) => runs(part.text, part.role, part.kind === 'note-label' ? { style: STYLE.noteLabel } : {})),
  }));
  return text.concat(Array.from({ length: space }, () => new Paragraph({ style: STYLE.body })));
}

/** `pdfLines`: the text lines of the PDF's pages (displayLines), where titles take their breaks from; `fonts` measure tables' columns. */
export function bodyParagraphs(issue: Issue, t: Template, runs: Runs, pdfLines: readonly string[], fonts: FaceChooser): Array<Paragraph | Table> {
  let figures = 0;
  const titleLines = titleLineFinder(pdfLines);
  const head = issueNote(issue, t);
  const opening: Array<Paragraph | Table> = head ? noteParagraphs(head, t.note.issueSpaceAfter, runs) : [];
  return opening.concat(issue.items.flatMap((item, i) => {
    const parts = itemParts(item, isLead(issue, i), t);
    const out: Array<Paragraph | Table> = [];
    if (parts.title) {
      const { text, role } = parts.title;
      const children = titleLines(text).flatMap((line, n) => [...(n ? [new TextRun({ break: 1 })] : []), ...runs(line, role)]);
      out.push(new Paragraph({ style: parts.title.display ? STYLE.title : STYLE.blockTitle, children }));
    }
    // As in the PDF: after a title of its own, else before the item's first paragraph.
    if (parts.note) out.push(...noteParagraphs(parts.note, t.note.spaceAfter, runs));
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
      // An attribution on its own (after a closing table) flush right, as the PDF sets it.
      const alone = p.length === 1 && p[0]!.kind === 'attribution';
      out.push(new Paragraph({ style, children, ...(alone ? { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } } : {}) }));
    }
    return out;
  }));
}
