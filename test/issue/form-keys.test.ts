// issue.yaml's keys for the parts of the 简报 form (issue 20), read and refused at their place.
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { readIssueYaml } from '../../src/issue/issue-yaml.js';
import { SourceText } from '../../src/issue/source.js';

const BASE = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n';

function read(text: string) {
  const diags = new Diagnostics();
  const header = readIssueYaml(new SourceText('issue-07/issue.yaml', text), diags);
  return { header, diagnostics: diags.list, at: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.rule}`) };
}

describe('the 简报 form keys of issue.yaml', () => {
  it('reads every key with its value and place', () => {
    const r = read(`${BASE}classification: 秘密★1年\ncopyNumber: 123\nseries: 防汛专刊\nsignOff: {签发: 张三, 审核: 李四, 校对: 王五}\nbriefMarker: ◆\nextraDistribution: [区人大办公室, 区政协办公室]\n`);
    expect(r.diagnostics).toEqual([]);
    const h = r.header!;
    expect(h.classification?.value).toBe('秘密★1年');
    expect(h.classification?.at.line).toBe(5);
    expect(h.copyNumber?.value).toBe('000123');
    expect(h.series?.value).toBe('防汛专刊');
    expect(h.signOff?.map((e) => [e.label, e.name, e.at.line])).toEqual([['签发', '张三', 8], ['审核', '李四', 8], ['校对', '王五', 8]]);
    expect(h.briefMarker?.value).toBe('◆');
    // Written as a list: one line, its label left to the template (本期增发).
    expect(h.extraDistribution).toEqual([{ label: '', recipients: ['区人大办公室', '区政协办公室'], at: expect.objectContaining({ line: 10 }) }]);
  });

  it('copyNumber: digits kept as written, quoted or not, and padded to six', () => {
    expect(read(`${BASE}copyNumber: "000123"\n`).header?.copyNumber?.value).toBe('000123');
    expect(read(`${BASE}copyNumber: 000123\n`).header?.copyNumber?.value).toBe('000123');
    expect(read(`${BASE}copyNumber: 7\n`).header?.copyNumber?.value).toBe('000007');
  });

  it('issue/copy-number: more than six digits, letters, zero, a negative number, at the value', () => {
    for (const bad of ['1234567', 'A123', '0', '-12', '"12 3"', '1.5']) {
      expect(read(`${BASE}copyNumber: ${bad}\n`).at).toEqual(['5:13 issue/copy-number']);
    }
    const d = read(`${BASE}copyNumber: 1234567\n`).diagnostics[0]!;
    expect(formatMessage(d.rule, d.args, 'en')).toContain('1 to 6 digits');
    expect(formatMessage(d.rule, d.args, 'zh')).toContain('份号');
  });

  it('issue/brief-marker: not one visible character', () => {
    expect(read(`${BASE}briefMarker: ◆◆\n`).at).toEqual(['5:14 issue/brief-marker']);
    expect(read(`${BASE}briefMarker: "　"\n`).at).toEqual(['5:15 issue/brief-marker']);
    expect(read(`${BASE}briefMarker: "\\u200b"\n`).at).toEqual(['5:15 issue/brief-marker']);
    expect(read(`${BASE}briefMarker: ★\n`).header?.briefMarker?.value).toBe('★');
    const d = read(`${BASE}briefMarker: ◆◆\n`).diagnostics[0]!;
    expect(formatMessage(d.rule, d.args, 'zh')).toContain('一个可见字符');
  });

  it('issue/one-line: a classification or series written over two lines (a literal block)', () => {
    expect(read(`${BASE}classification: |\n  内部资料\n  注意保存\n`).at).toEqual(['6:3 issue/one-line']);
    expect(read(`${BASE}series: |\n  防汛\n  专刊\n`).at).toEqual(['6:3 issue/one-line']);
  });

  it('issue/type: a sign-off that is not a map of names, at the value', () => {
    expect(read(`${BASE}signOff: 张三\n`).at).toEqual(['5:10 issue/type']);
    expect(read(`${BASE}signOff:\n  签发: [张三, 李四]\n`).at).toEqual(['6:7 issue/type']);
    expect(read(`${BASE}classification: [内部资料]\n`).at).toEqual(['5:17 issue/type']);
  });

  it('issue/series-and-supplement: both a 增刊 and a named series', () => {
    const r = read(`${BASE}supplement: true\nseries: 防汛专刊\n`);
    expect(r.at).toEqual(['6:9 issue/series-and-supplement']);
    expect(formatMessage(r.diagnostics[0]!.rule, r.diagnostics[0]!.args, 'zh')).toContain('防汛专刊');
  });

  it('a misspelt key names the nearest of the new keys', () => {
    const r = read(`${BASE}copynumber: 12\n`);
    expect(r.at).toEqual(['5:1 issue/unknown-key']);
    expect(r.diagnostics[0]!.args.suggestion).toBe('copyNumber');
  });
});
