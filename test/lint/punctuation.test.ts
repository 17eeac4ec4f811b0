import { describe, expect, it } from 'vitest';
import { body, fm, lint } from './helpers.js';

describe('lint/halfwidth-punctuation', () => {
  it('a half-width comma between Chinese characters, even across a line break', () => {
    expect(body('推进工作,\n落实责任。\n').at).toEqual(['5:5-6 lint/halfwidth-punctuation']);
  });

  it('is found after **strong** runs, at the character in the source', () => {
    expect(body('**一是**加强领导;落实责任。\n').at).toEqual(['5:11-12 lint/halfwidth-punctuation']);
  });

  it('leaves marks among Latin text and numbers alone', () => {
    expect(body('时间为10:30，比例1:3。参加 China Hi-Tech Fair, 2025 展会。增长(7.8%)。共1,200人。\n').at).toEqual([]);
  });

  it('a half-width comma between a number (or %) and Chinese, on either side, and --fix makes it full-width', () => {
    const r = body('增长6.8%,高于全市。安全,9月25日开始;3项完成,2项在建。\n');
    expect(r.at).toEqual(['5:7-8 lint/halfwidth-punctuation', '5:15-16 lint/halfwidth-punctuation', '5:23-24 lint/halfwidth-punctuation', '5:28-29 lint/halfwidth-punctuation']);
    expect(r.fixes.map((f) => [f.old, f.text])).toEqual([[',', '，'], [',', '，'], [';', '；'], [',', '，']]);
  });

  it('ASCII parentheses go as a pair, one warning for both', () => {
    const r = body('镇(街道)试点。\n');
    expect(r.at).toEqual(['5:2-6 lint/halfwidth-punctuation']);
    expect(r.fixes.map((f) => [f.old, f.text, f.column])).toEqual([['(', '（', 2], [')', '）', 5]]);
  });
});

describe('lint/ascii-quotes', () => {
  it('quotes around Chinese, paired in order', () => {
    expect(body('以"十联"推动，整合"小板凳"资源。\n').at).toEqual(['5:2-6 lint/ascii-quotes', '5:11-16 lint/ascii-quotes']);
  });

  it('quotes around English words among English words are left alone', () => {
    expect(body('参加 "China Hi-Tech Fair" 展会。\n').at).toEqual([]);
  });

  it('an odd quote is reported but not fixed', () => {
    const r = body('以"十联推动。\n');
    expect(r.at).toEqual(['5:2-3 lint/ascii-quotes']);
    expect(r.fixes).toEqual([]);
  });
});

describe('lint/doubled-punctuation', () => {
  it('。。 and ，，, but not …… or ——', () => {
    expect(body('推进。。落实，，做到不脱销……不断档——满足需求。\n').at).toEqual(['5:3-5 lint/doubled-punctuation', '5:7-9 lint/doubled-punctuation']);
  });
});

describe('lint/fullwidth-alphanumeric', () => {
  it('one warning per run of full-width digits or letters', () => {
    const r = body('培育１５家ＡＢＣ类企业。\n');
    expect(r.at).toEqual(['5:3-5 lint/fullwidth-alphanumeric', '5:6-9 lint/fullwidth-alphanumeric']);
    expect(r.diagnostics[0]!.args).toEqual({ written: '１５', fixed: '15' });
  });

  it('a full-width run at a line break before a Latin word is reported but not fixed (the break would become a space)', () => {
    const r = body('型号ＡＢ\nCD系列。\n');
    expect(r.at).toEqual(['5:3-5 lint/fullwidth-alphanumeric']);
    expect(r.fixes).toEqual([]);
  });
});

describe('lint/space-between-chinese', () => {
  it('ASCII and ideographic spaces between Chinese characters', () => {
    expect(body('紧抓 春节，鼓励　商超。\n').at).toEqual(['5:3-4 lint/space-between-chinese', '5:9-10 lint/space-between-chinese']);
  });

  it('spaces inside a quoted slogan are its separators, not flagged; outside the quotes they still are', () => {
    expect(body('开展“迎中秋 庆国庆 话发展”主题活动。\n').at).toEqual([]);
    expect(body('开展“迎中秋 庆国庆”主题 活动。\n').at).toEqual(['5:14-15 lint/space-between-chinese']);
  });

  it('a space between Chinese and Latin is not flagged', () => {
    expect(body('参加 China 展会。\n').at).toEqual([]);
  });
});

describe('lint/unbalanced-pair', () => {
  it('an opening mark never closed, and a closing mark never opened', () => {
    expect(body('以“十联推动。\n\n组织（街道）学习）。\n').at).toEqual(['5:2-3 lint/unbalanced-pair', '7:9-10 lint/unbalanced-pair']);
  });

  it('nested and adjacent pairs are fine', () => {
    expect(body('整合“小板凳‘恳谈会’”“有事好商量”《通知》【要闻】（街道）。\n').at).toEqual([]);
  });
});

describe('titles', () => {
  it('the punctuation checks read titles too, at their place in the front matter', () => {
    expect(lint([fm('我区开展"高新技术"企业培育') + '正文。\n']).at).toEqual(['2:12-18 lint/ascii-quotes']);
  });

  it('an item\'s 编者按 is checked at its place in the front matter, and not fixed there', () => {
    const r = lint([fm().replace('---\n', '---\nnote: 做法值得借鉴,请参考。\n') + '正文。\n']);
    expect(r.at).toEqual(['2:13-14 lint/halfwidth-punctuation']);
    expect(r.fixes).toEqual([]);
  });

  it('--fix never touches the front matter', () => {
    expect(lint([fm('我区开展高新技术企业,培育攻坚行动') + '正文。\n']).fixes).toEqual([]);
  });
});

describe('switches', () => {
  it('a rule switched off is neither reported nor fixed', () => {
    const r = lint([fm() + '推进工作,落实"责任"。\n'], undefined, ['lint/halfwidth-punctuation']);
    expect(r.at).toEqual(['5:8-12 lint/ascii-quotes']);
    expect(r.fixes.map((f) => f.rule)).toEqual(['lint/ascii-quotes', 'lint/ascii-quotes']);
  });
});

describe('captions', () => {
  it('are checked like body text, at the character in the alt text', () => {
    expect(body('正文。\n\n![检查组在车间,查看设施](a.jpg)\n').at).toEqual(['7:9-10 lint/halfwidth-punctuation']);
  });
});
