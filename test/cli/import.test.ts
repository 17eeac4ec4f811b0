// `bulletin import`: a department's .docx made here by LibreOffice, a GBK .txt
// and .md files become item files; what was guessed is said with its place;
// hostile or repeated input writes nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { imageSize } from 'image-size';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, flatText, root, tmpDir } from '../helpers/cli.js';
import { png } from '../helpers/images.js';
import { libreOfficeConvert, libreOfficePdf } from '../helpers/office.js';
import { need } from '../helpers/system.js';

const fixtures = path.join(root, 'test/fixtures/import');

/** A folder as `bulletin init` makes it, without its sample item. */
function issueFolder(): string {
  const dir = path.join(tmpDir(), 'issue');
  expect(bulletin(['init', dir, '--date', '2025-01-20']).code).toBe(0);
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md')) fs.rmSync(path.join(dir, f));
  return dir;
}

/** Every file under `dir` with its bytes, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  return Object.fromEntries(files.sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

// A department-style report as LibreOffice writes it: a paragraph in the Title style, an empty paragraph, a
// bold 一是, a page break, a table, an image and the trailing attribution, in that order (paragraphs 1–8).
const FODT = (image: string) => `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="22pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="P9" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Title">我区扎实推进基层卫生服务能力提升</text:p>
<text:p text:style-name="Standard">今年以来，我区多措并举提升基层医疗卫生服务能力。</text:p>
<text:p text:style-name="Standard"/>
<text:p text:style-name="Standard"><text:span text:style-name="T1">一是</text:span>完善服务网络，新建村卫生室12个。</text:p>
<text:p text:style-name="P9">二是强化人才支撑，招聘医务人员35名。</text:p>
<table:table table:name="统计"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>镇街</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>门诊人次</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>峡窝镇</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>1200</text:p></table:table-cell></table:table-row>
</table:table>
<text:p text:style-name="Standard"><draw:frame draw:name="图片1" text:anchor-type="as-char" svg:width="4cm" svg:height="2cm"><draw:image><office:binary-data>${image}</office:binary-data></draw:image></draw:frame></text:p>
<text:p text:style-name="Standard">（区卫健委）</text:p>
</office:text></office:body></office:document>
`;

const EXPECTED_ITEM = `---
title: 我区扎实推进基层卫生服务能力提升
department: 区卫健委
---
今年以来，我区多措并举提升基层医疗卫生服务能力。

**一是**完善服务网络，新建村卫生室12个。

二是强化人才支撑，招聘医务人员35名。

| 镇街 | 门诊人次 |
| --- | --- |
| 峡窝镇 | 1200 |

![](photos/01-区卫健委-1.png)
`;

/** The words an item prints: its title, body text without Markdown, and the attribution. */
function itemWords(text: string): string {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const title = /^title: (.*)$/m.exec(front!)?.[1] ?? '';
  const department = /^department: (.*)$/m.exec(front!)![1];
  const words = body!.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/^\|[\s|-]+\|$/gm, '').replace(/[*|]/g, '');
  return flatText(`${title}\n${words}（${department}）`);
}

/** `check --json` of the folder: its errors, except those on the table lines of `item` until GFM tables are legal. */
function checkErrors(dir: string): Array<{ rule: string; line: number }> {
  const r = bulletin(['check', dir, '--json']);
  const list = JSON.parse(r.stdout) as Array<{ severity: string; rule: string; line: number; file: string }>;
  return list.filter((d) => d.severity === 'error');
}

describe('bulletin import of a .docx made by LibreOffice', () => {
  let docx: string;
  beforeAll(() => {
    const work = tmpDir();
    const fodt = path.join(work, '区卫健委报送.fodt');
    fs.writeFileSync(fodt, FODT(png(40, 20).toString('base64')));
    docx = libreOfficeConvert(fodt, 'docx');
  }, 180_000);

  it('writes the item with title, department, bold 一是, table and image, says where each guess came from, and check passes', () => {
    const dir = issueFolder();
    const r = bulletin(['import', dir, docx]);
    expect(r.code).toBe(0);
    const item = path.join(dir, '01-区卫健委.md');
    expect(r.stdout).toBe(`${item}\n`);
    const text = fs.readFileSync(item, 'utf8');
    expect(text).toBe(EXPECTED_ITEM);
    const name = path.basename(docx);
    expect(r.stderr).toContain(`${docx}:1:1: note: title from paragraph 1 (style Title): 我区扎实推进基层卫生服务能力提升 [import/title-from-style]`);
    expect(r.stderr).toContain(`${name}:8:1: note: department from the attribution at the end of paragraph 8: 区卫健委 [import/department-from-attribution]`);
    // Word cruft is dropped, never in silence.
    expect(r.stderr).toContain(`${name}:3:1: warning: 1 empty paragraph(s) dropped, the first at paragraph 3 [import/empty-paragraphs]`);
    expect(r.stderr).toContain(`${name}:4:1: warning: the page break in paragraph 4 was dropped`);

    // The image is the one in the Word file, in the photos folder.
    const photo = fs.readFileSync(path.join(dir, 'photos/01-区卫健委-1.png'));
    expect(imageSize(photo)).toMatchObject({ width: 40, height: 20, type: 'png' });

    // The same words as the Word file, as LibreOffice prints it and poppler reads it back.
    need('poppler-utils');
    const source = flatText(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', libreOfficePdf(docx), '-'], { encoding: 'utf8' }));
    expect(itemWords(text)).toBe(source);

    expect(checkErrors(dir)).toEqual([]);
  });

  it('never overwrites: a second import of the same report, or a photo already there, is an error and writes nothing', () => {
    const dir = issueFolder();
    expect(bulletin(['import', dir, docx]).code).toBe(0);
    const before = snapshot(dir);
    const again = bulletin(['import', dir, docx]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has this title and department');
    expect(again.stderr).toContain('[import/already-imported]');
    expect(again.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);

    const other = issueFolder();
    fs.mkdirSync(path.join(other, 'photos'));
    fs.writeFileSync(path.join(other, 'photos/01-区卫健委-1.png'), 'a photo of another item');
    const taken = snapshot(other);
    const r = bulletin(['import', other, docx]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: `[^`]*photos\/01-区卫健委-1\.png` already exists; import never overwrites a file.*\[import\/exists\]/);
    expect(snapshot(other)).toEqual(taken);
  });

  it('--department replaces the attribution (said so); --brief makes a brief whose first paragraph stays text', () => {
    const dir = issueFolder();
    const r = bulletin(['import', dir, docx, '--department', '区卫生健康委员会', '--brief', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已删去第8段末尾的署名（区卫健委），改印 --department 指定的 区卫生健康委员会');
    expect(r.stderr).toContain('第1段的标题（样式 Title）按普通段落保留');
    const text = fs.readFileSync(path.join(dir, '01-区卫生健康委员会.md'), 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual(['---', 'department: 区卫生健康委员会', 'kind: brief', '---']);
    expect(text).toContain('\n我区扎实推进基层卫生服务能力提升\n\n今年以来');
    expect(text).not.toContain('（区卫健委）');
  });
});

describe('bulletin import of text files', () => {
  it('reads a GBK .txt as GB18030, says so, one paragraph a line; the item passes check', () => {
    const dir = issueFolder();
    const r = bulletin(['import', dir, path.join(fixtures, 'gbk-report.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gbk-report.txt:1:1: note: read as GB18030 (GBK), since the file is not valid UTF-8');
    expect(r.stderr).toContain('gbk-report.txt:1:1: note: title from line 1 (the first short paragraph; no title style): 区城管局开展市容环境集中整治; check it');
    expect(r.stderr).toContain('gbk-report.txt:4:1: note: department from the attribution at the end of line 4: 区城管局');
    expect(fs.readFileSync(path.join(dir, '01-区城管局.md'), 'utf8')).toBe([
      '---',
      'title: 区城管局开展市容环境集中整治',
      'department: 区城管局',
      '---',
      '近期，区城管局组织开展市容环境集中整治行动，清理占道经营120处。',
      '',
      '下一步，将建立长效机制，巩固整治成效。',
      '',
    ].join('\n'));
    const check = bulletin(['check', dir]);
    expect({ code: check.code, stderr: check.stderr }).toEqual({ code: 0, stderr: 'no problems found\n' });
  });

  it('reads UTF-16 with a BOM and UTF-8 with a BOM; bytes that are neither UTF-8 nor GB18030 are an error at their line', () => {
    const dir = issueFolder();
    const text = '关于做好冬季安全生产工作的通知\n\n各单位要压实责任，*确保*安全。\n\n（区应急局）\n';
    fs.writeFileSync(path.join(dir, '_a.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(dir, '_b.txt'), `\uFEFF${text.replace('冬季', '春节')}`);
    const r = bulletin(['import', dir, path.join(dir, '_a.txt'), path.join(dir, '_b.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('_a.txt:1:1: note: read as UTF-16LE');
    expect(r.stderr).toContain('_b.txt:1:1: note: read as UTF-8 (with BOM)');
    // Markdown's characters in plain text are text: escaped.
    expect(fs.readFileSync(path.join(dir, '01-区应急局.md'), 'utf8')).toContain('各单位要压实责任，\\*确保\\*安全。\n');
    expect(fs.existsSync(path.join(dir, '02-区应急局.md'))).toBe(true);
    expect(bulletin(['check', dir]).code).toBe(0);

    const bad = path.join(dir, '_c.txt');
    fs.writeFileSync(bad, Buffer.from([...Buffer.from('标题\n正文\n'), 0x81, 0x20, 0x0a]));
    const before = snapshot(dir);
    const e = bulletin(['import', dir, bad]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/_c\.txt:3:1: error: `[^`]*_c\.txt` is neither UTF-8 nor GB18030 text \(the first byte that is neither is on line 3\).*\[import\/encoding\]/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('imports .md with and without front matter: a # heading is the title, the front matter is kept', () => {
    const dir = issueFolder();
    const work = tmpDir();
    const a = path.join(work, '_a.md');
    const b = path.join(work, '_b.md');
    fs.writeFileSync(a, '# 我区召开安全生产工作会议\n\n会议要求，**一是**压实责任，二是强化督查。\n\n（区应急局）\n');
    fs.writeFileSync(b, '---\ntitle: 我区举办消防演练\ndepartment: 区消防救援大队\norder: 5\n---\n近日，我区举办消防演练，*参演*人员200余名。\n');
    const r = bulletin(['import', dir, a, b]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('_a.md:1:1: note: title from line 1 (style #): 我区召开安全生产工作会议');
    expect(r.stderr).toContain('_a.md:5:1: note: department from the attribution at the end of line 5: 区应急局');
    expect(r.stderr).toContain('_b.md:1:1: note: title from the front matter: 我区举办消防演练');
    expect(fs.readFileSync(path.join(dir, '01-区应急局.md'), 'utf8')).toBe('---\ntitle: 我区召开安全生产工作会议\ndepartment: 区应急局\n---\n会议要求，**一是**压实责任，二是强化督查。\n');
    expect(fs.readFileSync(path.join(dir, '02-区消防救援大队.md'), 'utf8')).toBe('---\ntitle: 我区举办消防演练\ndepartment: 区消防救援大队\norder: 5\n---\n近日，我区举办消防演练，*参演*人员200余名。\n');
    expect(bulletin(['check', dir]).code).toBe(0);
  });

  it('without an attribution or a title it asks for --department / --title, and writes nothing', () => {
    const dir = issueFolder();
    const src = path.join(dir, '_a.txt');
    fs.writeFileSync(src, '今年以来，我区持续深化营商环境改革，新增市场主体3200户。\n');
    const before = snapshot(dir);
    const r = bulletin(['import', dir, src]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('_a.txt:1:1: error: no department found: the last paragraph does not end with an attribution such as （区卫健委） (line 1); give one with --department; nothing was imported [import/no-department]');
    expect(r.stderr).toContain('_a.txt:1:1: error: no title found: the first paragraph has no title style and is not a short line (line 1); give one with --title');
    expect(snapshot(dir)).toEqual(before);
    const ok = bulletin(['import', dir, src, '--department', '区市场监管局', '--title', '我区营商环境持续优化']);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '01-区市场监管局.md'), 'utf8')).toBe('---\ntitle: 我区营商环境持续优化\ndepartment: 区市场监管局\n---\n今年以来，我区持续深化营商环境改革，新增市场主体3200户。\n');
  });
});

describe('bulletin import of hostile input', () => {
  it('a .docx that is no zip, a zip without a document, a zip bomb, NUL bytes, a bad front matter, an item over 1 MiB, a folder, another type: located errors, exit 1, nothing written, and no file of a good source either', () => {
    const dir = issueFolder();
    const work = tmpDir();
    const good = path.join(work, 'good.txt');
    fs.writeFileSync(good, '标题\n\n正文。（区财政局）\n');
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ['text.docx', 'this is a text file renamed', /text\.docx:1:1: error: `[^`]*` is not a Word \.docx file \(not a zip package\); open it in Word or WPS and save it as \.docx.*\[import\/not-docx\]/],
      ['empty-zip.docx', zipSync({ 'a.txt': new Uint8Array([65]) }), /is not a Word \.docx file \(it has no word\/document\.xml\)/],
      // 129 MiB of zeros: a 130 KB file that unpacks past the 128 MiB limit.
      ['bomb.docx', zipSync({ 'word/document.xml': new Uint8Array(129 * 1024 * 1024) }, { level: 1 }), /bomb\.docx:1:1: error: `[^`]*` unpacks to more than 128 MiB .*\[import\/too-large\]/],
      ['nul.txt', Buffer.from('标\0题\n'), /nul\.txt:1:1: error: `[^`]*` holds NUL bytes .*\[import\/nul\]/],
      ['list.md', '---\n- a\n---\n正文\n', /list\.md:2:1: error: `[^`]*`: the front matter \(between the `---` lines\) is not a list of `key: value` lines.*\[import\/front-matter\]/],
      // Under 1 MiB as text, over it once every `*` is escaped.
      ['stars.txt', `标题\n\n${'*'.repeat(600_000)}（区财政局）\n`, /stars\.txt:1:1: error: the item made from `[^`]*` would be 1\.1 MiB, more than the 1 MiB an item file may have.*\[import\/item-too-large\]/],
      ['report.pdf', '%PDF-1.7', /report\.pdf:1:1: error: `[^`]*`: cannot import `\.pdf` files; import reads \.docx, \.txt and \.md.*\[import\/type\]/],
    ];
    const before = snapshot(dir);
    for (const [name, bytes, message] of cases) {
      const file = path.join(work, name);
      fs.writeFileSync(file, bytes);
      const r = bulletin(['import', dir, good, file]);
      expect({ name, code: r.code, stdout: r.stdout }).toEqual({ name, code: 1, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js|TypeError|Error:/);
      expect(snapshot(dir)).toEqual(before);
    }
    fs.mkdirSync(path.join(work, 'folder.docx'));
    const r = bulletin(['import', dir, path.join(work, 'folder.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/folder\.docx:1:1: error: cannot read `[^`]*folder\.docx`: .*folder.*\[import\/unreadable\]/);
    expect(bulletin(['import', path.join(work, 'nowhere'), good]).code).toBe(2);
  });
});
