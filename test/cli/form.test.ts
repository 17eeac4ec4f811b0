// The 简报 form's parts (issue 20) through the CLI: examples/fangxun-zhuankan built as PDF,
// Word and OFD and read back with independent readers (poppler, the .docx's XML, the OFD's XML),
// the preview's SVG, located errors from `check`, and 专刊 numbered on their own by `series` and `init`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/build.js';
import { renderSvgPage } from '../../src/render/svg/index.js';
import { docxParts } from '../helpers/docx.js';
import { bulletin, root, tmpDir } from '../helpers/cli.js';
import { need } from '../helpers/system.js';

const folder = path.join(root, 'examples/fangxun-zhuankan');
const epoch = { SOURCE_DATE_EPOCH: '1753315200' };

/** Each w:p of word/document.xml as its style id and its text (w:t, a w:tab as a tab). */
function docxParagraphs(xml: string): Array<{ style: string; text: string }> {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false }).parse(xml) as unknown[];
  const out: Array<{ style: string; text: string }> = [];
  type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
  const text = (nodes: Node[]): string => nodes.map((n) => {
    if ('#text' in n) return String(n['#text']);
    if ('w:tab' in n) return '\t';
    const [k] = Object.keys(n).filter((x) => x !== ':@');
    return k === 'w:pPr' || k === 'w:rPr' ? '' : text((n[k!] as Node[]) ?? []);
  }).join('');
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if ('w:p' in n) {
        const p = n['w:p'] as Node[];
        const pPr = p.find((c) => 'w:pPr' in c)?.['w:pPr'] as Node[] | undefined;
        const style = pPr?.find((c) => 'w:pStyle' in c)?.[':@']?.['@_w:val'] ?? '';
        out.push({ style, text: text(p) });
      } else {
        for (const k of Object.keys(n)) if (k !== ':@' && Array.isArray(n[k])) walk(n[k] as Node[]);
      }
    }
  };
  walk(tree as Node[]);
  return out;
}

describe('bulletin build examples/fangxun-zhuankan --format pdf,docx,ofd', () => {
  let dir: string;
  let stderr: string;
  beforeAll(() => {
    dir = tmpDir();
    const r = bulletin(['build', folder, '--format', 'pdf,docx,ofd', '-o', path.join(dir, 'fx.pdf')], { env: epoch });
    expect(r.code).toBe(0);
    stderr = r.stderr;
  });

  it('writes the three editions and no warning', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['fx.docx', 'fx.ofd', 'fx.pdf']);
    expect(stderr).not.toMatch(/warning|error/);
  });

  it('PDF page 1: 密级 left and 份号 right on the first line, then the name, the series, the number', () => {
    need('poppler-utils');
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'fx.pdf'), '-'], { encoding: 'utf8' }).split('\f');
    const lines = pages[0]!.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toMatch(/^内部资料\s+注意保存\s{10,}000126$/);
    expect(lines.slice(1, 4).map((l) => l.replace(/\s+/g, ''))).toEqual(['政务信息', '防汛专刊', '第3期']);
    // The last page: 本期增发 after 报/送/发, then the sign-off, then 责任编辑.
    const last = pages.filter((p) => p.trim()).at(-1)!.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const at = (s: string) => last.findIndex((l) => l.startsWith(s));
    expect(at('发：')).toBeGreaterThan(at('送：'));
    expect(at('本期增发：区应急管理局各科室、各防汛责任片区')).toBe(at('发：') + 1);
    expect(last[at('本期增发') + 1]).toBe('签发：王建国 审核：李红梅 校对：赵晓东');
    expect(last[at('本期增发') + 2]).toMatch(/^责任编辑：孙立新 （共印80份）$/);
    expect(pages.join('').match(/◆ /g)).toHaveLength(2);
    expect(pages.join('')).not.toContain('△');
  });

  it('bulletin verify proof-reads the PDF and the OFD clean', () => {
    for (const f of ['fx.pdf', 'fx.ofd']) {
      const r = bulletin(['verify', path.join(dir, f), '--lang', 'en']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/all \d+ checks hold/);
    }
  });

  it('PDF metadata names the series', () => {
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', path.join(dir, 'fx.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+政务信息 2025年防汛专刊第3期/);
  });

  it('Word: the same parts, as paragraphs in their own styles, in the same order', () => {
    const paragraphs = docxParagraphs(docxParts(path.join(dir, 'fx.docx'))['word/document.xml']!);
    expect(paragraphs.slice(0, 5)).toEqual([
      { style: 'BulletinMarking', text: '内部资料　注意保存\t000126' },
      { style: 'BulletinMasthead', text: '政务信息' },
      { style: 'BulletinSeries', text: '防汛专刊' },
      { style: 'BulletinIssueNumber', text: '第3期' },
      { style: 'BulletinIssueLine', text: '上街区防汛抗旱指挥部办公室\t2025年7月24日' },
    ]);
    const footer = paragraphs.filter((p) => p.style === 'BulletinFooter').map((p) => p.text);
    expect(footer).toEqual([
      '报：市防汛抗旱指挥部办公室',
      '送：区委、区人大、区政府、区政协领导',
      '发：各镇街道、区防汛抗旱指挥部各成员单位',
      '本期增发：区应急管理局各科室、各防汛责任片区',
      '签发：王建国　审核：李红梅　校对：赵晓东',
      '责任编辑：孙立新\t（共印80份）',
    ]);
    const briefs = paragraphs.filter((p) => p.style === 'BulletinBrief');
    expect(briefs).toHaveLength(2);
    for (const b of briefs) expect(b.text.startsWith('◆ ')).toBe(true);
    // The item that ends with a table signs after it, in a paragraph of its own set flush right.
    const doc = docxParts(path.join(dir, 'fx.docx'))['word/document.xml']!;
    const afterTable = doc.slice(doc.lastIndexOf('</w:tbl>')).match(/<w:p>[\s\S]*?<\/w:p>/)![0];
    expect(afterTable).toContain('（区水利局）');
    expect(afterTable).toContain('<w:jc w:val="right"/>');
    // The unattributed brief ends with its text.
    expect(briefs.at(-1)!.text.endsWith('及时做好防范应对。')).toBe(true);
    // The styles Word shows by name.
    const styles = docxParts(path.join(dir, 'fx.docx'))['word/styles.xml']!;
    expect(styles).toContain('<w:name w:val="密级份号"/>');
    expect(styles).toContain('<w:name w:val="专刊名"/>');
  });

  it('Word: the masthead paragraphs\' exact heights put the series and number on the PDF\'s baselines', async () => {
    const doc = docxParts(path.join(dir, 'fx.docx'))['word/document.xml']!;
    const heights = [...doc.matchAll(/<w:p>\s*<w:pPr>[\s\S]*?<w:spacing\b([^>]*)\/>/g)].slice(0, 5).map((m) => Number(/w:line="(\d+)"/.exec(m[1]!)![1]));
    const r = await compile(folder);
    const m = r.compiled!.template.masthead;
    const bottom = (baseline: number, size: number) => (baseline + 0.12 * size) * 20;
    // Cumulative heights: each paragraph ends where its line's em box ends.
    const sums = heights.map((_, i) => heights.slice(0, i + 1).reduce((a, b) => a + b, 0));
    expect(sums[0]).toBeCloseTo(bottom(m.marking.baseline, m.marking.size), -1);
    expect(sums[2]).toBeCloseTo(bottom(m.series.baseline, m.series.size), -1);
    expect(sums[3]).toBeCloseTo(bottom(m.series.numberBaseline, m.number.size), -1);
    expect(sums[4]).toBeCloseTo(bottom(m.publisher.baseline, m.publisher.size), -1);
  });

  it('OFD: page 1 draws the marking, copy number and series; the last page 本期增发 and the sign-off', () => {
    const parts = docxParts(path.join(dir, 'fx.ofd'));
    const codes = (page: string) => [...page.matchAll(/<ofd:TextCode[^>]*>([^<]*)</g)].map((m) => m[1]!.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))).join('|');
    const first = codes(parts['Doc_0/Pages/Page_0/Content.xml']!);
    for (const s of ['内部资料　注意保存', '000126', '防汛专刊', '第3期']) expect(first).toContain(s);
    const last = codes(parts['Doc_0/Pages/Page_1/Content.xml']!);
    for (const s of ['本期增发：', '签发：王建国', '◆ ']) expect(last).toContain(s);
  });
});

describe('the preview draws the same display list', () => {
  it('its SVG pages hold the marking, the copy number, the series, 本期增发, the sign-off and ◆', async () => {
    const r = await compile(folder);
    const c = r.compiled!;
    const svgs = c.pages.map((p) => renderSvgPage(p, { faces: c.fonts.faces, colors: c.template.colors }));
    const text = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
    expect(text(svgs[0]!)).toMatch(/内部资料　注意保存[\s\S]*000126/);
    expect(text(svgs[0]!)).toContain('防汛专刊');
    const last = text(svgs.at(-1)!);
    for (const s of ['本期增发：', '签发：王建国', '◆ ']) expect(last).toContain(s);
  });
});

describe('located errors from check', () => {
  const broken = (edit: (yaml: string) => string) => {
    const dir = tmpDir();
    const f = path.join(dir, 'fx');
    fs.cpSync(folder, f, { recursive: true });
    fs.writeFileSync(path.join(f, 'issue.yaml'), edit(fs.readFileSync(path.join(f, 'issue.yaml'), 'utf8')));
    return f;
  };

  it('a wrong copy number and a two-character marker: file:line:column, rule id, in English and Chinese', () => {
    const f = broken((y) => y.replace('copyNumber: "000126"', 'copyNumber: 1234567').replace('briefMarker: ◆', 'briefMarker: ◆◆'));
    const file = path.join(f, 'issue.yaml');
    const en = bulletin(['check', f, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${file}:8:13: error: \`copyNumber: 1234567\` is not a copy number (份号): write 1 to 6 digits`);
    expect(en.stderr).toContain('[issue/copy-number]');
    expect(en.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:15:14: error: .*one visible character.*\\[issue/brief-marker\\]`));
    const zh = bulletin(['check', f, '--lang', 'zh']);
    expect(zh.stderr).toContain(`${file}:8:13: 错误`);
    expect(zh.stderr).toContain('不是有效的份号');
  });

  it('a sign-off the template sets on the number line that does not fit there', () => {
    const f = broken((y) => `${y}template: narrow.yaml\n`);
    fs.writeFileSync(path.join(f, 'narrow.yaml'), 'extends: default\nsignOff:\n  place: number\n');
    const r = bulletin(['check', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(f, 'issue.yaml')}:14:11: error: the sign-off line does not fit beside the issue number`);
    expect(r.stderr).toContain('[layout/sign-off-too-long]');
  });

  it('a template brief marker of two characters is an error at its line', () => {
    const f = broken((y) => `${y.replace('briefMarker: ◆\n', '')}template: marker.yaml\n`);
    fs.writeFileSync(path.join(f, 'marker.yaml'), 'extends: default\nbrief:\n  marker: "◆◆ "\n');
    const r = bulletin(['check', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/marker\.yaml:3:11: error: .*`brief\.marker` must be one visible character/);
  });
});

describe('专刊 numbered on their own', () => {
  const issueYaml = (number: number, date: string, extra = '') =>
    `masthead: 政务信息\nnumber: ${number}\ndate: ${date}\npublisher: 区防汛办\n${extra}`;
  const item = '---\ntitle: 我区部署防汛工作\ndepartment: 区水利局\n---\n区水利局部署防汛工作。\n';
  const make = (dir: string, name: string, yaml: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'issue.yaml'), yaml);
    fs.writeFileSync(path.join(dir, name, '01.md'), item);
  };

  it('series: the regular issues and each named series are checked apart; a gap in one is named with its series', () => {
    const dir = tmpDir();
    make(dir, 'a', issueYaml(1, '2025-06-01'));
    make(dir, 'b', issueYaml(2, '2025-07-01'));
    make(dir, 'fx1', issueYaml(1, '2025-06-10', 'series: 防汛专刊\n'));
    make(dir, 'fx2', issueYaml(2, '2025-06-20', 'series: 防汛专刊\n'));
    make(dir, 'fx4', issueYaml(4, '2025-07-20', 'series: 防汛专刊\n'));
    make(dir, 'kh1', issueYaml(1, '2025-08-01', 'series: 抗旱专刊\n'));
    const r = bulletin(['series', dir, '--lang', 'zh']);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => /\[(series|issue)\//.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${path.join(dir, 'fx4', 'issue.yaml')}:2:9:`);
    expect(errors[0]).toContain('2025年防汛专刊第4期紧接第2期');
    expect(errors[0]).toContain('[series/number-gap]');
  });

  it('series: a 专刊 with a total number is an error at `total`', () => {
    const dir = tmpDir();
    make(dir, 'a', issueYaml(1, '2025-06-01', 'total: 40\n'));
    make(dir, 'fx1', issueYaml(1, '2025-06-10', 'series: 防汛专刊\ntotal: 41\n'));
    const r = bulletin(['series', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'fx1', 'issue.yaml')}:6:8: error:`);
    expect(r.stderr).toContain('[series/named-total]');
  });

  it('stats counts the 专刊 items with the rest; volume binds the 专刊 after the regular issues and names them', () => {
    const dir = tmpDir();
    make(dir, 'a', issueYaml(1, '2025-06-01'));
    make(dir, 'fx1', issueYaml(1, '2025-06-10', 'series: 防汛专刊\n'));
    make(dir, 'b', issueYaml(2, '2025-07-01'));
    const stats = bulletin(['stats', dir, '--csv']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/区水利局,3,0,0,3/);
    const pdf = path.join(dir, 'v.pdf');
    const r = bulletin(['volume', dir, '-o', pdf, '--lang', 'en'], { env: epoch });
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const contents = text.split('\f').find((p) => p.includes('防汛专刊第1期'))!;
    // Regular 第1期 and 第2期 first, then the 专刊, named as such.
    expect(contents.indexOf('第2期')).toBeGreaterThan(contents.indexOf('第1期'));
    expect(contents.indexOf('防汛专刊第1期')).toBeGreaterThan(contents.indexOf('第2期'));
  });

  it('init --from a 专刊 proposes the next number of that series, and keeps the series', () => {
    const dir = tmpDir();
    make(dir, 'a', issueYaml(7, '2025-06-01', 'total: 40\n'));
    make(dir, 'fx1', issueYaml(1, '2025-06-10', 'series: 防汛专刊\n'));
    make(dir, 'fx2', issueYaml(2, '2025-06-20', 'series: 防汛专刊\n'));
    const next = path.join(dir, 'fx3');
    const r = bulletin(['init', next, '--from', path.join(dir, 'fx2'), '--date', '2025-07-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
    const yaml = fs.readFileSync(path.join(next, 'issue.yaml'), 'utf8');
    expect(yaml).toMatch(/^number: 3$/m);
    expect(yaml).toMatch(/^series: 防汛专刊$/m);
    expect(yaml).not.toMatch(/^total:/m);
    // And from the regular issue, the next regular number: the 专刊 do not count.
    const regular = path.join(dir, 'b');
    expect(bulletin(['init', regular, '--from', path.join(dir, 'a'), '--date', '2025-07-01']).code).toBe(0);
    expect(fs.readFileSync(path.join(regular, 'issue.yaml'), 'utf8')).toMatch(/^number: 8$/m);
  });
});
