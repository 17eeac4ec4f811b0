// bin/bulletin.js compiles the bundle with a V8 code cache kept in the user's
// cache folder (BULLETIN_CACHE_DIR here), never in the install folder. The
// cache may be missing, damaged, made by another Node or impossible to write:
// the build must not notice, and the cache is then made anew. Run on a copy of
// the package, so the suite's own files are left alone.
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

function build(pkg: string, out: string, cache: string) {
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/bulletin.js'), 'build', example, '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '1737331200', BULLETIN_CACHE_DIR: cache },
  });
  return { code: r.status, stderr: r.stderr };
}

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('code cache', () => {
  it('is made by the first run in the cache folder, kept by the next, remade when damaged; the PDF is the same every time', () => {
    const pkg = packageCopy();
    const cacheDir = path.join(tmpDir(), 'cache'); // made by the first run
    const pdfs = [1, 2, 3].map((n) => path.join(tmpDir(), `out-${n}.pdf`));
    const installed = listing(pkg);

    expect(build(pkg, pdfs[0]!, cacheDir)).toEqual({ code: 0, stderr: `wrote ${pdfs[0]} (4 pages)\n` });
    const [name, ...others] = fs.readdirSync(cacheDir);
    expect(others).toEqual([]);
    expect(name).toMatch(/^code-[0-9a-f]{8}\.cache$/);
    const cache = path.join(cacheDir, name!);
    const made = fs.readFileSync(cache);
    // Keyed to this Node and this bundle: the first line names the Node version, the bundle and its size.
    const keyLine = made.toString('utf8', 0, made.indexOf(10));
    const bundle = path.join(pkg, 'dist/bulletin.cjs');
    expect(keyLine.startsWith(`${process.version} ${process.arch} ${bundle} ${fs.statSync(bundle).size} `)).toBe(true);
    expect(made.length).toBeGreaterThan(100_000); // the compiled functions of a whole build, not just the top level

    const before = fs.statSync(cache).mtimeMs;
    expect(build(pkg, pdfs[1]!, cacheDir).code).toBe(0);
    expect(fs.statSync(cache).mtimeMs).toBe(before); // used, not rewritten

    // A damaged cache under the right key: V8 refuses it, the build goes on, the cache is made again.
    fs.writeFileSync(cache, Buffer.concat([Buffer.from(`${keyLine}\n`), Buffer.alloc(5000, 7)]));
    expect(build(pkg, pdfs[2]!, cacheDir)).toEqual({ code: 0, stderr: `wrote ${pdfs[2]} (4 pages)\n` });
    expect(fs.readFileSync(cache).length).toBeGreaterThan(100_000);

    const bytes = pdfs.map((p) => fs.readFileSync(p));
    expect(bytes[1]!.equals(bytes[0]!)).toBe(true);
    expect(bytes[2]!.equals(bytes[0]!)).toBe(true);
    expect(fs.readdirSync(cacheDir)).toEqual([name]); // no temporary file left
    expect(listing(pkg)).toEqual(installed); // nothing written into the install folder
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
