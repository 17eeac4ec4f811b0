import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fontFolders, scanFonts } from '../../src/fonts/font-index.js';
import { findByName } from '../../src/fonts/names.js';
import { tmpDir } from '../helpers/cli.js';
import { bundled, folderWith, requireDebianFonts, UMING, WQY } from '../helpers/fonts.js';

describe('the installed-font index', () => {
  it('reads each font file once: a second scan takes every file from the cache', () => {
    const dir = folderWith({ 'a/FandolKai.otf': { copy: bundled('FandolKai-Regular.otf') }, 'readme.txt': 'not a font' });
    const cache = path.join(tmpDir(), 'index.json');
    const first = scanFonts([dir], cache);
    expect(first.stats.parsed).toBe(1);
    expect(first.faces.map((f) => f.postscriptName)).toEqual(['FandolKai-Regular']);
    const second = scanFonts([dir], cache);
    expect(second.stats.parsed).toBe(0);
    expect(second.stats.listed).toBe(0);
    expect(second.faces).toEqual(first.faces);
  });

  it('reads again only what changed: a new file, a file whose size or mtime changed; forgets removed files', () => {
    const dir = folderWith({ 'kai.otf': { copy: bundled('FandolKai-Regular.otf') } });
    const cache = path.join(tmpDir(), 'index.json');
    scanFonts([dir], cache);
    fs.copyFileSync(bundled('FandolHei-Regular.otf'), path.join(dir, 'hei.otf'));
    const added = scanFonts([dir], cache);
    expect(added.stats.parsed).toBe(1);
    expect(added.faces.map((f) => f.postscriptName).sort()).toEqual(['FandolHei-Regular', 'FandolKai-Regular']);

    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'kai.otf'), later, later);
    expect(scanFonts([dir], cache).stats.parsed).toBe(1);

    fs.rmSync(path.join(dir, 'hei.otf'));
    const removed = scanFonts([dir], cache);
    expect(removed.stats.parsed).toBe(0);
    expect(removed.faces.map((f) => f.postscriptName)).toEqual(['FandolKai-Regular']);
  });

  it('keeps a damaged font file out of the index without failing the scan', () => {
    const dir = folderWith({ 'bad.ttf': Buffer.from('\x00\x01\x00\x00\x00\x09', 'latin1'), 'kai.otf': { copy: bundled('FandolKai-Regular.otf') } });
    const index = scanFonts([dir], path.join(tmpDir(), 'index.json'));
    expect(index.stats.files).toBe(2);
    expect(index.faces.map((f) => f.postscriptName)).toEqual(['FandolKai-Regular']);
  });

  it('searches BULLETIN_FONT_PATH first, then the user and system folders', () => {
    const folders = fontFolders({ BULLETIN_FONT_PATH: ['/a', '/b'].join(path.delimiter) }, 'linux');
    expect(folders.slice(0, 2)).toEqual(['/a', '/b']);
    expect(folders).toContain('/usr/share/fonts');
    expect(fontFolders({ WINDIR: 'C:\\Windows' }, 'win32').some((f) => f.endsWith('Fonts'))).toBe(true);
    expect(fontFolders({}, 'darwin')).toContain('/Library/Fonts');
  });

  describe('with the Debian fonts of .ci/run', () => {
    beforeEach(requireDebianFonts);

    it('finds WenQuanYi Zen Hei (a .ttc face) and AR PL UMing CN by family name in the system folders', () => {
      const index = scanFonts(fontFolders({}, 'linux'), path.join(tmpDir(), 'index.json'));
      expect(findByName(index.faces, 'WenQuanYi Zen Hei')).toMatchObject({ file: WQY, postscriptName: 'WenQuanYiZenHei', facesInFile: 3 });
      expect(findByName(index.faces, '文泉驿正黑')?.postscriptName).toBe('WenQuanYiZenHei');
      expect(findByName(index.faces, '文泉驿等宽正黑')?.postscriptName).toBe('WenQuanYiZenHeiMono');
      expect(findByName(index.faces, 'AR PL UMing CN')).toMatchObject({ file: UMING, postscriptName: 'UMingCN' });
    });
  });
});
