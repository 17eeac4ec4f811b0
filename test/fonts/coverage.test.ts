import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { checkCoverage, FALLBACK_RULE } from '../../src/fonts/coverage.js';
import { loadFontSet } from '../../src/fonts/fontset.js';
import { charList } from '../../src/fonts/report.js';
import { loadIssue } from '../../src/issue/load.js';
import { loadTemplate } from '../../src/template/load.js';
import { ROLES } from '../../src/template/model.js';
import { copyExample, root } from '../helpers/cli.js';
import { png, writeFiles } from '../helpers/images.js';

const templateFile = path.join(root, 'templates/default.yaml');

function bundledSet() {
  const diags = new Diagnostics();
  const template = loadTemplate(templateFile, diags)!;
  return { template, set: loadFontSet(template, path.dirname(templateFile), undefined, diags)!, diags };
}

describe('coverage of the bundled fonts', () => {
  it('every one of the 8,105 通用规范汉字 is drawn in every role (role face or fallback)', () => {
    const { set, diags } = bundledSet();
    expect(diags.list).toEqual([]);
    const chars = charList('tongyong-8105');
    expect(chars).toHaveLength(8105);
    for (const role of ROLES) {
      const missing = chars.filter((ch) => !set.faceFor(role, ch.codePointAt(0)!));
      expect(missing, role).toEqual([]);
    }
  });

  it('the role faces alone cover GB2312 (6,763) but lack 1,467 of the 8,105, which the fallback draws', () => {
    const { set } = bundledSet();
    const body = set.primary('body');
    expect(charList('gb2312-6763').filter((ch) => !body.has(ch.codePointAt(0)!))).toEqual([]);
    expect(charList('tongyong-8105').filter((ch) => !body.has(ch.codePointAt(0)!))).toHaveLength(1467);
  });
});

describe('fallback notes', () => {
  async function check(replace: [string, string][], strict = false) {
    const { folder } = copyExample();
    const item = path.join(folder, '07-tuiyi-junren.md');
    let text = fs.readFileSync(item, 'utf8');
    for (const [a, b] of replace) text = text.replace(a, b);
    fs.writeFileSync(item, text);
    const { issue } = await loadIssue(folder);
    const { template, set } = bundledSet();
    const diags = new Diagnostics();
    checkCoverage(issue!, template, set, diags, strict);
    return { diags: diags.list, text, item: path.join(folder, '07-tuiyi-junren.md') };
  }

  it('one note per role and fallback face, listing its characters once, at the first of them', async () => {
    const { diags, text, item } = await check([['段文超、张家润', '刘䶮、李喆、王喆']]);
    const notes = diags.filter((d) => d.rule === FALLBACK_RULE);
    expect(notes).toHaveLength(1);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('刘䶮'));
    expect(notes[0]).toMatchObject({
      file: item,
      severity: 'note',
      start: { line: line + 1, column: lines[line]!.indexOf('䶮') + 1 },
      args: { role: 'body', face: 'NotoSerifCJKsc-Regular', primary: 'FandolFang-Regular', chars: '䶮喆', count: 2 },
    });
  });

  it('under --strict a fallback is an error', async () => {
    const { diags } = await check([['段文超', '李喆']], true);
    expect(diags.filter((d) => d.rule === FALLBACK_RULE).map((d) => d.severity)).toEqual(['error']);
  });

  it('text the role faces draw gives no note', async () => {
    const { diags } = await check([]);
    expect(diags).toEqual([]);
  });

  it('a caption is checked in the caption\'s role (emphasis), at its character', async () => {
    const { folder } = copyExample();
    writeFiles(folder, { 'photos/a.png': png(4, 3) });
    const item = path.join(folder, '07-tuiyi-junren.md');
    fs.appendFileSync(item, '\n![李喆在现场](photos/a.png)\n');
    const { issue } = await loadIssue(folder);
    const { template, set } = bundledSet();
    const diags = new Diagnostics();
    checkCoverage(issue!, template, set, diags);
    const lines = fs.readFileSync(item, 'utf8').split('\n');
    expect(diags.list.map((d) => [d.args.role, d.args.chars, d.start.line, d.start.column])).toEqual([['emphasis', '喆', lines.length - 1, 4]]);
  });
});

