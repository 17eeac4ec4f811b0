// bin/bulletin.js asks Node for its compile cache (Node 22.1 and later), kept in
// the user's cache folder, never in the install folder. The cache may be
// missing, damaged or impossible to write: the build must not notice. Run on a
// copy of the package, so the suite's own files are left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, root, tmpDir } from '../helpers/cli.js';

function packageCopy(): string {
  const dir = tmpDir();
  fs.cpSync(path.join(root, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.copyFileSync(path.join(root, 'dist/bulletin.cjs'), path.join(dir, 'dist/bulletin.cjs'));
  for (const d of ['templates', 'fonts', 'data', 'node_modules']) fs.symlinkSync(path.join(root, d), path.join(dir, d));
  return dir;
}

function build(pkg: string, out: string, cache: string) {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '1737331200', BULLETIN_CACHE_DIR: cache };
  delete env.NODE_COMPILE_CACHE;
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/bulletin.js'), 'build', example, '-o', out], { encoding: 'utf8', env });
  return { code: r.status, stderr: r.stderr };
}

const files = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);

describe('the compile cache', () => {
  it('is made in the cache folder by the first run and used by the next; the install folder is not written; the PDF is the same', () => {
    const pkg = packageCopy();
    const cache = path.join(tmpDir(), 'cache');
    const pdfs = [1, 2].map((n) => path.join(tmpDir(), `out-${n}.pdf`));
    const before = files(pkg);

    expect(build(pkg, pdfs[0]!, cache)).toEqual({ code: 0, stderr: `wrote ${pdfs[0]} (4 pages)\n` });
    const made = files(path.join(cache, 'compile'));
    if (module.enableCompileCache) expect(made.length).toBeGreaterThan(0);
    else expect(made).toEqual([]); // Node 20: no compile cache
    expect(build(pkg, pdfs[1]!, cache)).toEqual({ code: 0, stderr: `wrote ${pdfs[1]} (4 pages)\n` });
    expect(files(path.join(cache, 'compile'))).toEqual(made);

    expect(files(pkg)).toEqual(before);
    expect(fs.readFileSync(pdfs[1]!).equals(fs.readFileSync(pdfs[0]!))).toBe(true);
  });

  it('a cache folder that cannot be made costs only time: nothing on stderr but the build line', () => {
    const pkg = packageCopy();
    // under a file, a folder cannot be made, even by root
    const file = path.join(tmpDir(), 'a-file');
    fs.writeFileSync(file, '');
    const out = path.join(tmpDir(), 'out.pdf');
    expect(build(pkg, out, path.join(file, 'cache'))).toEqual({ code: 0, stderr: `wrote ${out} (4 pages)\n` });
    expect(fs.statSync(file).isFile()).toBe(true);
  });
});
