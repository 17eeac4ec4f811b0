// The bundle holds templates/default.yaml as read when it was made
// (src/template/prebuilt.ts). Run on a copy of the package with its own
// templates/: the stored template gives the same PDF bytes as reading the file,
// and a changed default.yaml is always read, errors and all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, packageCopy, pdfText, tmpDir } from '../helpers/cli.js';

function build(pkg: string) {
  const out = path.join(tmpDir(), 'out.pdf');
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/bulletin.js'), 'build', example, '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '1737331200', BULLETIN_CACHE_DIR: path.join(tmpDir(), 'cache') },
  });
  return { code: r.status, stderr: r.stderr, out, pdf: r.status === 0 ? fs.readFileSync(out) : undefined };
}

/** A package copy whose templates/default.yaml is `edit` of the bundled one. */
function withDefault(edit: (text: string) => string): { pkg: string; file: string } {
  const pkg = packageCopy(true);
  const file = path.join(pkg, 'templates/default.yaml');
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return { pkg, file };
}

describe('the default template stored in the bundle', () => {
  it('gives the same PDF bytes as the file read in full (the same template with a comment added)', () => {
    const stored = build(withDefault((t) => t).pkg);
    const read = build(withDefault((t) => `${t}# 改过\n`).pkg);
    expect(stored.code).toBe(0);
    expect(read.code).toBe(0);
    expect(read.pdf!.equals(stored.pdf!)).toBe(true);
  });

  it('is not used once default.yaml is changed: the change is read (here an error, at its line)', () => {
    const { pkg, file } = withDefault((t) => t.replace(/^page:.*$/m, 'page: [unclosed'));
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('page: [unclosed')) + 1;
    expect(line).toBeGreaterThan(0);
    const r = build(pkg);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`default\\.yaml:${line}:\\d+: error: .*\\[template/invalid\\]`));
  });

  it('is not used once a value in default.yaml is changed: the PDF follows the file', () => {
    const { pkg } = withDefault((t) => t.replace(/^(\s*marker: ")△/m, '$1▲'));
    const plain = build(withDefault((t) => t).pkg);
    const changed = build(pkg);
    expect(changed.code).toBe(0);
    expect(pdfText(plain.out)).toContain('△');
    expect(pdfText(changed.out)).toContain('▲');
    expect(pdfText(changed.out)).not.toContain('△');
  });
});
