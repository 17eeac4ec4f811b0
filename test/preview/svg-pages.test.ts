// The preview redraws only the pages whose display list changed, and all of
// them when the colours or the faces behind the same list change.
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/layout/display-list.js';
import { SvgPages } from '../../src/preview/svg-pages.js';
import { FakeFace } from '../helpers/fake-fonts.js';

class CountingFace extends FakeFace {
  calls = 0;
  override advance(cp: number): number {
    this.calls++;
    return super.advance(cp);
  }
}

const page = (text: string): Page => ({
  width: 100,
  height: 100,
  items: [
    { kind: 'glyphs', face: 'fake', size: 10, x: 1, y: 20, text, tracking: 0, color: 'ink' },
    { kind: 'rule', x: 1, y: 30, width: 50, thickness: 1, color: 'ink' },
  ],
});
const ink = { ink: { rgb: '#111111' } };

describe('SvgPages', () => {
  it('draws every page first, then only the pages that changed', () => {
    const face = new CountingFace();
    const opts = { faces: new Map([['fake', face]]), colors: ink };
    const pages = new SvgPages();
    const first = pages.update([page('一'), page('二'), page('三')], opts);
    expect(first.changed).toEqual([0, 1, 2]);
    face.calls = 0;
    const same = pages.update([page('一'), page('二'), page('三')], { ...opts, faces: new Map([['fake', face]]) });
    expect(same.changed).toEqual([]);
    expect(same.svgs).toEqual(first.svgs);
    expect(face.calls).toBe(0);
    const edited = pages.update([page('一'), page('二改'), page('三')], opts);
    expect(edited.changed).toEqual([1]);
    expect(face.calls).toBe(2);
    expect(edited.svgs[1]).toContain('二改');
  });

  it('draws everything again when a colour or a face changes under the same display list', () => {
    const opts = { faces: new Map([['fake', new CountingFace()]]), colors: ink };
    const pages = new SvgPages();
    pages.update([page('一'), page('二')], opts);
    const recoloured = pages.update([page('一'), page('二')], { ...opts, colors: { ink: { rgb: '#ff0000' } } });
    expect(recoloured.changed).toEqual([0, 1]);
    expect(recoloured.svgs[0]).toContain('#ff0000');
    const face = new CountingFace();
    pages.update([page('一'), page('二')], { faces: new Map([['fake', face]]), colors: { ink: { rgb: '#ff0000' } } });
    expect(face.calls).toBe(2);
  });

  it('draws a page again when its image is another file, even at the same place', () => {
    const image = (digest: string) => ({ path: '/x/a.png', format: 'png' as const, width: 2, height: 1, orientation: 1, digest, bytes: new Uint8Array([1]) });
    const withImage = (digest: string): Page => ({ ...page('一'), items: [...page('一').items, { kind: 'image', image: image(digest), x: 1, y: 40, width: 20, height: 10 }] });
    const opts = { faces: new Map([['fake', new FakeFace()]]), colors: ink, imageHref: (i: { digest: string }) => `/image/${i.digest}` };
    const pages = new SvgPages();
    pages.update([withImage('aaa'), page('二')], opts);
    expect(pages.update([withImage('aaa'), page('二')], opts).changed).toEqual([]);
    const changed = pages.update([withImage('bbb'), page('二')], opts);
    expect(changed.changed).toEqual([0]);
    expect(changed.svgs[0]).toContain('/image/bbb');
  });
});
