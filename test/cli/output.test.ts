// output/write-failed: the PDF's path cannot be written. Nothing is written,
// the message names the path, and there is no stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tmpDir } from '../helpers/cli.js';

function expectWriteFailed(out: string) {
  const r = bulletin(['build', 'examples/issue-07', '-o', out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${out}:1:1: error: cannot write \`${out}\``);
  expect(r.stderr).toContain('[output/write-failed]');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(out)).toBe(false);
  return r;
}

describe('output/write-failed', () => {
  it('-o into a folder that does not exist', () => {
    expect(expectWriteFailed(path.join(tmpDir(), 'no-such-folder', 'x.pdf')).stderr).toContain('(ENOENT)');
  });

  it('-o under a path that is a file, not a folder', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expectWriteFailed(path.join(dir, 'file', 'x.pdf'));
  });

  it.skipIf(process.getuid?.() === 0)('-o into a read-only folder (not testable as root, who may write anywhere)', () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o555);
    expectWriteFailed(path.join(dir, 'x.pdf'));
  });

  it('in Chinese', () => {
    const out = path.join(tmpDir(), 'no-such-folder', 'x.pdf');
    expect(bulletin(['build', 'examples/issue-07', '-o', out, '--lang', 'zh']).stderr).toContain(`错误: 无法写入 \`${out}\``);
  });
});
