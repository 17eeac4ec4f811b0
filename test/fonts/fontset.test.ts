import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { indexWasBuilt } from '../../src/fonts/font-index.js';
import { loadFontSet } from '../../src/fonts/fontset.js';
import { loadIssue } from '../../src/issue/load.js';
import { findTemplate, loadTemplate } from '../../src/template/load.js';
import { copyExample, root, tmpDir } from '../helpers/cli.js';
import { bundled, faceWithoutDigits, requireDebianFonts, UMING, WQY } from '../helpers/fonts.js';

const defaultTemplate = fs.readFileSync(path.join(root, 'templates/default.yaml'), 'utf8');

/** The example issue with `yaml` appended to its issue.yaml (and a template beside it when given), resolved to faces. */
async function resolve(yaml: string, opts: { template?: string; files?: Record<string, string> } = {}) {
  const { folder } = copyExample();
  for (const [name, from] of Object.entries(opts.files ?? {})) fs.copyFileSync(from, path.join(folder, name));
  if (opts.template !== undefined) {
    fs.writeFileSync(path.join(folder, 'house.yaml'), opts.template);
    yaml = `template: ./house.yaml\n${yaml}`;
  }
  const issueYaml = fs.readFileSync(path.join(folder, 'issue.yaml'), 'utf8') + yaml;
  fs.writeFileSync(path.join(folder, 'issue.yaml'), issueYaml);
  const loaded = await loadIssue(folder);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const issue = loaded.issue!;
  const diags = new Diagnostics();
  const file = findTemplate(issue.template?.value ?? 'default', issue.dir);
  const template = loadTemplate(file!, diags)!;
  expect(template, JSON.stringify(diags.list)).toBeDefined();
  const set = loadFontSet(template, path.dirname(file!), issue, diags);
  /** line:column of the first occurrence of `text` in issue.yaml, as a diagnostic would give it. */
  const lineOf = (text: string) => {
    const lines = issueYaml.split('\n');
    const i = lines.findIndex((l) => l.includes(text));
    return `${i + 1}:${lines[i]!.indexOf(text) + 1}`;
  };
  const found = (rule: string) => diags.list.filter((d) => d.rule === rule).map((d) => ({ at: `${d.start.line}:${d.start.column}`, severity: d.severity, args: d.args }));
  return { set, diags: diags.list, found, lineOf, folder };
}

const ids = (set: Awaited<ReturnType<typeof resolve>>['set'], role: 'body' | 'heading' | 'title' | 'number' | 'masthead' | 'emphasis') =>
  set!.chains[role].map((c) => c.metrics.id);

describe('role → face resolution', () => {
  it('without `fonts:` every role gets its bundled face, then Noto Serif CJK SC, and no installed font is looked at', async () => {
    const { set, diags } = await resolve('');
    expect(diags).toEqual([]);
    expect(ids(set, 'body')).toEqual(['FandolFang-Regular', 'NotoSerifCJKsc-Regular']);
    expect(ids(set, 'masthead')).toEqual(['FandolSong-Bold', 'NotoSerifCJKsc-Regular']);
    expect(ids(set, 'number')).toEqual(['FandolSong-Regular', 'NotoSerifCJKsc-Regular']);
    expect(indexWasBuilt()).toBe(false);
  });

  it('issue.yaml beats the template, which beats the bundled default', async () => {
    const template = defaultTemplate.replace('body: FandolFang-Regular.otf', 'body: FandolKai-Regular.otf').replace(/^ {2}heading: .*\n/m, '');
    const { set } = await resolve('fonts:\n  emphasis: kai-copy.otf\n', { template, files: { 'kai-copy.otf': bundled('FandolHei-Regular.otf') } });
    expect(set!.chains.body[0]).toMatchObject({ origin: 'template' });
    expect(set!.chains.body[0]!.face.postscriptName).toBe('FandolKai-Regular');
    expect(set!.chains.emphasis[0]).toMatchObject({ origin: 'issue.yaml' });
    expect(set!.chains.emphasis[0]!.face.path).toMatch(/kai-copy\.otf$/);
    expect(set!.chains.heading[0]).toMatchObject({ origin: 'bundled' });
    expect(set!.chains.heading[0]!.face.postscriptName).toBe('FandolHei-Regular');
  });

  it('a list is the role face then its own fallbacks, before the global fallbacks and the bundled Noto', async () => {
    const { set } = await resolve('fonts:\n  body: [FandolFang-Regular.otf, FandolKai-Regular.otf]\n  fallback: FandolHei-Regular.otf\n');
    expect(ids(set, 'body')).toEqual(['FandolFang-Regular', 'FandolKai-Regular', 'FandolHei-Regular', 'NotoSerifCJKsc-Regular']);
    expect(set!.chains.body.map((c) => c.own)).toEqual([true, true, false, false]);
    expect(ids(set, 'title')).toEqual(['FandolSong-Bold', 'FandolHei-Regular', 'NotoSerifCJKsc-Regular']);
  });

  it('a bundled face can be named by family: FandolKai, Noto Serif CJK SC', async () => {
    const { set, diags } = await resolve('fonts:\n  body: FandolKai\n  fallback: [Noto Serif CJK SC]\n');
    expect(diags).toEqual([]);
    expect(ids(set, 'body')).toEqual(['FandolKai-Regular', 'NotoSerifCJKsc-Regular']);
    expect(indexWasBuilt()).toBe(false);
  });

  describe('installed fonts by name', () => {
    beforeEach(requireDebianFonts);

    it('finds Debian fonts by Chinese or English family name, and a collection face by file#name', async () => {
      const { set, diags } = await resolve(`fonts:\n  body: 文泉驿正黑\n  heading: AR PL UMing CN\n  title: ${WQY}#WenQuanYi Zen Hei Sharp\n`);
      expect(diags).toEqual([]);
      expect(set!.chains.body[0]!.face).toMatchObject({ path: WQY, collectionName: 'WenQuanYiZenHei' });
      expect(set!.chains.heading[0]!.face).toMatchObject({ path: UMING, collectionName: 'UMingCN' });
      expect(set!.chains.title[0]!.face.collectionName).toBe('WenQuanYiZenHeiSharp');
      expect(set!.faceFor('body', '喆'.codePointAt(0)!)?.id).toMatch(/^WenQuanYiZenHei@[0-9a-f]{8}$/);
    });

    it('a bare file name not beside the issue is an installed font of that file name', async () => {
      const { set, diags } = await resolve('fonts:\n  heading: wqy-zenhei.ttc#文泉驿等宽正黑\n');
      expect(diags).toEqual([]);
      expect(set!.chains.heading[0]!.face).toMatchObject({ path: WQY, collectionName: 'WenQuanYiZenHeiMono' });
    });

    it('a name not installed is skipped with a warning when the list goes on to one that is', async () => {
      const r = await resolve('fonts:\n  body: [仿宋_GB2312, WenQuanYi Zen Hei]\n');
      expect(r.found('font/not-found')).toEqual([{ at: r.lineOf('仿宋_GB2312'), severity: 'warning', args: expect.objectContaining({ name: '仿宋_GB2312' }) }]);
      expect(ids(r.set, 'body')[0]).toMatch(/^WenQuanYiZenHei@[0-9a-f]{8}$/);
    });
  });
});

describe('font errors, at the issue.yaml line that named the font', () => {
  it('a name no installed font has, with the closest installed names', async () => {
    const r = await resolve('fonts:\n  heading: FandolHey\n');
    expect(r.set).toBeUndefined();
    expect(r.found('font/not-found')).toEqual([{ at: r.lineOf('FandolHey'), severity: 'error', args: { name: 'FandolHey', closest: expect.stringContaining('FandolHei') } }]);
  });

  it('a file that does not exist', async () => {
    const r = await resolve('fonts:\n  body: C:/Windows/Fonts/simfang.ttf\n');
    expect(r.found('font/no-such-file')).toEqual([{ at: r.lineOf('C:/Windows'), severity: 'error', args: { path: 'C:/Windows/Fonts/simfang.ttf' } }]);
  });

  it('a file that is not a font, and a WOFF2 web font (unsupported, with how to convert)', async () => {
    const { folder } = copyExample();
    const r = await resolve('fonts:\n  body: notes.ttf\n  heading: web.woff2\n', {
      files: { 'notes.ttf': path.join(folder, '01-zhongxinlu.md'), 'web.woff2': writeTemp('web.woff2', 'wOF2' + '\0'.repeat(60)) },
    });
    expect(r.found('font/not-a-font')).toEqual([{ at: r.lineOf('notes.ttf'), severity: 'error', args: { path: 'notes.ttf' } }]);
    expect(r.found('font/woff')).toEqual([{ at: r.lineOf('web.woff2'), severity: 'error', args: { path: 'web.woff2', kind: 'WOFF2' } }]);
  });

  it('a collection without a face name, or with a name none of its faces has, lists its faces', async () => {
    requireDebianFonts();
    const r = await resolve(`fonts:\n  body: ${UMING}\n  heading: ${WQY}#WenQuanYi Micro Hei\n`);
    expect(r.found('font/collection-needs-face')).toEqual([{ at: r.lineOf(UMING), severity: 'error', args: expect.objectContaining({ faces: 'UMingCN, UMingHK, UMingTW, UMingTWMBE' }) }]);
    expect(r.found('font/no-such-face')).toEqual([{ at: r.lineOf(WQY), severity: 'error', args: expect.objectContaining({ name: 'WenQuanYi Micro Hei', faces: 'WenQuanYiZenHei, WenQuanYiZenHeiMono, WenQuanYiZenHeiSharp' }) }]);
  });

  it('a body or number face without Latin digits; other roles may take digits from a fallback', async () => {
    const nodigits = faceWithoutDigits(writeTemp('nodigits.otf', ''));
    const r = await resolve('fonts:\n  number: nodigits.otf\n  masthead: nodigits.otf\n', { files: { 'nodigits.otf': nodigits } });
    expect(r.found('font/no-digits')).toEqual([{ at: r.lineOf('nodigits.otf'), severity: 'error', args: { path: 'nodigits.otf', role: 'number' } }]);
  });

  it('a global fallback that is not installed is a warning: the bundled fallback follows it anyway', async () => {
    const r = await resolve('fonts:\n  fallback: [SimSun]\n');
    expect(r.found('font/not-found')).toEqual([{ at: r.lineOf('SimSun'), severity: 'warning', args: expect.objectContaining({ name: 'SimSun' }) }]);
    expect(ids(r.set, 'body')).toEqual(['FandolFang-Regular', 'NotoSerifCJKsc-Regular']);
  });

  it('a key under `fonts:` that is no role is a warning', async () => {
    const r = await resolve('fonts:\n  bodytext: FandolKai\n');
    expect(r.found('font/unknown-role')).toEqual([{ at: r.lineOf('FandolKai'), severity: 'warning', args: expect.objectContaining({ role: 'bodytext' }) }]);
    expect(r.set).toBeDefined();
  });
});

describe('bold', () => {
  it('a role that asks for bold gets synthetic bold on a regular face, and the real face when it is bold', async () => {
    const template = defaultTemplate
      .replace('heading: FandolHei-Regular.otf', 'heading: { face: FandolHei-Regular.otf, bold: true }')
      .replace('title: FandolSong-Bold.otf', 'title: { face: [FandolSong-Bold.otf], bold: true }');
    const { set, diags } = await resolve('', { template });
    expect(diags).toEqual([]);
    expect(ids(set, 'heading')).toEqual(['FandolHei-Regular+bold', 'NotoSerifCJKsc-Regular+bold']);
    expect(ids(set, 'title')).toEqual(['FandolSong-Bold', 'NotoSerifCJKsc-Regular+bold']);
    expect(ids(set, 'body')).toEqual(['FandolFang-Regular', 'NotoSerifCJKsc-Regular']);
    expect(set!.faces.get('FandolHei-Regular+bold')).toMatchObject({ syntheticBold: true, path: bundled('FandolHei-Regular.otf') });
  });

  it('a template may not ask for italic: Chinese type is never slanted', () => {
    const file = writeTemp('italic.yaml', defaultTemplate.replace('emphasis: FandolKai-Regular.otf', 'emphasis: { face: FandolKai-Regular.otf, italic: true }'));
    const diags = new Diagnostics();
    expect(loadTemplate(file, diags)).toBeUndefined();
    expect((diags.list[0]?.args.reason as { en: string }).en).toMatch(/italic.*never slanted/);
  });
});

function writeTemp(name: string, content: string): string {
  const p = path.join(tmpDir(), name);
  fs.writeFileSync(p, content, 'utf8');
  return p;
}
