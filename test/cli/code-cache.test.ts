// bin/bulletin.js compiles the bundle with a V8 code cache beside it. The
// cache may be missing, damaged or made by another Node: the build must not
// notice, and the cache is then made anew. Run on a copy of the package, so
// the suite's own cache is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

function build(pkg: string, out: string) {
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/bulletin.js'), 'build', example, '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '1737331200' },
  });
  return { code: r.status, stderr: r.stderr };
}

describe('code cache', () => {
  it('is made by the first run, kept by the next, and remade when damaged; the PDF is the same every time', () => {
    const pkg = packageCopy();
    const cache = path.join(pkg, 'dist/bulletin.cjs.cache');
    const pdfs = [1, 2, 3].map((n) => path.join(pkg, `out-${n}.pdf`));

    expect(build(pkg, pdfs[0]!)).toMatchObject({ code: 0 });
    const made = fs.readFileSync(cache);
    // Keyed to this Node and this bundle: the first line names the Node version and the bundle's size.
    const keyLine = made.toString('utf8', 0, made.indexOf(10));
    expect(keyLine.startsWith(`${process.version} ${process.arch}`)).toBe(true);
    expect(keyLine).toContain(` ${fs.statSync(path.join(pkg, 'dist/bulletin.cjs')).size} `);
    expect(made.length).toBeGreaterThan(100_000); // the compiled functions of a whole build, not just the top level

    const before = fs.statSync(cache).mtimeMs;
    expect(build(pkg, pdfs[1]!)).toMatchObject({ code: 0 });
    expect(fs.statSync(cache).mtimeMs).toBe(before); // used, not rewritten

    // A damaged cache under the right key: V8 refuses it, the build goes on, the cache is made again.
    fs.writeFileSync(cache, Buffer.concat([Buffer.from(`${keyLine}\n`), Buffer.alloc(5000, 7)]));
    const damaged = build(pkg, pdfs[2]!);
    expect(damaged).toMatchObject({ code: 0 });
    expect(damaged.stderr).not.toMatch(/error|at /i);
    expect(fs.readFileSync(cache).length).toBeGreaterThan(100_000);

    const bytes = pdfs.map((p) => fs.readFileSync(p));
    expect(bytes[1]!.equals(bytes[0]!)).toBe(true);
    expect(bytes[2]!.equals(bytes[0]!)).toBe(true);
    expect(fs.readdirSync(path.join(pkg, 'dist')).sort()).toEqual(['bulletin.cjs', 'bulletin.cjs.cache']); // no temporary file left
  });

  it('a cache that can be neither read nor written costs only time', () => {
    const pkg = packageCopy();
    // A folder where the cache file should be: reading it fails, and so does renaming a file over it (even for root).
    fs.mkdirSync(path.join(pkg, 'dist/bulletin.cjs.cache'));
    const r = build(pkg, path.join(pkg, 'out.pdf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^wrote .*out\.pdf \(4 pages\)\n$/);
    expect(fs.readdirSync(path.join(pkg, 'dist')).sort()).toEqual(['bulletin.cjs', 'bulletin.cjs.cache']);
    expect(fs.statSync(path.join(pkg, 'dist/bulletin.cjs.cache')).isDirectory()).toBe(true);
  });
});
