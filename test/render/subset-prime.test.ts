import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { scanSubrs } from '../../src/render/subset-prime.js';
import { bundled } from '../helpers/fonts.js';

const text = fs.readFileSync('examples/issue-07/05-gongxin-shangwu.md', 'utf8') + '0123456789%“”（）《》、，。：；！？';

describe('scanSubrs', () => {
  for (const file of ['FandolFang-Regular.otf', 'FandolSong-Bold.otf', 'NotoSerifCJKsc-Regular.otf']) {
    it(`finds the same subroutines as fontkit's outline builder, glyph by glyph (${file})`, () => {
      const font = fontkit.create(fs.readFileSync(bundled(file))) as fontkit.Font;
      const cff = (font as unknown as Record<string, unknown>)['CFF '] as Parameters<typeof scanSubrs>[0];
      let compared = 0;
      for (const ch of new Set(text)) {
        const glyph = font.glyphForCodePoint(ch.codePointAt(0)!) as unknown as { id: number; path: unknown; _usedGsubrs: object; _usedSubrs: object };
        if (!glyph.id) continue;
        const scanned = scanSubrs(cff, glyph.id);
        void glyph.path; // fontkit records what the charstring called
        expect(scanned, ch).toBeDefined();
        expect(Object.keys(scanned!.gsubrs).sort(), ch).toEqual(Object.keys(glyph._usedGsubrs).sort());
        expect(Object.keys(scanned!.subrs).sort(), ch).toEqual(Object.keys(glyph._usedSubrs).sort());
        compared++;
      }
      expect(compared).toBeGreaterThan(150);
    });
  }
});
