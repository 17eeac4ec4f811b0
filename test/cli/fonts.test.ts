import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bulletin, copyExample, example, flatText, pdfFonts, pdfText, root, tmpDir } from '../helpers/cli.js';
import { requireDebianFonts, WQY } from '../helpers/fonts.js';

const epoch = { SOURCE_DATE_EPOCH: '1737331200' };
const tongyong = fs.readFileSync(path.join(root, 'data/tongyong-8105.txt'), 'utf8').split('\n').filter(Boolean);

/** The example issue with `fonts:` lines appended to its issue.yaml. */
function issueWithFonts(yaml: string): string {
  const { folder } = copyExample();
  fs.appendFileSync(path.join(folder, 'issue.yaml'), yaml);
  return folder;
}

describe('bulletin fonts', () => {
  it('lists each role with its face, file, version and licence, and the coverage of the issue, GB2312 and the 8,105', () => {
    const r = bulletin(['fonts', example]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^body\s+FandolFang-Regular → NotoSerifCJKsc-Regular$/m);
    expect(r.stdout).toMatch(/^NotoSerifCJKsc-Regular\s+fonts\/NotoSerifCJKsc-Regular\.otf \(bundled\)\s+2\.001\s+\S*OFL/m);
    expect(r.stdout).toMatch(/^GB2312 \(6763\)\s+body\s+6763\/6763 100\.0%/m);
    expect(r.stdout).toMatch(/^通用规范汉字 \(8105\)\s+body\s+6638\/8105 81\.9%\s+8105\/8105 100\.0%\s+0$/m);
    expect(r.stdout).toMatch(/^issue text \(\d+\)\s+body\s+(\d+)\/\1 100\.0%/m);
  });

  it('without DIR, reports the default template and no issue text', () => {
    const r = bulletin(['fonts', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.template).toBe('default');
    expect(report.coverage.map((c: { set: string }) => c.set)).toEqual(['gb2312', 'tongyong8105']);
  });

  it('--json gives the same report as data: fallback characters by face, and missing ones', () => {
    const folder = copyExample().folder;
    const item = path.join(folder, '07-tuiyi-junren.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace('段文超', '李喆\uE5E5'));
    const r = bulletin(['fonts', folder, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const issueBody = report.coverage.find((c: { set: string }) => c.set === 'issue').roles.find((x: { role: string }) => x.role === 'body');
    expect(issueBody.fallback).toEqual({ 'NotoSerifCJKsc-Regular': '喆' });
    expect(issueBody.missing).toBe('\uE5E5');
    const tg = report.coverage.find((c: { set: string }) => c.set === 'tongyong8105').roles.find((x: { role: string }) => x.role === 'body');
    expect([...tg.fallback['NotoSerifCJKsc-Regular']]).toHaveLength(1467);
    expect(report.faces.find((f: { id: string }) => f.id === 'FandolFang-Regular')).toMatchObject({ bundled: true, version: '1.300', copyright: expect.stringContaining('Fandol') });
    expect(report.index).toBeUndefined();
  });

  it('an unknown font is an error at its issue.yaml line, exit 1', () => {
    const folder = issueWithFonts('fonts:\n  body: C:/Windows/Fonts/simfang.ttf\n');
    const line = fs.readFileSync(path.join(folder, 'issue.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('simfang')) + 1;
    const r = bulletin(['fonts', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(folder, 'issue.yaml')}:${line}:9: error: font file \`C:/Windows/Fonts/simfang.ttf\` does not exist [font/no-such-file]`);
  });

  describe('installed fonts by name, with the index cached on disk', () => {
    beforeEach(requireDebianFonts);

    it('the second run reads no font file: every name comes from the cache', () => {
      const folder = issueWithFonts('fonts:\n  body: WenQuanYi Zen Hei\n  heading: AR PL UMing CN\n');
      const env = { BULLETIN_CACHE_DIR: tmpDir() };
      const first = JSON.parse(bulletin(['fonts', folder, '--json'], { env }).stdout);
      expect(first.index.parsed).toBeGreaterThanOrEqual(2);
      // An installed face's id is its PostScript name @ a hash of its file's path.
      expect(first.faces.map((f: { id: string }) => f.id.replace(/@[0-9a-f]{8}$/, ''))).toEqual(expect.arrayContaining(['WenQuanYiZenHei', 'UMingCN']));
      const second = JSON.parse(bulletin(['fonts', folder, '--json'], { env }).stdout);
      expect(second.index).toMatchObject({ parsed: 0, listed: 0, files: first.index.files });
      expect(second.roles).toEqual(first.roles);
    });

    it('a font added to a BULLETIN_FONT_PATH folder is read, and only it; that folder is searched first', () => {
      const fontDir = tmpDir();
      const env = { BULLETIN_CACHE_DIR: tmpDir(), BULLETIN_FONT_PATH: fontDir };
      const folder = issueWithFonts('fonts:\n  body: WenQuanYi Zen Hei Mono\n');
      const fileOf = (report: { faces: { id: string; file: string }[] }) => report.faces.find((f) => f.id.startsWith('WenQuanYiZenHeiMono@'))!.file;
      const before = JSON.parse(bulletin(['fonts', folder, '--json'], { env }).stdout);
      expect(fileOf(before)).toBe(WQY);
      fs.mkdirSync(path.join(fontDir, 'office'));
      fs.copyFileSync(WQY, path.join(fontDir, 'office', 'zenhei.ttc'));
      const after = JSON.parse(bulletin(['fonts', folder, '--json'], { env }).stdout);
      expect(after.index.parsed).toBe(1);
      expect(after.index.files).toBe(before.index.files + 1);
      expect(fileOf(after)).toBe(path.join(fontDir, 'office', 'zenhei.ttc'));
    });

    it('a build that names only bundled fonts never scans the installed ones', () => {
      const cache = tmpDir();
      const out = path.join(tmpDir(), 'a.pdf');
      expect(bulletin(['build', example, '-o', out], { env: { ...epoch, BULLETIN_CACHE_DIR: cache } }).code).toBe(0);
      // (code-*.cache is the CLI's code cache, bin/bulletin.js)
      const written = () => fs.readdirSync(cache).filter((f) => !/^code-.*\.cache$/.test(f));
      expect(written()).toEqual([]);
      // …while one that names an installed font does (the control for the line above).
      const folder = issueWithFonts('fonts:\n  heading: 文泉驿正黑\n');
      const r = bulletin(['build', folder, '-o', out], { env: { ...epoch, BULLETIN_CACHE_DIR: cache } });
      expect(r.code).toBe(0);
      expect(written()).toEqual(['font-index.json']);
      expect(pdfFonts(out).map((f) => f[0]!.replace(/^[A-Z]{6}\+/, ''))).toContain('WenQuanYiZenHei');
    });
  });
});

describe('fallback in the build', () => {
  it('a rare name character is a note naming the face; --strict makes it an error and writes no PDF', () => {
    const { dir, folder } = copyExample();
    const item = path.join(folder, '07-tuiyi-junren.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace('段文超', '李喆'));
    const ok = bulletin(['build', folder], { env: epoch });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/07-tuiyi-junren\.md:\d+:\d+: note: 1 character\(s\) of the body text are drawn in NotoSerifCJKsc-Regular, not FandolFang-Regular, which lacks them: 喆 \[font\/fallback\]/);
    fs.rmSync(path.join(dir, 'issue-07.pdf'));
    const strict = bulletin(['build', folder, '--strict'], { env: epoch });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error: 1 character(s) of the body text');
    expect(fs.existsSync(path.join(dir, 'issue-07.pdf'))).toBe(false);
  });
});

describe('all 8,105 通用规范汉字', () => {
  it('an issue using every one of them builds, and pdftotext gives every one back', () => {
    const { dir, folder } = copyExample();
    for (const f of fs.readdirSync(folder)) if (f.endsWith('.md')) fs.rmSync(path.join(folder, f));
    const paragraphs: string[] = [];
    for (let i = 0; i < tongyong.length; i += 400) paragraphs.push(tongyong.slice(i, i + 400).join(''));
    fs.writeFileSync(path.join(folder, '01-all.md'), `---\ntitle: 通用规范汉字表全部字符\ndepartment: 区语委办\n---\n${paragraphs.join('\n\n')}\n`);
    const out = path.join(dir, 'all.pdf');
    const r = bulletin(['build', folder, '-o', out], { env: epoch });
    expect(r.code, r.stderr).toBe(0);
    const text = new Set(flatText(pdfText(out)));
    const lost = tongyong.filter((ch) => !text.has(ch));
    expect(lost).toEqual([]);
  });
});
