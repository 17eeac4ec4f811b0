// Watch mode's caches: an unchanged item is neither parsed nor laid out again,
// and what comes out is exactly what a fresh compile gives.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/build.js';
import { forgetFace } from '../../src/fonts/fontset.js';
import { fontsDir, templatesDir } from '../../src/paths.js';
import { IncrementalCompiler } from '../../src/watch/incremental.js';
import { copyExample } from '../helpers/cli.js';
import { png, writeFiles } from '../helpers/images.js';

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${from} not found in ${file}`);
  fs.writeFileSync(file, next);
}

/** Compiles with the cache and without; they must agree, pages and diagnostics alike. */
async function both(inc: IncrementalCompiler) {
  const cached = await inc.compile();
  const fresh = await compile(inc.dir);
  expect(cached.compiled?.pages).toEqual(fresh.compiled?.pages);
  expect(cached.diagnostics).toEqual(fresh.diagnostics);
  return cached;
}

describe('IncrementalCompiler', () => {
  it('parses and lays out again only the item whose file changed', async () => {
    const { folder } = copyExample();
    const inc = new IncrementalCompiler(folder);
    await inc.compile();
    expect(inc.stats).toEqual({ parsed: 8, reusedItems: 0, laidOut: 8, reusedBlocks: 0 });
    edit(path.join(folder, '03-kejiju.md'), '科技', '科学');
    const r = await both(inc);
    expect(r.compiled!.pages.length).toBe(4);
    expect(inc.stats).toEqual({ parsed: 1, reusedItems: 7, laidOut: 1, reusedBlocks: 7 });
    await inc.compile();
    expect(inc.stats).toEqual({ parsed: 0, reusedItems: 8, laidOut: 0, reusedBlocks: 8 });
  });

  it('reads issue.yaml again only when its text changed, its errors included', async () => {
    const { folder } = copyExample();
    const inc = new IncrementalCompiler(folder);
    const yaml = path.join(folder, 'issue.yaml');
    expect((await both(inc)).compiled!.issue.number).toBe(7);
    edit(yaml, /^number: 7$/m, 'number: 8');
    expect((await both(inc)).compiled!.issue.number).toBe(8);
    edit(yaml, /^number: 8$/m, 'number: 八');
    const broken = await both(inc);
    expect(broken.compiled).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.file.endsWith('issue.yaml') && d.severity === 'error')).toBe(true);
    // The same broken text again: the same error, from the cache.
    expect((await both(inc)).diagnostics).toEqual(broken.diagnostics);
    edit(yaml, /^number: 八$/m, 'number: 9');
    expect((await both(inc)).compiled!.issue.number).toBe(9);
  });

  it('keys the cache by content, not by time: touching a file or saving the same text reuses it', async () => {
    const { folder } = copyExample();
    const inc = new IncrementalCompiler(folder);
    await inc.compile();
    const file = path.join(folder, '02-fagaiwei.md');
    fs.writeFileSync(file, fs.readFileSync(file));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await both(inc);
    expect(inc.stats.parsed).toBe(0);
  });

  it('agrees with a fresh compile through new, deleted, reordered and broken items', async () => {
    const { folder } = copyExample();
    const inc = new IncrementalCompiler(folder);
    await both(inc);
    // A new lead: the old lead loses its display title, so both are laid out again.
    fs.writeFileSync(path.join(folder, '00-new.md'), '---\ntitle: 新的头条标题\ndepartment: 区委办\n---\n新增的一段正文。\n');
    await both(inc);
    expect(inc.stats.parsed).toBe(1);
    expect(inc.stats.laidOut).toBe(2);
    fs.rmSync(path.join(folder, '05-gongxin-shangwu.md'));
    await both(inc);
    edit(path.join(folder, '04-yingjiju.md'), /^department:/m, 'order: 1\ndepartment:');
    await both(inc);
    // A broken file: its diagnostics come back from the cache on the next build too.
    edit(path.join(folder, '06-weijianwei.md'), /^title:.*$/m, '');
    const broken = await both(inc);
    expect(broken.compiled).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.file.endsWith('06-weijianwei.md') && d.severity === 'error')).toBe(true);
    const again = await both(inc);
    expect(inc.stats.parsed).toBe(0);
    expect(again.diagnostics).toEqual(broken.diagnostics);
  });

  it('lays every item out again when the template changes', async () => {
    const { folder } = copyExample();
    fs.copyFileSync(path.join(templatesDir, 'default.yaml'), path.join(folder, 'house.yaml'));
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'template: ./house.yaml\n');
    const inc = new IncrementalCompiler(folder);
    const before = await both(inc);
    edit(path.join(folder, 'house.yaml'), /chars: 28/, 'chars: 26');
    const after = await both(inc);
    expect(inc.stats).toMatchObject({ parsed: 0, laidOut: 8 });
    expect(after.compiled!.pages).not.toEqual(before.compiled!.pages);
  });

  it('lays every item out again when a font file is replaced and forgotten', async () => {
    const { folder } = copyExample();
    const body = path.join(folder, 'body.otf');
    fs.copyFileSync(path.join(fontsDir, 'FandolFang-Regular.otf'), body);
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'fonts:\n  body: ./body.otf\n');
    const inc = new IncrementalCompiler(folder);
    await both(inc);
    fs.copyFileSync(path.join(fontsDir, 'FandolKai-Regular.otf'), body);
    forgetFace(path.resolve(body));
    const after = await both(inc);
    expect(inc.stats).toMatchObject({ parsed: 0, laidOut: 8 });
    // The body face is now Kai: a face of its own (body.otf), not the bundled Kai of the emphasis role.
    expect(after.compiled!.fonts.primary('body').id).toMatch(/^FandolKai-Regular@[0-9a-f]{8}$/);
    expect(after.compiled!.fonts.primary('emphasis').id).toBe('FandolKai-Regular');
  });

  it('an image replaced under the same item text is read again, and its item laid out again', async () => {
    const { folder } = copyExample();
    writeFiles(folder, { 'photos/a.png': png(40, 30) });
    fs.appendFileSync(path.join(folder, '02-fagaiwei.md'), '\n![现场](photos/a.png)\n');
    const inc = new IncrementalCompiler(folder);
    const before = await both(inc);
    writeFiles(folder, { 'photos/a.png': png(30, 40) });
    const after = await both(inc);
    expect(inc.stats).toMatchObject({ parsed: 0, laidOut: 1, reusedBlocks: 7 });
    const box = (r: typeof after) => r.compiled!.pages.flatMap((p) => p.items).find((i) => i.kind === 'image')!;
    expect(box(after)).not.toEqual(box(before));
    expect(box(after).kind === 'image' && [box(after).image.width, box(after).image.height]).toEqual([30, 40]);
    // Unchanged, it is reused.
    await inc.compile();
    expect(inc.stats).toMatchObject({ laidOut: 0, reusedBlocks: 8 });
  });

  it('a missing image is an error on every build until the file is there', async () => {
    const { folder } = copyExample();
    fs.appendFileSync(path.join(folder, '02-fagaiwei.md'), '\n![现场](photos/a.png)\n');
    const inc = new IncrementalCompiler(folder);
    expect((await both(inc)).diagnostics.map((d) => d.rule)).toContain('image/not-found');
    expect((await both(inc)).diagnostics.map((d) => d.rule)).toContain('image/not-found');
    writeFiles(folder, { 'photos/a.png': png(4, 3) });
    expect((await both(inc)).compiled).toBeDefined();
  });
});

