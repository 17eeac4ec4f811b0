// The preview's SVG is drawn from the same display list as the PDF: same runs,
// same places, every glyph at the x that the layout's advances give.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import type { Page } from '../../src/layout/display-list.js';
import { cssColor, fontFamily, renderSvgPage } from '../../src/render/svg/index.js';
import { FakeFace } from '../helpers/fake-fonts.js';
import { example } from '../helpers/cli.js';

const faces = new Map([['fake', new FakeFace()]]);
const colors = { red: { cmyk: [0, 80, 80, 0] as [number, number, number, number] }, ink: { rgb: '#123456' } };
const page = (items: Page['items']): Page => ({ width: 595.28, height: 841.89, items });
const run = (text: string, x = 10, tracking = 0) => ({ kind: 'glyphs' as const, face: 'fake', size: 16, x, y: 100, text, tracking, color: 'ink' });

describe('renderSvgPage', () => {
  it('gives one svg in PDF points with the page size as its viewBox', () => {
    const svg = renderSvgPage(page([]), { faces, colors });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 595.28 841.89" width="595.28" height="841.89"/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('places every glyph at x + the advances and tracking before it, on the baseline y', () => {
    // FakeFace: CJK 1 em, Latin 0.5 em; size 16, tracking 2.
    const svg = renderSvgPage(page([run('中a文', 10, 2)]), { faces, colors });
    expect(svg).toContain(`<text x="10 28 38" y="100" font-family="${fontFamily('fake')}" font-size="16" fill="#123456">中a文</text>`);
  });

  it('draws a rule as a rect centred on its y', () => {
    const svg = renderSvgPage(page([{ kind: 'rule', x: 5, y: 50, width: 100, thickness: 2, color: 'red' }]), { faces, colors });
    expect(svg).toContain('<rect x="5" y="49" width="100" height="2" fill="rgb(240,67,56)"/>');
  });

  it('escapes markup in text and gives a character beyond U+FFFF its own text element', () => {
    const svg = renderSvgPage(page([run('a<b&𠀀c')]), { faces, colors });
    expect(svg).toContain('>a&lt;b&amp;</text>');
    expect(svg).toMatch(/<text x="(\S+)" [^>]*>𠀀<\/text><text x="(\S+)" [^>]*>c<\/text>/);
  });

  it('draws an image in its box, inline as a data: URL or at the address the caller gives', () => {
    const image = { path: '/x/a.png', format: 'png' as const, width: 2, height: 1, orientation: 1, digest: 'abc', bytes: new Uint8Array([1, 2, 3]) };
    const box = { kind: 'image' as const, image, x: 10, y: 20.123, width: 100, height: 50 };
    expect(renderSvgPage(page([box]), { faces, colors })).toContain(
      '<image href="data:image/png;base64,AQID" x="10" y="20.12" width="100" height="50" preserveAspectRatio="none"/>',
    );
    expect(renderSvgPage(page([box]), { faces, colors, imageHref: (i) => `/image/${i.digest}?a&b` })).toContain('<image href="/image/abc?a&amp;b" x="10"');
  });

  it('converts template colours to screen colours', () => {
    expect(cssColor({ cmyk: [0, 0, 0, 100] })).toBe('rgb(0,0,0)');
    expect(cssColor({ rgb: '#abcdef' })).toBe('#abcdef');
    expect(cssColor({ rgb: 'red"><script>' })).toBe('#000');
    expect(cssColor(undefined)).toBe('#000');
  });
});

describe('the example as SVG', () => {
  let c: Compiled;
  beforeAll(async () => {
    const r = await compile(example);
    if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
    c = r.compiled;
  });

  it('shows, page by page, exactly the text and rules of the display list', () => {
    for (const p of c.pages) {
      const svg = renderSvgPage(p, { faces: c.fonts.faces, colors: c.template.colors });
      const shown = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join('');
      const listed = p.items.map((i) => (i.kind === 'glyphs' ? i.text : '')).join('');
      expect(shown).toBe(listed);
      expect(svg.match(/<rect /g)?.length ?? 0).toBe(p.items.filter((i) => i.kind === 'rule').length);
    }
  });

  it('gives each glyph an x, in one list per run', () => {
    const svg = renderSvgPage(c.pages[1]!, { faces: c.fonts.faces, colors: c.template.colors });
    for (const m of svg.matchAll(/<text x="([^"]*)"[^>]*>([^<]*)<\/text>/g)) {
      expect(m[1]!.split(' ').length).toBe([...m[2]!].length);
    }
  });
});
