import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/fonts/sfnt.js';
import { tmpDir } from '../helpers/cli.js';
import { bundled, requireDebianFonts, UMING, WQY } from '../helpers/fonts.js';

describe('reading names from the name table', () => {
  beforeEach(requireDebianFonts);

  it('a single-face OpenType file gives its PostScript name, families, version and licence', () => {
    const info = readFontFile(bundled('NotoSerifCJKsc-Regular.otf'));
    expect(info.kind).toBe('sfnt');
    expect(info.faces).toHaveLength(1);
    const f = info.faces[0]!;
    expect(f.postscriptName).toBe('NotoSerifCJKsc-Regular');
    expect(f.families).toContain('Noto Serif CJK SC');
    expect(f.version).toMatch(/^Version 2\./);
    expect(f.licenseUrl).toContain('OFL');
    expect(f.bold).toBe(false);
  });

  it('a bold face says it is bold', () => {
    expect(readFontFile(bundled('FandolSong-Bold.otf')).faces[0]).toMatchObject({ postscriptName: 'FandolSong-Bold', bold: true });
  });

  it('a collection lists every face, with its Chinese family names as well as the English ones', () => {
    const info = readFontFile(WQY);
    expect(info.kind).toBe('collection');
    expect(info.faces.map((f) => f.postscriptName)).toEqual(['WenQuanYiZenHei', 'WenQuanYiZenHeiMono', 'WenQuanYiZenHeiSharp']);
    expect(info.faces[0]!.families).toEqual(expect.arrayContaining(['WenQuanYi Zen Hei', '文泉驿正黑', '文泉驛正黑']));
    expect(readFontFile(UMING).faces.map((f) => f.families[0])).toContain('AR PL UMing CN');
  });

  it('tells WOFF, WOFF2 and non-font files apart from fonts', () => {
    const dir = tmpDir();
    const file = (name: string, head: string) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(64)]));
      return p;
    };
    expect(readFontFile(file('a.woff', 'wOFF')).kind).toBe('woff');
    expect(readFontFile(file('a.woff2', 'wOF2')).kind).toBe('woff2');
    expect(readFontFile(file('a.ttf', 'hello, not a font')).kind).toBe('not-a-font');
  });

  it('a truncated font file is an error, not a crash of the caller', () => {
    const p = path.join(tmpDir(), 'cut.otf');
    fs.writeFileSync(p, fs.readFileSync(bundled('FandolKai-Regular.otf')).subarray(0, 200));
    expect(() => readFontFile(p)).toThrow(/damaged/);
  });
});
