import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, root, tmpDir } from '../helpers/cli.js';

const fixture = (name: string) => path.join('test/fixtures/check', name);

describe('bulletin check examples/issue-07', () => {
  it('is clean: exit 0, no warning, no error', () => {
    const r = bulletin(['check', 'examples/issue-07']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('no problems found\n');
    expect(r.stdout).toBe('');
  });

  it('writes no PDF', () => {
    const before = fs.readdirSync(path.join(root, 'examples'));
    bulletin(['check', 'examples/issue-07']);
    expect(fs.readdirSync(path.join(root, 'examples'))).toEqual(before);
  });
});

describe('human output', () => {
  it('each diagnostic shows its source line with a caret under the column, like a compiler', () => {
    const r = bulletin(['check', fixture('halfwidth-punctuation')]);
    const file = path.join(fixture('halfwidth-punctuation'), '01-keji.md');
    expect(r.stderr).toContain(
      [
        `${file}:5:13: warning: half-width \`,\` in Chinese text; write \`，\` (in the body, \`bulletin check --fix\` does this) [lint/halfwidth-punctuation]`,
        '5 | 一是实施高企三年倍增计划,持续完善培育体系;',
        //  Twelve Chinese characters are 24 terminal columns.
        `  | ${' '.repeat(24)}^`,
      ].join('\n'),
    );
    // The parentheses (调研) are underlined from ( to ).
    expect(r.stderr).toContain(`6 | 二是深化企业科创能力评价(调研)工作。\n  | ${' '.repeat(24)}^^^^^^\n`);
    expect(r.stderr.trimEnd().endsWith('5 warnings')).toBe(true);
  });

  it('build prints its diagnostics the same way', () => {
    const r = bulletin(['build', 'test/fixtures/load/bad-date', '-o', path.join(tmpDir(), 'x.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/load/bad-date/issue.yaml:4:7: error: `date: 2025-02-30` is not a date that exists');
    expect(r.stderr).toContain('4 | date: 2025-02-30\n  |       ^^^^^^^^^^\n');
  });

  it('diagnostics without a source line (the folder itself) print one line', () => {
    const r = bulletin(['check', 'test/fixtures/load/no-items']);
    expect(r.stderr).toMatch(/^test\/fixtures\/load\/no-items:1:1: error: .* \[issue\/no-items\]\n1 error\n$/);
  });
});

describe('-v', () => {
  it('says which draft files were skipped', () => {
    const r = bulletin(['check', 'test/fixtures/load/issue-07', '-v']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped draft test/fixtures/load/issue-07/_yingji-draft.md\n');
    expect(bulletin(['check', 'test/fixtures/load/issue-07']).stderr).not.toContain('skipped');
  });
});

describe('--json', () => {
  it('prints an array of {file, line, column, endLine, endColumn, severity, rule, message} on stdout', () => {
    const r = bulletin(['check', fixture('unbalanced-pair'), '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toEqual([
      {
        file: path.join(fixture('unbalanced-pair'), '01-zhongxinlu.md'),
        line: 5,
        column: 2,
        endLine: 5,
        endColumn: 3,
        severity: 'warning',
        rule: 'lint/unbalanced-pair',
        message: '`“` has no matching `”` in this paragraph; add the missing mark or delete this one',
      },
      expect.objectContaining({ line: 7, column: 17, rule: 'lint/unbalanced-pair' }),
    ]);
    expect(r.stderr).toBe('');
  });

  it('prints [] for a clean issue', () => {
    expect(JSON.parse(bulletin(['check', 'examples/issue-07', '--json']).stdout)).toEqual([]);
  });
});

describe('exit codes', () => {
  it('0 with warnings only, 1 with --strict', () => {
    expect(bulletin(['check', fixture('doubled-punctuation')]).code).toBe(0);
    expect(bulletin(['check', fixture('doubled-punctuation'), '--strict']).code).toBe(1);
    expect(bulletin(['check', 'examples/issue-07', '--strict']).code).toBe(0);
  });

  it('1 when the input has errors', () => {
    const r = bulletin(['check', 'test/fixtures/load/many-problems']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().endsWith('4 errors')).toBe(true);
  });

  it('2 for wrong usage: no folder, a missing argument, an unknown option or language', () => {
    const missing = bulletin(['check', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`no/such/folder` is not an issue folder');
    expect(bulletin(['check']).code).toBe(2);
    expect(bulletin(['check', 'examples/issue-07', '--no-such-option']).code).toBe(2);
    expect(bulletin(['check', 'examples/issue-07', '--lang', 'fr']).code).toBe(2);
  });
});

describe('--lang', () => {
  it('zh from the flag or a Chinese LANG; English otherwise', () => {
    const zh = bulletin(['check', fixture('enumeration'), '--lang', 'zh']).stderr;
    expect(zh).toContain('01-keji.md:6:1: 警告: 此处是“三是”，但本篇按顺序应是“二是”');
    expect(zh.trimEnd().endsWith('2 个警告')).toBe(true);
    expect(bulletin(['check', fixture('enumeration')], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe(zh);
    const en = bulletin(['check', fixture('enumeration')]).stderr;
    expect(en).toContain('01-keji.md:6:1: warning: `三是` here, but `二是` comes next in this item');
    expect(bulletin(['check', fixture('enumeration'), '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe(en);
  });

  it('JSON messages follow the language too', () => {
    const [d] = JSON.parse(bulletin(['check', fixture('title-end-punctuation'), '--json', '--lang', 'zh']).stdout) as { message: string }[];
    expect(d!.message).toBe('标题末尾有“。”；标题末尾不加标点，请删去');
  });
});

describe('--fix', () => {
  const source = path.join(root, 'test/fixtures/fix/issue');
  const expected = path.join(root, 'test/fixtures/fix/expected');

  function copy(): string {
    const dir = path.join(tmpDir(), 'issue');
    fs.cpSync(source, dir, { recursive: true });
    return dir;
  }

  it('rewrites the mechanical cases to exactly the expected bytes (BOM, CRLF and front matter kept), and says what it changed', () => {
    const dir = copy();
    const r = bulletin(['check', dir, '--fix']);
    expect(r.code).toBe(0);
    for (const name of ['01-keji.md', '02-fagaiwei.md']) {
      expect(fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(path.join(expected, name))), name).toBe(true);
    }
    expect(r.stderr).toContain(`${path.join(dir, '01-keji.md')}:5:13: fixed \`,\` → \`，\` [lint/halfwidth-punctuation]`);
    expect(r.stderr).toContain(`${path.join(dir, '01-keji.md')}:6:31: fixed \`１\` → \`1\` [lint/fullwidth-alphanumeric]`);
    expect(r.stderr).toContain('fixed 11 places in 2 files');
    // What it cannot fix is still reported, after the fixes.
    expect(r.stderr).toContain('[lint/doubled-punctuation]');
    expect(r.stderr.trimEnd().endsWith('3 warnings')).toBe(true);
    // No temporary file left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['.gitattributes', '01-keji.md', '02-fagaiwei.md', 'issue.yaml']);
  });

  it('a second --fix changes nothing', () => {
    const dir = copy();
    bulletin(['check', dir, '--fix']);
    const after = fs.readdirSync(dir).map((n) => fs.readFileSync(path.join(dir, n)));
    const again = bulletin(['check', dir, '--fix']);
    expect(again.stderr).not.toContain('fixed');
    expect(fs.readdirSync(dir).map((n) => fs.readFileSync(path.join(dir, n)))).toEqual(after);
  });

  it('keeps the file’s permissions', () => {
    const dir = copy();
    const file = path.join(dir, '02-fagaiwei.md');
    fs.chmodSync(file, 0o640);
    bulletin(['check', dir, '--fix']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });
});
