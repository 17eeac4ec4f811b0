// The guesses of `import` on Word files written here: a title typed as two
// paragraphs in the title style, and an attribution at the end of the last paragraph.
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/report/catalogue.js';
import { importFiles } from '../../src/import/index.js';
import { tmpDir } from '../helpers/cli.js';

async function wordFile(dir: string, paragraphs: Paragraph[]): Promise<string> {
  const file = path.join(dir, 'in.docx');
  fs.writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
  return file;
}

describe('import guesses', () => {
  it('joins a title set as two paragraphs in one style, and takes the attribution off the end of the last paragraph', async () => {
    const work = tmpDir();
    const dir = path.join(work, 'issue');
    fs.mkdirSync(dir);
    const file = await wordFile(work, [
      new Paragraph({ text: '我区多措并举', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '推动民营经济高质量发展', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('今年以来，全区新增市场主体3200户。'), new TextRun({ text: '（区工商联）', bold: true })] }),
    ]);
    const r = await importFiles(dir, [file], {});
    const said = r.diagnostics.map((d) => `${d.start.line} ${d.rule}: ${formatMessage(d.rule, d.args, 'zh')}`);
    expect(said).toContain('1 import/title-from-style: 标题取自第1–2段（样式 Heading 1）：我区多措并举推动民营经济高质量发展');
    expect(said).toContain('3 import/department-from-attribution: 供稿单位取自第3段末尾的署名：区工商联');
    expect(r.written).toEqual([path.join(dir, '01-区工商联.md')]);
    expect(fs.readFileSync(r.written[0]!, 'utf8')).toBe('---\ntitle: 我区多措并举推动民营经济高质量发展\ndepartment: 区工商联\n---\n今年以来，全区新增市场主体3200户。\n');
  });
});
