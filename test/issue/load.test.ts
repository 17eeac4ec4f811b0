// The load stage end to end: fixture folders a user could have written.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/report/catalogue.js';
import { loadIssue } from '../../src/issue/load.js';
import { brief, fixture, load, withRule } from './load-helpers.js';

describe('a valid issue folder', () => {
  it('loads issue.yaml into the model', async () => {
    const { issue, diagnostics } = await load('issue-07');
    expect(diagnostics).toEqual([]);
    expect(issue).toBeDefined();
    expect(issue!.dir).toBe(fixture('issue-07'));
    expect(issue!.issueFile).toBe(path.join(fixture('issue-07'), 'issue.yaml'));
    expect(issue!.masthead.value).toBe('政务信息');
    expect(issue!.masthead.at).toMatchObject({ line: 1, column: 11 });
    expect(issue!.number).toBe(7);
    expect(issue!.total).toBe(312);
    expect(issue!.date).toEqual({ year: 2025, month: 1, day: 20 });
    expect(issue!.publisher.value).toBe('中共上街区委办公室');
    expect(issue!.editor?.value).toBe('柴亚文');
    expect(issue!.copies).toBe(60);
    expect(issue!.template).toBeUndefined();
    expect(issue!.fonts).toEqual({});
  });

  it('keeps the distribution lines in written order, a string or a list', async () => {
    const { issue } = await load('issue-07');
    expect(issue!.distribution.map((l) => [l.label, l.recipients])).toEqual([
      ['本期送', ['区县处级领导']],
      ['发', ['峡窝镇', '各街道办事处', '区直各单位负责同志']],
    ]);
    expect(issue!.distribution[1]!.at).toMatchObject({ line: 8, column: 3 });
  });

  it('orders items first, then briefs; within a kind, `order` first, then by file name', async () => {
    const { issue } = await load('issue-07');
    expect(issue!.items.map((i) => [path.basename(i.file), i.kind])).toEqual([
      ['01-zhongxinlu.md', 'item'],
      ['02-keji.md', 'item'],
      ['04-shenpi.md', 'brief'], // order: 1
      ['03-tuiyijunren.md', 'brief'],
    ]);
  });

  it('skips draft files whose name starts with _ and lists them', async () => {
    const { issue, skipped } = await load('issue-07');
    expect(skipped).toEqual([path.join(fixture('issue-07'), '_yingji-draft.md')]);
    expect(issue!.items.some((i) => i.file.includes('_yingji'))).toBe(false);
  });

  it('ignores files that are not Markdown', async () => {
    const { issue } = await load('issue-07');
    expect(Object.keys(issue!.sources).some((f) => f.endsWith('notes.txt'))).toBe(false);
  });

  it('joins a line break between two Chinese characters with nothing', async () => {
    const { issue } = await load('issue-07');
    const text = issue!.items[0]!.paragraphs[0]!.inlines.map((i) => i.text).join('');
    expect(text).toContain('具体化、清单化');
    expect(text).toContain('民生实事、困难群众');
    expect(text).not.toContain('\n');
    expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it('joins a line break between two Latin words with one space', async () => {
    const { issue } = await load('issue-07');
    const text = issue!.items[1]!.paragraphs[0]!.inlines.map((i) => i.text).join('');
    expect(text).toContain('China Hi-Tech Fair 展会。力争');
  });

  it('keeps **strong** and *emphasis* as styled runs', async () => {
    const { issue } = await load('issue-07');
    const runs = issue!.items[1]!.paragraphs[0]!.inlines;
    expect(runs.slice(0, 3).map((r) => [r.text, r.style])).toEqual([
      ['一是', 'strong'],
      ['实施高企', 'plain'],
      ['三年倍增', 'emphasis'],
    ]);
  });

  it('points every run at its first character in the source text', async () => {
    const { issue } = await load('issue-07');
    for (const item of issue!.items) {
      const source = issue!.sources[item.file]!;
      expect(source).toBeDefined();
      for (const run of item.paragraphs.flatMap((p) => p.inlines)) {
        expect(run.at.file).toBe(item.file);
        expect(source.startsWith(run.text.slice(0, 1), run.at.offset)).toBe(true);
        // Every character of the run is found scanning forward from at.offset.
        let from = run.at.offset;
        for (const ch of run.text.replace(/ /g, '')) {
          from = source.indexOf(ch, from);
          expect(from).toBeGreaterThanOrEqual(0);
        }
      }
    }
    const strong = issue!.items[0]!.paragraphs[0]!.inlines[0]!;
    expect(strong.at).toMatchObject({ line: 5, column: 3 }); // after the `**`
  });

  it('points the title and department at their values in the front matter', async () => {
    const { issue } = await load('issue-07');
    const item = issue!.items[0]!;
    expect(item.title?.text).toBe('中心路街道探索人大代表“十联”机制办好民生实事');
    expect(item.title?.at).toMatchObject({ line: 2, column: 8 });
    expect(item.department.text).toBe('中心路街道');
    expect(item.department.at).toMatchObject({ line: 3, column: 13 });
    const source = issue!.sources[item.file]!;
    expect(source.startsWith(item.title!.text, item.title!.at.offset)).toBe(true);
    expect(source.startsWith(item.department.text, item.department.at.offset)).toBe(true);
  });

  it('gives a brief no title, and its `order: 1` puts it before a brief with none', async () => {
    const { issue } = await load('issue-07');
    const shenpi = issue!.items[2]!;
    expect(shenpi.kind).toBe('brief');
    expect(shenpi.title).toBeUndefined();
    expect(issue!.items.slice(2).map((i) => path.basename(i.file))).toEqual(['04-shenpi.md', '03-tuiyijunren.md']);
  });

  it('holds the text of every file in sources', async () => {
    const { issue } = await load('issue-07');
    expect(Object.keys(issue!.sources).map((f) => path.basename(f))).toEqual([
      'issue.yaml',
      '01-zhongxinlu.md',
      '02-keji.md',
      '03-tuiyijunren.md',
      '04-shenpi.md',
    ]);
  });
});

describe('the folder', () => {
  it('issue/no-folder: a folder that does not exist', async () => {
    const dir = fixture('does-not-exist');
    const { issue, diagnostics } = await loadIssue(dir);
    expect(issue).toBeUndefined();
    expect(diagnostics).toMatchObject([{ file: dir, rule: 'issue/no-folder', severity: 'error', start: { line: 1, column: 1 } }]);
  });

  it('issue/no-folder: a file given where a folder is expected', async () => {
    const file = path.join(fixture('issue-07'), 'issue.yaml');
    const { diagnostics } = await loadIssue(file);
    expect(diagnostics.map((d) => d.rule)).toEqual(['issue/no-folder']);
  });

  it('issue/no-issue-yaml: a folder without issue.yaml', async () => {
    const { issue, diagnostics } = await load('no-issue-yaml');
    expect(issue).toBeUndefined();
    expect(diagnostics).toMatchObject([{ file: fixture('no-issue-yaml'), rule: 'issue/no-issue-yaml', severity: 'error' }]);
  });

  it('issue/no-items: a folder with only drafts', async () => {
    const { issue, diagnostics, skipped } = await load('no-items');
    expect(issue).toBeUndefined();
    expect(diagnostics).toMatchObject([{ file: fixture('no-items'), rule: 'issue/no-items', severity: 'error', args: { drafts: 1 } }]);
    expect(skipped).toEqual([path.join(fixture('no-items'), '_draft.md')]);
  });
});

describe('issue.yaml', () => {
  it('issue/bad-date: 2025-02-30 does not exist', async () => {
    const { issue, diagnostics } = await load('bad-date');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual(['issue.yaml:4:7 error issue/bad-date']);
    expect(diagnostics[0]!.args).toMatchObject({ value: '2025-02-30' });
  });

  it('issue/not-positive-integer: number 0', async () => {
    const { diagnostics } = await load('number-zero');
    expect(diagnostics.map(brief)).toEqual(['issue.yaml:2:9 error issue/not-positive-integer']);
    expect(diagnostics[0]!.args).toMatchObject({ key: 'number', value: '0' });
  });

  it('issue/unknown-key: publsher is a warning that suggests publisher', async () => {
    const { diagnostics } = await load('unknown-key');
    const [warning] = withRule(diagnostics, 'issue/unknown-key');
    expect(brief(warning!)).toBe('issue.yaml:5:1 warning issue/unknown-key');
    expect(formatMessage(warning!.rule, warning!.args, 'en')).toBe('unknown key `publsher`, did you mean `publisher`?');
    // …and since publisher is then missing, that is an error of its own.
    expect(withRule(diagnostics, 'issue/required').map(brief)).toEqual(['issue.yaml:1:1 error issue/required']);
  });

  it('issue/yaml-syntax: an unclosed list is reported at its opening bracket', async () => {
    const { issue, diagnostics } = await load('issue-yaml-syntax');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual(['issue.yaml:8:6 error issue/yaml-syntax']);
  });
});

describe('encoding', () => {
  it('encoding/not-utf8: a GBK file names the encoding and the iconv command', async () => {
    const { issue, diagnostics } = await load('gbk-file');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:2:8 error encoding/not-utf8']);
    const file = path.join(fixture('gbk-file'), '01-keji.md');
    expect(diagnostics[0]!.file).toBe(file);
    const en = formatMessage('encoding/not-utf8', diagnostics[0]!.args, 'en');
    expect(en).toContain('GBK/GB18030');
    expect(en).toContain(`iconv -f GB18030 -t UTF-8 ${file} > ${file}.utf8 && mv ${file}.utf8 ${file}`);
  });

  it('a BOM and CRLF line endings are accepted, with the right line numbers', async () => {
    const { issue, diagnostics } = await load('bom-crlf');
    expect(issue).toBeDefined();
    // The one warning (an unknown key on line 4) lands on line 4.
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:4:1 warning frontmatter/unknown-key']);
    const item = issue!.items[0]!;
    const source = issue!.sources[item.file]!;
    expect(source.includes('\r')).toBe(false);
    expect(source.startsWith('---\n')).toBe(true); // BOM stripped
    expect(item.title?.at).toMatchObject({ line: 2, column: 8, offset: 11 });
    expect(item.paragraphs.map((p) => p.at.line)).toEqual([6, 9]);
    expect(item.paragraphs[0]!.inlines[0]!.text).toBe('一是实施高企三年倍增计划，持续完善培育体系。');
  });
});

describe('item front matter', () => {
  it('frontmatter/required: an item without a title', async () => {
    const { issue, diagnostics } = await load('missing-title');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual([
      '01-no-title.md:1:1 error frontmatter/required', // no title line at all: at the block
      '02-empty-title.md:2:7 error frontmatter/required', // `title:` with nothing after it
    ]);
    expect(formatMessage('frontmatter/required', diagnostics[0]!.args, 'en')).toMatch(/^`title` is required for an item/);
  });

  it('frontmatter/required: an item without a department', async () => {
    const { diagnostics } = await load('missing-department');
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:1:1 error frontmatter/required']);
    expect(diagnostics[0]!.args).toMatchObject({ key: 'department' });
  });

  it('frontmatter/missing: a file without the --- block', async () => {
    const { diagnostics } = await load('missing-frontmatter');
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:1:1 error frontmatter/missing']);
  });

  it('frontmatter/yaml-syntax: an unclosed quote is reported at the quote, in file coordinates', async () => {
    const { diagnostics } = await load('frontmatter-yaml-syntax');
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:2:8 error frontmatter/yaml-syntax']);
  });

  it('frontmatter/fullwidth-colon: `department：` shows the fixed line', async () => {
    const { diagnostics } = await load('fullwidth-colon');
    expect(diagnostics.map(brief)).toEqual(['01-fagaiwei.md:3:11 error frontmatter/fullwidth-colon']);
    expect(diagnostics[0]!.args).toEqual({ fixed: 'department: 区发改委' });
  });

  it('item/kind: a misspelt kind suggests the nearest one', async () => {
    const { diagnostics } = await load('kind-typo');
    expect(diagnostics.map(brief)).toEqual(['01-jianxun.md:3:7 error item/kind']);
    expect(diagnostics[0]!.args).toEqual({ value: 'breif', suggestion: 'brief' });
  });

  it('item/duplicate-order: two items with one order name both files, at the second file’s order line', async () => {
    const { issue, diagnostics } = await load('duplicate-order');
    expect(issue).toBeUndefined();
    // The brief with order 2 is another kind, so it does not clash.
    expect(diagnostics.map(brief)).toEqual(['02-keji.md:4:8 error item/duplicate-order']);
    const first = path.join(fixture('duplicate-order'), '01-fagaiwei.md');
    const second = path.join(fixture('duplicate-order'), '02-keji.md');
    expect(diagnostics[0]!.file).toBe(second);
    expect(diagnostics[0]!.args).toEqual({ order: 2, file: second, other: first });
  });
});

describe('item body', () => {
  it('item/empty-body: front matter and nothing else', async () => {
    const { diagnostics } = await load('empty-body');
    expect(diagnostics.map(brief)).toEqual(['01-keji.md:4:1 error item/empty-body']);
  });

  it('markdown/unsupported: a heading, a link and a code block, each at its line', async () => {
    const { issue, diagnostics } = await load('unsupported-markdown');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual([
      '01-keji.md:5:1 error markdown/unsupported',
      '01-keji.md:7:3 error markdown/unsupported',
      '01-keji.md:9:1 error markdown/unsupported',
    ]);
    expect(diagnostics.map((d) => d.args.construct)).toEqual(['heading', 'link', 'code block']);
  });

  it('item/attribution-duplicated: a trailing （department） is taken out and warned about', async () => {
    const { issue, diagnostics } = await load('attribution-duplicated');
    expect(issue).toBeDefined();
    expect(diagnostics.map(brief)).toEqual([
      '01-zhongxinlu.md:7:23 warning item/attribution-duplicated',
      '02-keji.md:5:17 warning item/attribution-duplicated', // ASCII parentheses too
    ]);
    const [zhongxinlu, keji] = issue!.items;
    expect(zhongxinlu!.paragraphs.at(-1)!.inlines.at(-1)!.text).toBe('去年以来，推进各类民生实事100余项（件）。');
    expect(keji!.paragraphs.at(-1)!.inlines.at(-1)!.text).toBe('力争新培育高新技术企业15家。');
  });
});

describe('all problems in one run', () => {
  it('reports the problems of every file, not just the first', async () => {
    const { issue, diagnostics } = await load('many-problems');
    expect(issue).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual([
      'issue.yaml:2:9 error issue/not-positive-integer',
      'issue.yaml:3:7 error issue/bad-date',
      '02-keji.md:5:1 error markdown/unsupported',
      // said once the items are ordered (the message names the kind: here the lead, 头条)
      '01-fagaiwei.md:1:1 error frontmatter/required',
    ]);
  });
});
