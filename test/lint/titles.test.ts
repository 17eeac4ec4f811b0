import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { estimatedWidth, titleMeasure } from '../../src/lint/titles.js';
import { loadTemplate } from '../../src/template/load.js';
import { templatesDir } from '../../src/paths.js';
import { fm, lint } from './helpers.js';

const template = loadTemplate(path.join(templatesDir, 'default.yaml'), new Diagnostics())!;
const han = (n: number) => '我区推进重点项目建设'.repeat(10).slice(0, n);

describe('title measure from the template', () => {
  it('the default template: 18 lead-title characters a line (二号 on 156 mm less lead.title.narrower, 2em), 28 body cells after a 2-cell indent', () => {
    expect(titleMeasure(template)).toEqual({ leadPerLine: 18, perLine: 28, indent: 2 });
  });

  it('follows the template: a smaller lead size gives more characters a line', () => {
    const smaller = { ...template, lead: { title: { ...template.lead.title, size: 16 } } };
    expect(titleMeasure(smaller).leadPerLine).toBe(24);
  });

  it('Latin letters and digits count half', () => {
    expect(estimatedWidth('2025年AB')).toBe(3 + 1);
  });
});

describe('lint/title-too-long', () => {
  it('the lead: 36 characters fit in two lines, 37 do not', () => {
    expect(lint([fm(han(36)) + '正文。\n'], template).at).toEqual([]);
    const r = lint([fm(han(37)) + '正文。\n'], template);
    expect(r.at).toEqual(['2:8-45 lint/title-too-long']);
    expect(r.diagnostics[0]!.args).toEqual({ lines: 3, perLine: 18, over: 1 });
  });

  it('a run-in title: 54 characters after the indent fit, 55 do not', () => {
    const lead = fm() + '正文。\n';
    expect(lint([lead, fm(han(54)) + '正文。\n'], template).at).toEqual([]);
    expect(lint([lead, fm(han(55)) + '正文。\n'], template).at).toEqual(['2:8-63 lint/title-too-long']);
  });

  it('is skipped without a template', () => {
    expect(lint([fm(han(60)) + '正文。\n']).at).toEqual([]);
  });
});

describe('lint/title-end-punctuation', () => {
  it('a title ending with a mark, but not with a closing quote or book-title mark', () => {
    expect(lint([fm('我区开展培育攻坚行动。') + '正文。\n']).at).toEqual(['2:18-19 lint/title-end-punctuation']);
    expect(lint([fm('我区开展培育攻坚行动？') + '正文。\n']).at).toEqual(['2:18-19 lint/title-end-punctuation']);
    expect(lint([fm('学习《关于优化营商环境的通知》') + '正文。\n']).at).toEqual([]);
    expect(lint([fm('我区探索“十联”') + '正文。\n']).at).toEqual([]);
  });
});
