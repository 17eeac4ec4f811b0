import { describe, expect, it } from 'vitest';
import { closestNames, findByName, normalizeName, type NamedFace } from '../../src/fonts/names.js';

const face = (postscriptName: string, families: string[], weight = 400, bold = false, italic = false): NamedFace => ({
  file: `/fonts/${postscriptName}.ttf`, index: 0, facesInFile: 1, postscriptName, families, fullNames: [families[0]! + (weight === 400 ? '' : ` W${weight}`)], weight, bold, italic,
});

const faces = [
  face('FangSong', ['FangSong', '仿宋']),
  face('FangSong_GB2312', ['FangSong_GB2312', '仿宋_GB2312']),
  face('NotoSansCJKsc-Bold', ['Noto Sans CJK SC'], 700, true),
  face('NotoSansCJKsc-Regular', ['Noto Sans CJK SC'], 400),
  face('NotoSansCJKsc-Light', ['Noto Sans CJK SC'], 300),
  face('SimHei', ['SimHei', '黑体']),
];

describe('font names', () => {
  it('ignores case, spaces, hyphens and underscores, and full-width forms', () => {
    expect(normalizeName('Noto Serif-CJK_SC')).toBe(normalizeName('notoserifcjksc'));
    expect(normalizeName('ＦａｎｇＳｏｎｇ')).toBe('fangsong');
  });

  it('finds a face by its Chinese or English family name, or its PostScript name', () => {
    expect(findByName(faces, '仿宋_GB2312')?.postscriptName).toBe('FangSong_GB2312');
    expect(findByName(faces, '仿宋')?.postscriptName).toBe('FangSong');
    expect(findByName(faces, 'fangsong')?.postscriptName).toBe('FangSong');
    expect(findByName(faces, '黑体')?.postscriptName).toBe('SimHei');
    expect(findByName(faces, 'NotoSansCJKsc-Light')?.postscriptName).toBe('NotoSansCJKsc-Light');
  });

  it("a family name picks the regular weight, or the bold one when the role asks for bold", () => {
    expect(findByName(faces, 'Noto Sans CJK SC')?.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(findByName(faces, 'Noto Sans CJK SC', true)?.postscriptName).toBe('NotoSansCJKsc-Bold');
    expect(findByName(faces, 'FangSong', true)?.postscriptName).toBe('FangSong');
    expect(findByName([faces[2]!, faces[4]!], 'Noto Sans CJK SC')?.postscriptName).toBe('NotoSansCJKsc-Light');
  });

  it('suggests the closest installed names for a name that is not there', () => {
    expect(findByName(faces, '仿宋GB2312x')).toBeUndefined();
    expect(closestNames(faces, '仿宋GB2312x')[0]).toBe('仿宋_GB2312');
    expect(closestNames(faces, 'Fangsong GB')).toContain('FangSong_GB2312');
    expect(closestNames(faces, '方正小标宋简体')).toEqual([]);
  });
});
