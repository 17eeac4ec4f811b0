// The .docx walker on a Word file written here with the `docx` package: what
// Markdown cannot hold is kept as text where it can be, and named, at its paragraph.
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { readDocx } from '../../src/import/docx.js';

// A 1 × 1 GIF: a format a bulletin does not print.
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

async function wordFile(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: '我区推进基层治理', heading: HeadingLevel.HEADING_1 }), // 1
        new Paragraph({ children: [new TextRun({ text: '一是：', bold: true }), new TextRun('压实责任，'), new TextRun({ text: '重点', underline: {} }), new TextRun({ text: '2', superScript: true }), new TextRun('a*b_c。')] }), // 2
        new Paragraph({ children: [new TextRun('详见'), new ExternalHyperlink({ link: 'https://example.gov.cn/a', children: [new TextRun('通知')] })] }), // 3
        new Paragraph({ text: '小标题', heading: HeadingLevel.HEADING_2 }), // 4
        new Paragraph({ text: '第一项', bullet: { level: 0 } }), // 5
        new Paragraph({ text: '第二项', bullet: { level: 0 } }), // 6
        new Table({ // 7
          rows: [
            new TableRow({ children: [new TableCell({ children: [new Paragraph('合计')], columnSpan: 2 })] }),
            new TableRow({ children: [new TableCell({ children: [new Paragraph('峡窝镇'), new Paragraph('（含园区）')] }), new TableCell({ children: [new Paragraph('12|3')] })] }),
          ],
        }),
        new Paragraph({ children: [new ImageRun({ type: 'gif', data: GIF, transformation: { width: 10, height: 10 } })] }), // 8
        new Paragraph('（区民政局）'), // 9
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it('keeps text and bold, escapes Markdown, names each thing dropped at its paragraph', async () => {
    const diags = new Diagnostics();
    const source = await readDocx('in.docx', await wordFile(), diags);
    const blocks = source!.blocks.map((b) => (b.kind === 'image' ? ['image', b.at] : [b.kind, b.at, b.md, 'style' in b ? b.style : undefined]));
    expect(blocks).toEqual([
      ['text', 1, '我区推进基层治理', 'Heading 1'],
      // The colon goes outside the bold run, so that CommonMark closes it.
      ['text', 2, '**一是**：压实责任，重点2a\\*b\\_c。', undefined],
      ['text', 3, '详见通知', undefined],
      ['text', 4, '小标题', 'Heading 2'],
      ['text', 5, '第一项', undefined],
      ['text', 6, '第二项', undefined],
      ['table', 7, '| 合计 |  |\n| --- | --- |\n| 峡窝镇（含园区） | 12\\|3 |', undefined],
      ['text', 9, '（区民政局）', undefined],
    ]);
    const said = diags.list.map((d) => `${d.start.line} ${d.severity} ${d.rule}: ${formatMessage(d.rule, d.args, 'en')}`);
    expect(said).toEqual(expect.arrayContaining([
      '2 warning import/format-dropped: underlining in paragraph 2 was dropped; the text is kept',
      '2 warning import/format-dropped: superscript in paragraph 2 was dropped; the text is kept',
      '3 warning import/link: the link in paragraph 3 to `https://example.gov.cn/a` was dropped; its text is kept',
      '5 warning import/list: the list in paragraph 5 is kept as paragraphs; its numbers or bullets were dropped',
      expect.stringMatching(/^7 warning import\/table-merged: the table in paragraph 7 has merged cells/),
      '7 warning import/table-cell: a cell of the table in paragraph 7 holds several paragraphs, which a table cell cannot; they were joined into one line',
      expect.stringMatching(/^8 warning import\/image-format: the image in paragraph 8 is image\/gif, which a bulletin cannot print/),
    ]));
    expect(diags.hasErrors).toBe(false);
  });
});
