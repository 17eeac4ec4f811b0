import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../../src/pipeline/build.js';
import { wordGeometry } from '../../../src/render/docx/geometry.js';
import { displayLines } from '../../../src/render/docx/title-lines.js';
import { hexColor } from '../../../src/render/docx/units.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { copyExample, example } from '../../helpers/cli.js';
import { attrs, docxParts, styleNamed } from '../../helpers/docx.js';
import { landscapeJpeg, png, withOrientation, writeFiles } from '../../helpers/images.js';

const date = new Date(Date.UTC(2025, 0, 20));
const meta = { title: '政务信息 2025年第7期', author: '中共上街区委办公室', creationDate: date };

async function compiled(dir = example): Promise<Compiled> {
  const r = await compile(dir);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  return r.compiled;
}

/** A copy of the example with `edit` applied to one of its files. */
function editedExample(file: string, edit: (text: string) => string): string {
  const { folder } = copyExample();
  const p = path.join(folder, file);
  fs.writeFileSync(p, edit(fs.readFileSync(p, 'utf8')));
  return folder;
}

describe('the Word file of examples/issue-07', () => {
  let bytes: Uint8Array;
  let parts: Record<string, string>;
  let doc: string;
  let styles: string;
  beforeAll(async () => {
    bytes = await renderDocx(await compiled(), meta);
    parts = docxParts(bytes);
    doc = parts['word/document.xml']!;
    styles = parts['word/styles.xml']!;
  });

  it('is A4 with the template margins (37/35/28/26 mm) in twips', () => {
    expect(attrs(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrs(doc, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
  });

  it('has a linesAndChars document grid that gives 28 characters × 22 lines', () => {
    const grid = attrs(doc, 'w:docGrid');
    expect(grid).toEqual({ 'w:type': 'linesAndChars', 'w:linePitch': '579', 'w:charSpace': '-842' });
    const textWidth = 11906 - 1587 - 1474;
    const textHeight = 16838 - 2098 - 1984;
    // charSpace is 4096ths of a point added to the Normal style's size (16 pt, sz 32).
    const pitch = 16 + Number(grid['w:charSpace']) / 4096;
    expect(Math.floor(textWidth / 20 / pitch)).toBe(28);
    expect(Math.floor(textHeight / Number(grid['w:linePitch']))).toBe(22);
    expect(attrs(styleNamed(styles, 'Normal')!, 'w:sz')).toEqual({ 'w:val': '32' });
  });

  it('names a paragraph style for each part, with the East Asian font of its role', () => {
    const font = (name: string) => attrs(styleNamed(styles, name) ?? '', 'w:rFonts')['w:eastAsia'];
    expect(font('正文')).toBe('FandolFang R');
    expect(font('简讯')).toBeUndefined(); // inherits from 正文
    expect(styleNamed(styles, '简讯')).toContain('<w:basedOn w:val="BulletinBody"/>');
    expect(font('标题')).toBe('FandolSong');
    expect(styleNamed(styles, '标题')).toMatch(/<w:b\/>/); // FandolSong Bold is the bold face of FandolSong
    expect(font('报头')).toBe('FandolSong');
    expect(font('报尾')).toBe('FandolFang R');
    expect(font('页码')).toBe('FandolSong');
    expect(font('条目标题')).toBe('FandolHei');
    expect(styleNamed(styles, '条目标题')).not.toMatch(/<w:b\/>/); // FandolHei is the 黑体 face itself: no thickening
    expect(styleNamed(styles, '条目标题')).toContain('w:type="character"');
    expect(font('强调')).toBe('FandolKai');
  });

  it('sets 正文 justified with a 2-character first-line indent', () => {
    const body = styleNamed(styles, '正文')!;
    expect(attrs(body, 'w:jc')).toEqual({ 'w:val': 'both' });
    expect(attrs(body, 'w:ind')['w:firstLineChars']).toBe('200');
    // LibreOffice rounds firstLine up to its grid cells (15.73 pt): just under two cells of it.
    const firstLine = Number(attrs(body, 'w:ind')['w:firstLine']);
    expect(firstLine).toBeGreaterThan(20 * 15.73);
    expect(firstLine).toBeLessThan(20 * 2 * 15.73);
    expect(attrs(body, 'w:sz')).toEqual({ 'w:val': '32' });
  });

  it('prints the masthead in the red the PDF shows (CMYK 0/80/80/0 → F04338) with a red rule under the date line', () => {
    const masthead = styleNamed(styles, '报头')!;
    expect(attrs(masthead, 'w:color')).toEqual({ 'w:val': 'F04338' });
    expect(attrs(masthead, 'w:sz')).toEqual({ 'w:val': '120' });
    const rule = attrs(styleNamed(styles, '报头日期')!, 'w:bottom');
    expect(rule).toMatchObject({ 'w:val': 'single', 'w:color': 'F04338', 'w:sz': '8' });
    expect(doc).toMatch(/BulletinMasthead"\/><\/w:pPr><w:r><w:t xml:space="preserve">政务信<\/w:t>/);
    expect(doc).toContain('第7期（总第312期）');
    expect(doc).toMatch(/中共上街区委办公室<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:t xml:space="preserve">2025年1月20日/);
  });

  it('sets run-in titles in the 条目标题 character style, then a full-width space, and closes items with the attribution', () => {
    expect(doc).toContain('<w:rStyle w:val="BulletinRunInTitle"/></w:rPr><w:t xml:space="preserve">我区加大攻坚力度扎实推动省市重点项目建设</w:t></w:r><w:r><w:t xml:space="preserve">　</w:t>');
    expect(doc).toMatch(/开工率达100%。<\/w:t><\/w:r><w:r><w:t xml:space="preserve">（区发改委）<\/w:t><\/w:r><\/w:p>/);
    expect(doc).toMatch(/BulletinTitle"\/><\/w:pPr><w:r><w:t xml:space="preserve">中心路街道/);
  });

  it('starts each brief with △ in the 简讯 style', () => {
    const briefs = doc.match(/<w:p><w:pPr><w:pStyle w:val="BulletinBrief"\/>[\s\S]*?<\/w:p>/g) ?? [];
    expect(briefs).toHaveLength(2);
    for (const b of briefs) expect(b).toMatch(/<w:t xml:space="preserve">△ <\/w:t>/);
  });

  it('ends with the 报尾 in one frame at the foot of the page: thick rules above and below, thin between, in its style', () => {
    const footer = doc.match(/<w:p><w:pPr><w:pStyle w:val="BulletinFooter"\/>[\s\S]*?<\/w:p>/g)!;
    const text = footer.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''));
    expect(text).toEqual(['本期送：区县处级领导', '发：峡窝镇、各街道办事处、区直各单位负责同志', '责任编辑：柴亚文\t（共印60份）']);
    const frames = footer.map((p) => attrs(p, 'w:framePr'));
    for (const f of frames) expect(f).toEqual(frames[0]);
    expect(frames[0]).toMatchObject({ 'w:yAlign': 'bottom', 'w:vAnchor': 'margin', 'w:hAnchor': 'margin', 'w:w': '8845', 'w:wrap': 'notBeside', 'w:vSpace': '579' });
    expect(doc).not.toContain('<w:tbl>');
    expect(doc.indexOf(footer[0]!)).toBeGreaterThan(doc.indexOf('（区行政审批和政务信息管理局）'));
    const style = styleNamed(styles, '报尾')!;
    expect(attrs(style, 'w:top')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(attrs(style, 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(attrs(style, 'w:between')).toMatchObject({ 'w:val': 'single', 'w:sz': '6' });
    expect(footer.join('')).not.toContain('<w:pBdr>');
    expect(attrs(style, 'w:tab')).toMatchObject({ 'w:val': 'right' });
  });

  it('turns on Chinese line rules and punctuation compression, and off the space between Chinese and digits', () => {
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)![0];
    expect(defaults).toContain('<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing');
    expect(parts['word/settings.xml']).toContain('<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>');
  });

  it('breaks the lead title where the PDF breaks it', async () => {
    const c = await compiled();
    const lines = displayLines(c.pages);
    const at = lines.findIndex((l) => l.startsWith('中心路街道'));
    const title = /BulletinTitle"\/><\/w:pPr>([\s\S]*?)<\/w:p>/.exec(doc)![1]!;
    const pieces = title.split('<w:br/>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces).toEqual(lines.slice(at, at + pieces.length));
    expect(pieces.join('')).toBe('中心路街道探索人大代表“十联”机制办好民生实事');
  });

  it('numbers pages — N — in odd (right) and even (left) footers, 四号', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort();
    expect(refs).toEqual(['default', 'even']);
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d\.xml$/.test(n)).map(([, x]) => x);
    const sides = footers.map((f) => attrs(f, 'w:jc')['w:val']).sort();
    expect(sides).toEqual(['left', 'right']);
    for (const f of footers) {
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(f).toContain('BulletinPageNumber');
    }
    expect(attrs(styleNamed(styles, '页码')!, 'w:sz')).toEqual({ 'w:val': '28' });
  });

  it('keeps the source date in core.xml and in every zip entry', () => {
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-20T00:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dc:title>政务信息 2025年第7期</dc:title>');
    // Every local file header (PK\x03\x04) carries the DOS date 2025-01-20.
    const buf = Buffer.from(bytes);
    const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 20;
    let headers = 0;
    for (let at = buf.indexOf('PK\x03\x04'); at >= 0; at = buf.indexOf('PK\x03\x04', at + 4)) {
      expect(buf.readUInt16LE(at + 12)).toBe(dosDate);
      headers++;
    }
    expect(headers).toBe(Object.keys(parts).length);
  });
});

describe('reproducibility', () => {
  it('gives the same bytes for the same input and date, and different ones for another date', async () => {
    const c = await compiled();
    const a = await renderDocx(c, meta);
    const b = await renderDocx(c, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await renderDocx(c, { ...meta, creationDate: new Date(Date.UTC(2025, 5, 1)) });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it('embeds the role faces with keys that do not change between runs, and the fonts still read after de-obfuscation', async () => {
    const c = await compiled();
    const a = await renderDocx(c, { ...meta, embedFonts: true });
    const b = await renderDocx(c, { ...meta, embedFonts: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = unzipSync(a);
    const table = Buffer.from(files['word/fontTable.xml']!).toString('utf8');
    expect(table).toMatch(/<w:font w:name="FandolFang R">[\s\S]*?<w:embedRegular r:id="rId\d+" w:fontKey="\{[0-9A-F-]{36}\}"\/>/);
    expect(table).toMatch(/<w:font w:name="FandolSong">[\s\S]*?<w:embedRegular[^>]*\/><w:embedBold[^>]*\/>/);
    expect(table).not.toContain('Noto Serif CJK SC'); // the fallback face draws nothing in this issue
    // Undo the obfuscation with the key written in fontTable.xml: the file starts as an OpenType font again.
    const rels = Buffer.from(files['word/_rels/fontTable.xml.rels']!).toString('utf8');
    const [, id, key] = /<w:font w:name="FandolFang R">[\s\S]*?r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}"/.exec(table)!;
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
    const data = Buffer.from(files[`word/${target[1] ?? target[2]}`]!);
    const keyBytes = key!.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)).reverse();
    const head = data.subarray(0, 4).map((x, i) => x ^ keyBytes[i]!);
    expect(Buffer.from(head).toString('latin1')).toBe('OTTO');
  });
});

describe('font names for Word', () => {
  it('takes wordFonts from issue.yaml over the template and the face names', async () => {
    const dir = editedExample('issue.yaml', (t) => `${t}wordFonts:\n  body: 仿宋_GB2312\n  masthead: 方正小标宋简体\n`);
    const c = await compiled(dir);
    c.template.wordFonts = { masthead: 'FZXiaoBiaoSong-B05S', heading: '黑体' };
    const styles = docxParts(await renderDocx(c, meta))['word/styles.xml']!;
    const font = (name: string) => attrs(styleNamed(styles, name)!, 'w:rFonts')['w:eastAsia'];
    expect(font('正文')).toBe('仿宋_GB2312');
    expect(font('报头')).toBe('方正小标宋简体');
    expect(font('条目标题')).toBe('黑体');
    expect(font('强调')).toBe('FandolKai');
    expect(styleNamed(styles, '报头')).not.toMatch(/<w:b\/>/); // a named office font is not the bundled bold face
  });

  it('says w:b where the PDF thickens a regular face (a template\'s bold: true), and embeds that face as the regular one', async () => {
    const { folder } = copyExample();
    const template = path.join(folder, 'bold.yaml');
    fs.writeFileSync(template, 'extends: default\nfonts:\n  heading: { face: FandolHei-Regular.otf, bold: true }\n');
    const yaml = path.join(folder, 'issue.yaml');
    fs.writeFileSync(yaml, `template: ${template}\n${fs.readFileSync(yaml, 'utf8')}`);
    const c = await compiled(folder);
    expect(c.fonts.faces.get(c.fonts.primary('heading').id)).toMatchObject({ syntheticBold: true });
    const parts = docxParts(await renderDocx(c, { ...meta, embedFonts: true }));
    const runIn = styleNamed(parts['word/styles.xml']!, '条目标题')!;
    expect(attrs(runIn, 'w:rFonts')['w:eastAsia']).toBe('FandolHei');
    expect(runIn).toMatch(/<w:b\/>/);
    expect(parts['word/fontTable.xml']).toMatch(/<w:font w:name="FandolHei">(?:(?!<\/w:font>)[\s\S])*<w:embedRegular/);
    expect(parts['word/fontTable.xml']).not.toMatch(/<w:font w:name="FandolHei">(?:(?!<\/w:font>)[\s\S])*<w:embedBold/);
  }, 60_000);

  it('warns about a wordFonts role that does not exist', async () => {
    const dir = editedExample('issue.yaml', (t) => `${t}wordFonts:\n  boby: 仿宋_GB2312\n`);
    const r = await compile(dir);
    expect(r.diagnostics.map((d) => `${d.rule} ${d.severity} ${d.args.key} ${d.args.suggestion}`)).toEqual(['issue/unknown-key warning wordFonts: boby body']);
    expect(r.compiled).toBeDefined();
  });

  it('names the fallback face on the run of a character the role face lacks (䶮)', async () => {
    const dir = editedExample('07-tuiyi-junren.md', (t) => t.replace('段文超、张家润', '刘䶮、李喆'));
    const doc = docxParts(await renderDocx(await compiled(dir), meta))['word/document.xml']!;
    expect(doc).toContain('<w:rFonts w:ascii="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC" w:hAnsi="Noto Serif CJK SC"/></w:rPr><w:t xml:space="preserve">䶮</w:t>');
  });
});

describe('block titles (the gongzuo-jianbao template)', () => {
  it('sets 小标题 centred without the body\'s first-line indent, as the PDF does', async () => {
    const dir = editedExample('issue.yaml', (t) => `template: gongzuo-jianbao\n${t}`);
    const parts = docxParts(await renderDocx(await compiled(dir), meta));
    const title = styleNamed(parts['word/styles.xml']!, '小标题')!;
    expect(attrs(title, 'w:jc')).toEqual({ 'w:val': 'center' });
    expect(attrs(title, 'w:ind')).toEqual({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(parts['word/document.xml']).toContain('<w:pStyle w:val="BulletinItemTitle"/></w:pPr><w:r><w:t xml:space="preserve">我区加大攻坚力度扎实推动省市重点项目建设</w:t></w:r></w:p>');
  });
});

describe('hexColor', () => {
  it('gives the colour PDF viewers show for CMYK, neutral for black ink alone, and RGB as written', () => {
    expect(hexColor({ cmyk: [0, 80, 80, 0] })).toBe('F04338');
    expect(hexColor({ cmyk: [0, 0, 0, 100] })).toBe('000000');
    expect(hexColor({ cmyk: [0, 0, 0, 0] })).toBe('FFFFFF');
    expect(hexColor({ cmyk: [100, 0, 0, 0] })).toBe('00ADEF');
    expect(hexColor({ rgb: '#c00000' })).toBe('C00000');
  });
});

describe('wordGeometry', () => {
  it('rounds the pitches down so that Word never loses a character or a line', async () => {
    const { template } = await compiled();
    const g = wordGeometry({ ...template, grid: { chars: 30, lines: 24 } });
    expect(Math.floor(g.textWidth / 20 / g.cell)).toBe(30);
    expect(Math.floor(g.textHeight / g.linePitch)).toBe(24);
    expect(g.cell).toBeLessThan(g.textWidth / 20 / 30 + 1 / 4096);
  });
});

describe('figures in the Word file', () => {
  let folder: string;
  beforeAll(() => {
    folder = editedExample('02-fagaiwei.md', (t) => `${t}\n![重点项目建设现场](photos/a.jpg)\n\n![](photos/b.png)\n`);
    writeFiles(folder, { 'photos/a.jpg': landscapeJpeg(), 'photos/b.png': png(40, 80) });
  });

  it('puts each image in a centred paragraph at the PDF\'s size, the caption under it in its own style', async () => {
    const parts = docxParts(await renderDocx(await compiled(folder), meta));
    const doc = parts['word/document.xml']!;
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // 156 mm wide (36,000 EMU a mm), 4:3; the tall PNG at the template's 120 mm maximum height.
    expect(extents[0]![0]).toBeCloseTo(156 * 36000, -3);
    expect(extents[0]![1]).toBeCloseTo(117 * 36000, -3);
    expect(extents[1]![1]).toBeCloseTo(120 * 36000, -3);
    expect(extents[1]![0]).toBeCloseTo(60 * 36000, -3);
    const figure = doc.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<wp:inline[\s\S]*?<\/w:p>/)![0];
    expect(figure).toContain('<w:pStyle w:val="BulletinFigure"/>');
    const next = doc.slice(doc.indexOf(figure) + figure.length).match(/<w:p>[\s\S]*?<\/w:p>/)![0];
    expect(next).toContain('<w:pStyle w:val="BulletinCaption"/>');
    expect(next).toContain('重点项目建设现场');
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(styleNamed(parts['word/styles.xml']!, '图片')).toContain('<w:jc w:val="center"/>');
    expect(styleNamed(parts['word/styles.xml']!, '图注')).toContain('<w:keepLines/>');
  });

  it('numbers the drawings from 1 in each file, so two renders in one process give the same bytes', async () => {
    const c = await compiled(folder);
    const a = await renderDocx(c, meta);
    const b = await renderDocx(c, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect([...docxParts(a)['word/document.xml']!.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2']);
  });

  it('keeps the image bytes as they were read', async () => {
    const parts = unzipSync(await renderDocx(await compiled(folder), meta));
    const media = Object.entries(parts).filter(([p]) => p.startsWith('word/media/')).map(([, d]) => Buffer.from(d));
    expect(media.some((d) => d.equals(landscapeJpeg()))).toBe(true);
  });

  it('tells Word to turn a phone photo by its EXIF orientation (Word and LibreOffice ignore EXIF)', async () => {
    const turned = editedExample('02-fagaiwei.md', (t) => `${t}\n![手机照片](photos/phone.jpg)\n`);
    writeFiles(turned, { 'photos/phone.jpg': withOrientation(landscapeJpeg(), 6) });
    const doc = docxParts(await renderDocx(await compiled(turned), meta))['word/document.xml']!;
    // Shown 360 × 480 at 120 mm tall: the frame is the stored 480 × 360 (120 × 90 mm), turned a quarter clockwise.
    const [cx, cy] = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])])[0]!;
    expect(cx).toBeCloseTo(120 * 36000, -3);
    expect(cy).toBeCloseTo(90 * 36000, -3);
    expect(doc).toContain('<a:xfrm rot="5400000">');
  });
});

