// The logical structure layout gives the display list (read by the tagged PDF/A
// edition): every run knows the element it belongs to, or that it is a page number.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import { PAGINATION, type GlyphRun, type StructTag } from '../../src/layout/display-list.js';
import { example } from '../helpers/cli.js';

let c: Compiled;
beforeAll(async () => {
  c = (await compile(example)).compiled!;
});
const runs = () => c.pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs'));
const textOf = (tag: StructTag) => runs().filter((r) => r.tag === tag || (r.tag && 'type' in r.tag && r.tag.parent === tag)).map((r) => r.text).join('');

describe('structure tags on the display list', () => {
  it('tags every run; only the page numbers are artifacts; rules carry no tag', () => {
    const all = runs();
    expect(all.every((r) => r.tag !== undefined)).toBe(true);
    const numbers = all.filter((r) => r.tag === PAGINATION).map((r) => r.text);
    expect(numbers).toEqual(c.pages.map((_, i) => `— ${i + 1} —`));
    expect(c.pages.flatMap((p) => p.items).filter((i) => i.kind === 'rule').every((i) => !('tag' in i))).toBe(true);
  });

  it('the masthead is a division of paragraphs; the lead title an H1 of its article; a run-in title a Span in its paragraph', () => {
    const first = c.pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
    const name = first[0]!.tag as StructTag;
    expect([name.type, name.parent?.type, name.parent?.parent]).toEqual(['P', 'Div', undefined]);
    const h1 = first.find((r) => (r.tag as StructTag).type === 'H1')!.tag as StructTag;
    expect(textOf(h1)).toBe('中心路街道探索人大代表“十联”机制办好民生实事');
    expect(h1.parent?.type).toBe('Art');
    const span = runs().find((r) => (r.tag as StructTag).type === 'Span')!.tag as StructTag;
    expect(textOf(span)).toBe('我区加大攻坚力度扎实推动省市重点项目建设');
    expect(span.parent!.type).toBe('P');
    // The paragraph's own runs follow, the separator first, then the text.
    expect(textOf(span.parent!).startsWith('我区加大攻坚力度扎实推动省市重点项目建设　一是以全区')).toBe(true);
  });

  it('each item is its own article, in the order of the items; the footer a division after them', () => {
    const articles: StructTag[] = [];
    for (const r of runs()) {
      let t = r.tag as StructTag;
      if (!('type' in t)) continue;
      while (t.parent) t = t.parent;
      if (articles.at(-1) !== t) articles.push(t);
    }
    expect(articles.map((a) => a.type)).toEqual(['Div', ...c.issue.items.map(() => 'Art'), 'Div']);
  });
});
