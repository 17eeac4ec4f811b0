// The reproductions of issue 15, each a copy of the example with one thing
// wrong: every one is an error with its own rule id at a place, from `check`
// (the same run `build` makes), and `build` writes nothing for any of them.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, root, tmpDir } from '../helpers/cli.js';
import { mkfifo, png } from './generate.js';

const FRONT = '---\ntitle: 标题\ndepartment: 区科技局\n---\n';

/** Folder name → what to do to a copy of the example, and the rule and place (`file:line`) expected. */
const CASES: Record<string, [(dir: string) => void, string, string]> = {
  'dangling-link': [(d) => fs.symlinkSync('/nonexistent/x.md', path.join(d, '09-a.md')), 'issue/unreadable', 'dangling-link:1'],
  'link-loop': [(d) => fs.symlinkSync('09-a.md', path.join(d, '09-a.md')), 'issue/unreadable', 'link-loop:1'],
  'link-to-folder': [(d) => fs.symlinkSync('/tmp', path.join(d, '09-a.md')), 'issue/unreadable', 'link-to-folder:1'],
  'link-to-zero': [(d) => fs.symlinkSync('/dev/zero', path.join(d, '09-a.md')), 'issue/unreadable', 'link-to-zero:1'],
  fifo: [(d) => mkfifo(path.join(d, '09-a.md')), 'issue/unreadable', 'fifo:1'],
  'folder-named-md': [(d) => fs.mkdirSync(path.join(d, '09-a.md')), 'issue/unreadable', 'folder-named-md:1'],
  'issue-yaml-fifo': [(d) => replace(d, 'issue.yaml', (p) => mkfifo(p)), 'issue/unreadable', 'issue-yaml-fifo:1'],
  'issue-yaml-zero': [(d) => replace(d, 'issue.yaml', (p) => fs.symlinkSync('/dev/zero', p)), 'issue/unreadable', 'issue-yaml-zero:1'],
  'image-zero': [(d) => item(d, '正文。\n\n![现场](/dev/zero)'), 'image/unreadable', '09-a.md:7'],
  'image-urandom': [(d) => item(d, '正文。\n\n![现场](/dev/urandom)'), 'image/unreadable', '09-a.md:7'],
  'image-fifo': [(d) => (mkfifo(path.join(d, 'a.png')), item(d, '正文。\n\n![现场](a.png)')), 'image/unreadable', '09-a.md:7'],
  'image-pixels': [(d) => (fs.writeFileSync(path.join(d, 'a.png'), png(20000, 20000)), item(d, '正文。\n\n![现场](a.png)')), 'image/too-large', '09-a.md:7'],
  'font-fifo': [(d) => (mkfifo(path.join(d, 'f.ttf')), fs.appendFileSync(path.join(d, 'issue.yaml'), 'fonts:\n  body: f.ttf\n')), 'font/unreadable', 'issue.yaml:13'],
  'font-cut': [(d) => (fs.writeFileSync(path.join(d, 'f.otf'), fs.readFileSync(path.join(root, 'fonts/FandolFang-Regular.otf')).subarray(0, 3_000_000)), fs.appendFileSync(path.join(d, 'issue.yaml'), 'fonts:\n  body: f.otf\n')), 'font/unreadable', 'issue.yaml:13'],
  'template-zero': [(d) => fs.appendFileSync(path.join(d, 'issue.yaml'), 'template: /dev/zero\n'), 'template/unreadable', 'issue.yaml:12'],
  'extends-zero': [(d) => template(d, 'extends: /dev/zero\n'), 'template/unreadable', 't.yaml:1'],
  'grid-zero': [(d) => template(d, 'extends: default\ngrid: {chars: 0, lines: 0}\n'), 'template/invalid', 't.yaml:2'],
  'grid-negative': [(d) => template(d, 'extends: default\ngrid: {chars: -5, lines: -3}\n'), 'template/invalid', 't.yaml:2'],
  'deep-list': [(d) => item(d, '- '.repeat(10_000) + 'a'), 'markdown/too-complex', '09-a.md:5'],
  'deep-quote': [(d) => item(d, '>'.repeat(10_000) + ' a'), 'markdown/too-complex', '09-a.md:5'],
  'deep-emphasis': [(d) => item(d, '*a '.repeat(10_000) + 'b'), 'markdown/too-complex', '09-a.md:5'],
  brackets: [(d) => item(d, '['.repeat(100_000)), 'markdown/too-complex', '09-a.md:5'],
  definitions: [(d) => item(d, Array.from({ length: 20_000 }, (_, i) => `[d${i}]: /u${i}`).join('\n')), 'markdown/too-complex', '09-a.md:105'],
  'yaml-deep': [(d) => fs.appendFileSync(path.join(d, 'issue.yaml'), `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), 'issue/yaml-syntax', 'issue.yaml:12'],
  'yaml-two-documents': [(d) => fs.appendFileSync(path.join(d, 'issue.yaml'), '---\nx: 1\n'), 'issue/yaml-syntax', 'issue.yaml:12'],
  'number-too-large': [(d) => edit(d, 'issue.yaml', (t) => t.replace('number: 7', 'number: 99999999999999999999999')), 'issue/not-positive-integer', 'issue.yaml:3'],
};

function replace(d: string, name: string, make: (p: string) => void): void {
  fs.rmSync(path.join(d, name));
  make(path.join(d, name));
}
function edit(d: string, name: string, change: (t: string) => string): void {
  fs.writeFileSync(path.join(d, name), change(fs.readFileSync(path.join(d, name), 'utf8')));
}
function item(d: string, body: string): void {
  fs.writeFileSync(path.join(d, '09-a.md'), FRONT + body + '\n');
}
function template(d: string, text: string): void {
  fs.writeFileSync(path.join(d, 't.yaml'), text);
  fs.appendFileSync(path.join(d, 'issue.yaml'), 'template: ./t.yaml\n');
}
let work: string;
beforeAll(() => {
  work = tmpDir();
  for (const [name, [make]] of Object.entries(CASES)) {
    fs.cpSync(example, path.join(work, name), { recursive: true });
    make(path.join(work, name));
  }
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'C' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the reproductions of issue 15', () => {
  it('check: each is an error with its rule at its place', () => {
    const r = run(['check', '--json', ...Object.keys(CASES)]);
    expect(r.code, r.stderr).toBe(1);
    const found = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
    for (const [name, [, rule, place]] of Object.entries(CASES)) {
      const mine = found.filter((d) => d.file === name || d.file.startsWith(`${name}/`));
      const errors = mine.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${path.basename(d.file)}:${d.line}`);
      expect(errors, name).toContain(`${rule} ${place}`);
      for (const d of mine) expect(d.column, `${name}: ${d.message}`).toBeGreaterThanOrEqual(1);
    }
  }, 150_000);

  it('build: exit 1, no PDF for any of them, no internal error', () => {
    const r = run(['build', ...Object.keys(CASES)]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    for (const name of Object.keys(CASES)) expect(fs.existsSync(path.join(work, `${name}.pdf`)), name).toBe(false);
  }, 150_000);
});
