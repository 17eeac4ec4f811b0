// Watch mode keeps texts, fonts, the template, lint findings and coverage between builds. These
// tests fail if a cache ever hands back something stale: a same-size edit whose mtime is put back,
// a deleted or renamed file, a file the watcher names, a font or template changed, and a cached
// item whose warnings must still be reported (and dropped once fixed).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { forgetFace } from '../../src/fonts/fontset.js';
import { LIMITS } from '../../src/issue/read-file.js';
import { fontsDir } from '../../src/paths.js';
import { compile } from '../../src/pipeline/build.js';
import { IncrementalCompiler } from '../../src/watch/incremental.js';
import { SourceCache } from '../../src/watch/source-cache.js';
import { copyExample } from '../helpers/cli.js';

/** The clock an hour ahead: every file looks old enough for its stat alone to be trusted. */
function trustStats(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 3_600_000);
}
afterEach(() => {
  vi.useRealTimers();
});

/** A whole second, so that putting a file's mtime back is exact. */
const PINNED = 1_700_000_000;

/** Rewrites `file` with `from` replaced (same size in UTF-8 for ，→、), its mtime pinned before and after. */
function sameSizeEdit(file: string, from: string, to: string): void {
  const before = fs.statSync(file);
  expect(before.mtimeMs).toBe(PINNED * 1000);
  edit(file, from, to);
  fs.utimesSync(file, PINNED, PINNED);
  expect(fs.statSync(file).size).toBe(before.size);
  expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

/** The example with a doubled comma (a lint warning) in 02-fagaiwei.md, and a compiler that trusts stats. */
function warnedItem() {
  const { folder } = copyExample();
  const file = path.join(folder, '02-fagaiwei.md');
  edit(file, '抓手，围绕', '抓手，，围绕');
  trustStats();
  const inc = new IncrementalCompiler(folder);
  const rules = (r: Awaited<ReturnType<typeof both>>) => r.diagnostics.filter((d) => d.file === file).map((d) => d.rule);
  return { folder, file, inc, rules };
}

async function both(inc: IncrementalCompiler) {
  const cached = await inc.compile();
  const fresh = await compile(inc.dir);
  expect(cached.compiled?.pages).toEqual(fresh.compiled?.pages);
  expect(cached.diagnostics).toEqual(fresh.diagnostics);
  expect(cached.sources).toEqual(fresh.sources);
  return cached;
}

describe('SourceCache', () => {
  it('keeps no text of a file changed just now: it is read on every build until it is old', () => {
    const { folder } = copyExample();
    const file = path.join(folder, '02-fagaiwei.md');
    const cache = new SourceCache();
    const first = cache.read(file, LIMITS.item, new Diagnostics());
    expect(first).toBeDefined();
    expect(cache.read(file, LIMITS.item, new Diagnostics())).not.toBe(first);
  });

  it('reuses an old file’s text while its stat is unchanged, and reads it when the watcher names it', () => {
    const { folder } = copyExample();
    const file = path.join(folder, '02-fagaiwei.md');
    trustStats();
    const cache = new SourceCache();
    const first = cache.read(file, LIMITS.item, new Diagnostics())!;
    expect(cache.read(file, LIMITS.item, new Diagnostics())).toBe(first);
    cache.invalidate(path.resolve(file));
    const again = cache.read(file, LIMITS.item, new Diagnostics())!;
    expect(again).not.toBe(first);
    expect(again.text).toBe(first.text);
  });

  it('sees a same-size edit whose mtime was put back (its ctime moved)', () => {
    const { folder } = copyExample();
    const file = path.join(folder, '02-fagaiwei.md');
    fs.utimesSync(file, PINNED, PINNED);
    trustStats();
    const cache = new SourceCache();
    expect(cache.read(file, LIMITS.item, new Diagnostics())!.text).toContain('抓手，围绕');
    sameSizeEdit(file, '抓手，围绕', '抓手、围绕');
    expect(cache.read(file, LIMITS.item, new Diagnostics())!.text).toContain('抓手、围绕');
  });

  it('reports a deleted file, and reads the file made again under its name', () => {
    const { folder } = copyExample();
    const file = path.join(folder, '02-fagaiwei.md');
    trustStats();
    const cache = new SourceCache();
    const text = cache.read(file, LIMITS.item, new Diagnostics())!.text;
    fs.rmSync(file);
    const diags = new Diagnostics();
    expect(cache.read(file, LIMITS.item, diags)).toBeUndefined();
    expect(diags.list.map((d) => d.rule)).toEqual(['issue/unreadable']);
    fs.writeFileSync(file, text.replace('抓手，围绕', '抓手、围绕'));
    expect(cache.read(file, LIMITS.item, new Diagnostics())!.text).toContain('抓手、围绕');
  });
});

describe('IncrementalCompiler with trusted stats', () => {
  it('two same-size edits in quick succession, mtime put back, the path invalidated: the last one is built', async () => {
    const { folder } = copyExample();
    trustStats();
    const inc = new IncrementalCompiler(folder);
    const file = path.join(folder, '02-fagaiwei.md');
    fs.utimesSync(file, PINNED, PINNED);
    await both(inc);
    sameSizeEdit(file, '抓手，围绕', '抓手、围绕');
    inc.invalidate(file);
    expect((await both(inc)).sources[file]).toContain('抓手、围绕');
    sameSizeEdit(file, '抓手、围绕', '抓手，围绕');
    inc.invalidate(file);
    expect((await both(inc)).sources[file]).toContain('抓手，围绕');
    expect(inc.stats).toMatchObject({ parsed: 1, reusedItems: 7 });
  });

  it('agrees with a fresh compile when a file is renamed or deleted', async () => {
    const { folder } = copyExample();
    trustStats();
    const inc = new IncrementalCompiler(folder);
    await both(inc);
    fs.renameSync(path.join(folder, '02-fagaiwei.md'), path.join(folder, '09-fagaiwei.md'));
    const renamed = await both(inc);
    expect(Object.keys(renamed.sources)).toContain(path.join(folder, '09-fagaiwei.md'));
    fs.rmSync(path.join(folder, '03-kejiju.md'));
    const deleted = await both(inc);
    expect(Object.keys(deleted.sources)).not.toContain(path.join(folder, '03-kejiju.md'));
    // Made again under the old name with other text: that text, not the one read before.
    fs.writeFileSync(path.join(folder, '03-kejiju.md'), '---\ntitle: 重新写的标题\ndepartment: 区科技局\n---\n重新写的正文。\n');
    expect((await both(inc)).sources[path.join(folder, '03-kejiju.md')]).toContain('重新写的正文');
  });

  it('a cached item reports its warnings on every build, and not once fixed', async () => {
    const { file, inc, rules } = warnedItem();
    expect(rules(await both(inc))).toEqual(['lint/doubled-punctuation']);
    expect(rules(await both(inc))).toEqual(['lint/doubled-punctuation']);
    expect(inc.stats).toMatchObject({ parsed: 0, reusedItems: 8 });
    edit(file, '抓手，，围绕', '抓手，围绕');
    inc.invalidate(file);
    expect(rules(await both(inc))).toEqual([]);
  });

  it('a cached item’s warning goes when issue.yaml switches its rule off, and comes back', async () => {
    const { folder, inc, rules } = warnedItem();
    const yaml = path.join(folder, 'issue.yaml');
    const original = fs.readFileSync(yaml, 'utf8');
    expect(rules(await both(inc))).toEqual(['lint/doubled-punctuation']);
    fs.writeFileSync(yaml, `${original}lint:\n  doubled-punctuation: false\n`);
    inc.invalidate(yaml);
    expect(rules(await both(inc))).toEqual([]);
    expect(inc.stats).toMatchObject({ parsed: 0, reusedItems: 8 });
    fs.writeFileSync(yaml, original);
    inc.invalidate(yaml);
    expect(rules(await both(inc))).toEqual(['lint/doubled-punctuation']);
  });
});

describe('font files with trusted stats', () => {
  it('a font file replaced by something else is read again: its new names, or its error', async () => {
    const { folder } = copyExample();
    const body = path.join(folder, 'body.otf');
    fs.copyFileSync(path.join(fontsDir, 'FandolFang-Regular.otf'), body);
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'fonts:\n  body: ./body.otf\n');
    trustStats();
    const inc = new IncrementalCompiler(folder);
    expect((await both(inc)).compiled!.fonts.primary('body').id).toMatch(/^FandolFang-Regular@/);
    expect((await both(inc)).compiled!.fonts.primary('body').id).toMatch(/^FandolFang-Regular@/);
    fs.copyFileSync(path.join(fontsDir, 'FandolKai-Regular.otf'), body);
    forgetFace(path.resolve(body));
    expect((await both(inc)).compiled!.fonts.primary('body').id).toMatch(/^FandolKai-Regular@/);
    fs.writeFileSync(body, 'not a font at all');
    forgetFace(path.resolve(body));
    const broken = await both(inc);
    expect(broken.compiled).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.rule)).toContain('font/not-a-font');
  });
  it('the font set is kept while issue.yaml names the same fonts, and a font dropped beside the issue is found', async () => {
    const { folder } = copyExample();
    const yaml = path.join(folder, 'issue.yaml');
    const original = fs.readFileSync(yaml, 'utf8');
    fs.writeFileSync(yaml, `${original}fonts:\n  body: FandolFang-Regular.otf\n`);
    trustStats();
    const inc = new IncrementalCompiler(folder);
    const first = (await both(inc)).compiled!.fonts;
    expect(first.primary('body').id).toBe('FandolFang-Regular');
    expect((await both(inc)).compiled!.fonts).toBe(first);
    fs.writeFileSync(yaml, `${original}fonts:\n  body: FandolKai-Regular.otf\n`);
    inc.invalidate(yaml);
    expect((await both(inc)).compiled!.fonts.primary('body').id).toBe('FandolKai-Regular');
    // A file of that name beside the issue comes before the bundled one.
    fs.copyFileSync(path.join(fontsDir, 'FandolSong-Regular.otf'), path.join(folder, 'FandolKai-Regular.otf'));
    inc.invalidate(path.join(folder, 'FandolKai-Regular.otf'));
    expect((await both(inc)).compiled!.fonts.primary('body').id).toMatch(/^FandolSong-Regular@/);
  });
});

describe('the template, kept while its files parse the same', () => {
  it('reports its warnings on every build, its change is seen, and a broken one fails', async () => {
    const { folder } = copyExample();
    const house = path.join(folder, 'house.yaml');
    fs.writeFileSync(house, 'extends: default\ngird:\n  chars: 28\n');
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'template: ./house.yaml\n');
    trustStats();
    const inc = new IncrementalCompiler(folder);
    const rules = (r: Awaited<ReturnType<typeof both>>) => r.diagnostics.map((d) => d.rule);
    expect(rules(await both(inc))).toContain('template/unknown-key');
    expect(rules(await both(inc))).toContain('template/unknown-key');
    fs.writeFileSync(house, 'extends: default\ngrid:\n  chars: 26\n');
    const fixed = await both(inc);
    expect(rules(fixed)).not.toContain('template/unknown-key');
    expect(fixed.compiled!.template.grid.chars).toBe(26);
    fs.writeFileSync(house, 'extends: default\ngrid:\n  chars: -3\n');
    const broken = await both(inc);
    expect(broken.compiled).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('house.yaml'))).toBe(true);
    fs.writeFileSync(house, 'extends: default\ngrid:\n  chars: 26\n');
    expect((await both(inc)).compiled!.template.grid.chars).toBe(26);
  });
});

describe('font coverage, kept per item for one set of faces', () => {
  it('a cached item’s fallback note is reported on every build, and goes when its role’s face draws the character', async () => {
    const { folder } = copyExample();
    const item = path.join(folder, '07-tuiyi-junren.md');
    const yaml = path.join(folder, 'issue.yaml');
    edit(item, '段文超、张家润', '刘䶮、李喆');
    trustStats();
    const inc = new IncrementalCompiler(folder);
    const notes = (r: Awaited<ReturnType<typeof both>>) => r.diagnostics.filter((d) => d.rule === 'font/fallback').map((d) => [d.file, d.args.chars]);
    expect(notes(await both(inc))).toEqual([[item, '䶮喆']]);
    expect(notes(await both(inc))).toEqual([[item, '䶮喆']]);
    expect(inc.stats).toMatchObject({ parsed: 0, reusedItems: 8 });
    fs.appendFileSync(yaml, 'fonts:\n  body: NotoSerifCJKsc-Regular.otf\n');
    inc.invalidate(yaml);
    expect(notes(await both(inc))).toEqual([]);
    // Another item gets one of them: its note is at that item, the cached one still says nothing.
    const other = path.join(folder, '02-fagaiwei.md');
    edit(yaml, 'fonts:\n  body: NotoSerifCJKsc-Regular.otf\n', '');
    edit(item, '刘䶮、李喆', '段文超、张家润');
    edit(other, '抓手，围绕', '抓手，李喆围绕');
    expect(notes(await both(inc))).toEqual([[other, '喆']]);
  });
});
