// Issue 20 as the editor meets it on the command line: placeholders left by init/new stop the build
// (nothing written), a missing department is named for the kind it is about, `attribution: false`
// and the template's brief default print no attribution, the 编者按 in the Word edition.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attrs, docxParts, styleNamed } from '../helpers/docx.js';
import { bulletin, copyExample, example, flatText, pdfText, root, tmpDir } from '../helpers/cli.js';

/** A fresh issue the way an editor starts one: init --from the last issue, then new for one department. */
function freshIssue(): { folder: string; item: string } {
  const folder = path.join(tmpDir(), 'issue-08');
  expect(bulletin(['init', folder, '--from', example, '--date', '2025-01-27']).code).toBe(0);
  const r = bulletin(['new', folder, '--department', '区卫健委']);
  expect(r.code, r.stderr).toBe(0);
  return { folder, item: r.stdout.trim() };
}

describe('item/placeholder', () => {
  it('build --strict and check stop at each placeholder new wrote, at its line and column; nothing is written, the last good PDF stays', () => {
    const { folder, item } = freshIssue();
    const out = path.join(path.dirname(folder), 'issue-08.pdf');
    fs.writeFileSync(out, 'last good PDF');
    for (const args of [['build', folder, '--strict', '-o', out, '--format', 'pdf,docx'], ['check', folder]]) {
      const r = bulletin([...args, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(1);
      const name = path.basename(item);
      // title: "（请填写标题）" — inside the quotes; the body's first line
      expect(r.stderr).toMatch(new RegExp(`${name}:2:9: error: \`（请填写标题）\` is a placeholder .*replace it with the item's title \\[item/placeholder\\]`));
      expect(r.stderr).toMatch(new RegExp(`${name}:5:1: error: \`一是……。二是……。三是……。\` is a placeholder .*the item's text \\[item/placeholder\\]`));
    }
    expect(fs.readFileSync(out, 'utf8')).toBe('last good PDF');
    expect(fs.existsSync(out.replace(/\.pdf$/, '.docx'))).toBe(false);
  });

  it('once the placeholders are replaced, the same folder builds', () => {
    const { folder, item } = freshIssue();
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace('"（请填写标题）"', '我区推进基层医疗服务能力提升').replace('一是……。二是……。三是……。', '一是完善家庭医生签约服务。'));
    const out = path.join(path.dirname(folder), 'ok.pdf');
    const r = bulletin(['build', folder, '--strict', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(flatText(pdfText(out))).toContain('一是完善家庭医生签约服务。（区卫健委）');
  });

  it('a brief\'s placeholder is named in Chinese too', () => {
    const { folder } = freshIssue();
    const brief = bulletin(['new', folder, '--department', '区科技局', '--brief']).stdout.trim();
    const r = bulletin(['check', folder, '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.basename(brief)}:5:1: 错误: “近日，……。”是 \`bulletin init\` 或 \`bulletin new\` 写入的占位文字，请换成简讯正文 [item/placeholder]`);
  });
});

describe('init and new', () => {
  it('init --from gives a comment that names the previous issue the new number', () => {
    const { folder } = freshIssue();
    const yaml = fs.readFileSync(path.join(folder, 'issue.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# 第8期《政务信息》。条目按文件名顺序排列：先正文条目，后△简讯。');
    expect(yaml).not.toContain('第7期');
  });

  it('new --brief --title is wrong usage (a brief has no title): said, exit 2, no file written', () => {
    const { folder } = copyExample();
    const before = fs.readdirSync(folder).sort();
    const r = bulletin(['new', folder, '--department', '区科技局', '--brief', '--title', '我区开展培训', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a brief (--brief) has no title, so `--title 我区开展培训` cannot be used');
    expect(fs.readdirSync(folder).sort()).toEqual(before);
  });
});

describe('check --fix and the digit-adjacent commas', () => {
  it('rewrites 6.8%, and 安全,9月 (and ; before Chinese) to full width, leaves 1,200, and a second run finds nothing', () => {
    const dir = path.join(tmpDir(), 'issue');
    fs.cpSync(path.join(root, 'test/fixtures/fix-numbers/issue'), dir, { recursive: true });
    const r = bulletin(['check', dir, '--fix']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${path.join(dir, '01-tongji.md')}:5:17: fixed \`,\` → \`，\` [lint/halfwidth-punctuation]`);
    const fixed = fs.readFileSync(path.join(dir, '01-tongji.md'));
    expect(fixed.equals(fs.readFileSync(path.join(root, 'test/fixtures/fix-numbers/expected/01-tongji.md')))).toBe(true);
    expect(bulletin(['check', dir]).stderr).not.toContain('lint/halfwidth-punctuation');
  });
});

describe('attribution', () => {
  it('department: "" is an error at the value that names the kind: 简讯 for a brief, 头条 for the lead', () => {
    const { folder } = copyExample();
    const brief = path.join(folder, '07-tuiyi-junren.md');
    fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace(/department: .*/, 'department: ""'));
    const lead = path.join(folder, '01-zhongxinlu.md');
    fs.writeFileSync(lead, fs.readFileSync(lead, 'utf8').replace(/department: .*\n/, ''));
    const en = bulletin(['check', folder, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('01-zhongxinlu.md:1:1: error: `department` is required for the lead item; add it between the `---` lines, e.g. `department: 区发改委`, or write `attribution: false` to print no attribution [frontmatter/required]');
    expect(en.stderr).toContain('07-tuiyi-junren.md:2:14: error: `department` is required for a brief;');
    const zh = bulletin(['check', folder, '--lang', 'zh']);
    expect(zh.stderr).toContain('01-zhongxinlu.md:1:1: 错误: 头条必须写明 `department`');
    expect(zh.stderr).toContain('07-tuiyi-junren.md:2:14: 错误: 简讯必须写明 `department`');
  });

  it('the template\'s brief.attribution: false prints no attribution for briefs, unless one says attribution: true', () => {
    const { dir, folder } = copyExample();
    fs.writeFileSync(path.join(folder, 'house.yaml'), 'extends: default\nbrief:\n  attribution: false\n');
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'template: house.yaml\n');
    const brief = path.join(folder, '07-tuiyi-junren.md');
    fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace(/department: .*\n/, ''));
    const signed = path.join(folder, '08-xingzheng-shenpi.md');
    fs.writeFileSync(signed, fs.readFileSync(signed, 'utf8').replace('kind: brief', 'kind: brief\nattribution: true'));
    const out = path.join(dir, 'x.pdf');
    const r = bulletin(['build', folder, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const flat = flatText(pdfText(out));
    expect(flat).toContain('两位现役军人家属送上立功喜报和慰问金。△');
    expect(flat).toContain('政务服务办事员。（区行政审批和政务信息管理局）');
    // items keep theirs
    expect(flat).toContain('（区发改委）');
  });
});

describe('编者按 in the Word edition', () => {
  it('is a 编者按 paragraph (楷体) whose first run is the label in the 编者按标签 style (黑体), before the item it introduces', () => {
    const out = path.join(tmpDir(), 'notes.pdf');
    const r = bulletin(['build', path.join(root, 'test/fixtures/notes/issue'), '-o', out, '--format', 'docx']);
    expect(r.code, r.stderr).toBe(0);
    const parts = docxParts(out.replace(/\.pdf$/, '.docx'));
    const styles = parts['word/styles.xml']!;
    const font = (name: string) => attrs(styleNamed(styles, name) ?? '', 'w:rFonts')['w:eastAsia'];
    expect(font('编者按')).toBe('FandolKai');
    expect(font('编者按标签')).toBe('FandolHei');
    expect(styleNamed(styles, '编者按标签')).toContain('w:type="character"');
    const doc = parts['word/document.xml']!;
    const paragraphs = doc.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
    const text = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const notes = paragraphs.filter((p) => p.includes('<w:pStyle w:val="BulletinNote"/>'));
    expect(notes.map(text)).toEqual([
      '编者按：岁末年初，各地各部门围绕重点项目建设和民生实事，推出了一批务实管用的举措。本期集中刊发，供各单位学习借鉴。',
      '编者按：中心路街道以“十联”机制推动人大代表履职，做法具体、成效明显，现予刊发，请各镇街道结合实际参考。',
      '编者按：高新技术企业培育是创新驱动的关键一环，请各有关单位认真研究。',
    ]);
    for (const p of notes) {
      const runs = p.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
      expect(runs[0]).toContain('<w:rStyle w:val="BulletinNoteLabel"/>');
      expect(text(runs[0]!)).toBe('编者按：');
      expect(runs[1]).not.toContain('BulletinNoteLabel');
    }
    // order: the issue's note, the lead's title, its note, its text; the run-in item's note just before it
    const all = paragraphs.map(text);
    const at = (s: string) => all.findIndex((t) => t.startsWith(s));
    expect(at('编者按：岁末')).toBeLessThan(at('中心路街道探索'));
    expect(at('编者按：中心路')).toBe(at('中心路街道探索') + 1);
    expect(at('一是在部分镇')).toBe(at('编者按：中心路') + 1);
    expect(at('我区开展高新技术企业')).toBe(at('编者按：高新') + 1);
    // no attribution for the brief that says attribution: false
    expect(doc).not.toContain('（区退役军人事务局）');
  });
});
