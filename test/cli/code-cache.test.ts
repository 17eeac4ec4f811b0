// bin/bulletin.js compiles the bundle with a V8 code cache kept in the user's
// cache folder (BULLETIN_CACHE_DIR here), never in the install folder. The
// cache may be missing, damaged, made by another Node or impossible to write:
// the build must not notice, and the cache is then made anew. Run on a copy of
// the package, so the suite's own files are left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, packageCopy, tmpDir } from '../helpers/cli.js';

function build(pkg: string, out: string, cache: string, env: Record<string, string> = {}, extra: string[] = []) {
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/bulletin.js'), 'build', example, '-o', out, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', SOURCE_DATE_EPOCH: '1737331200', BULLETIN_CACHE_DIR: cache, ...env },
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

  it("is a PDF build's: one made by a Word build is replaced by the next PDF build, which then stays", () => {
    const pkg = packageCopy();
    const cacheDir = path.join(tmpDir(), 'cache');
    const dir = tmpDir();
    const out = (n: number) => path.join(dir, `out-${n}.pdf`);
    const head = (file: string) => fs.readFileSync(file).toString('utf8', 0, fs.readFileSync(file).indexOf(10));

    expect(build(pkg, out(1), cacheDir, {}, ['--format', 'pdf,docx']).code).toBe(0);
    const cache = path.join(cacheDir, fs.readdirSync(cacheDir)[0]!);
    expect(head(cache).endsWith(' other')).toBe(true);
    const wordSize = fs.statSync(cache).size;

    expect(build(pkg, out(2), cacheDir).code).toBe(0);
    expect(head(cache).endsWith(' pdf')).toBe(true);
    // Without the Word writer's functions (a cache remade from the Word build's would still hold them).
    expect(fs.statSync(cache).size).toBeLessThan(wordSize);
    const made = fs.statSync(cache).mtimeMs;

    expect(build(pkg, out(3), cacheDir, {}, ['--format=pdf,docx']).code).toBe(0);
    expect(build(pkg, out(4), cacheDir).code).toBe(0);
    expect(fs.statSync(cache).mtimeMs).toBe(made); // kept by both kinds of run
    for (const n of [2, 3, 4]) expect(fs.readFileSync(out(n)).equals(fs.readFileSync(out(1)))).toBe(true);
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

  it('BULLETIN_NO_CODE_CACHE=1 neither reads nor writes a cache, and the PDF is the same bytes', () => {
    const pkg = packageCopy();
    const cacheDir = path.join(tmpDir(), 'cache');
    const [plain, cached] = [path.join(tmpDir(), 'plain.pdf'), path.join(tmpDir(), 'cached.pdf')];
    expect(build(pkg, plain, cacheDir, { BULLETIN_NO_CODE_CACHE: '1' })).toEqual({ code: 0, stderr: `wrote ${plain} (4 pages)\n` });
    expect(fs.existsSync(cacheDir)).toBe(false);
    // A damaged cache under the right key would be refused and rewritten by a run that reads it: this one leaves it.
    expect(build(pkg, cached, cacheDir).code).toBe(0);
    const [name] = fs.readdirSync(cacheDir);
    const cache = path.join(cacheDir, name!);
    const keyLine = fs.readFileSync(cache).toString('utf8').split('\n')[0];
    const damaged = Buffer.concat([Buffer.from(`${keyLine}\n`), Buffer.alloc(5000, 7)]);
    fs.writeFileSync(cache, damaged);
    expect(build(pkg, plain, cacheDir, { BULLETIN_NO_CODE_CACHE: '1' }).code).toBe(0);
    expect(fs.readFileSync(cache).equals(damaged)).toBe(true);
    expect(fs.readFileSync(plain).equals(fs.readFileSync(cached))).toBe(true);
  });

  it('a run that writes its cache removes the caches of bundles gone or changed and stale temporary files; other caches stay', () => {
    const pkg = packageCopy();
    const other = packageCopy(); // another installed copy, whose cache is still good
    const cacheDir = path.join(tmpDir(), 'cache');
    fs.mkdirSync(cacheDir);
    const key = (bundle: string, size: number, mtimeMs: number) => `${process.version} ${process.arch} ${bundle} ${size} ${mtimeMs} pdf\n`;
    const otherBundle = path.join(other, 'dist/bulletin.cjs');
    const st = fs.statSync(otherBundle);
    const put = (name: string, head: string) => fs.writeFileSync(path.join(cacheDir, name), Buffer.concat([Buffer.from(head), Buffer.alloc(100, 1)]));
    put('code-00000001.cache', key(path.join(tmpDir(), 'gone', 'dist', 'bulletin.cjs'), 123, 456)); // the bundle is gone
    put('code-00000002.cache', key(otherBundle, st.size + 1, st.mtimeMs)); // made for an earlier version of it
    put('code-00000003.cache', key(otherBundle, st.size, st.mtimeMs)); // current: kept
    put('code-00000004.cache', `v0.0.1 ${process.arch} ${otherBundle} ${st.size} ${st.mtimeMs} other\n`); // another Node, bundle current: kept
    fs.writeFileSync(path.join(cacheDir, 'font-index.json'), '{}'); // not a code cache: kept
    fs.writeFileSync(path.join(cacheDir, 'code-00000005.cache.1.tmp'), 'x');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(cacheDir, 'code-00000005.cache.1.tmp'), hoursAgo, hoursAgo); // left by a killed run
    fs.writeFileSync(path.join(cacheDir, 'code-00000006.cache.2.tmp'), 'x'); // another run may be writing it now: kept

    const out = path.join(tmpDir(), 'out.pdf');
    expect(build(pkg, out, cacheDir)).toEqual({ code: 0, stderr: `wrote ${out} (4 pages)\n` });
    const left = fs.readdirSync(cacheDir).sort();
    const own = left.filter((f) => !/^code-0000000\d/.test(f) && f !== 'font-index.json');
    expect(own).toHaveLength(1);
    expect(left.filter((f) => f !== own[0])).toEqual(['code-00000003.cache', 'code-00000004.cache', 'code-00000006.cache.2.tmp', 'font-index.json']);
  });

  it('an entry the sweep cannot read costs nothing: the build succeeds with its usual output, the rest is swept', () => {
    const pkg = packageCopy();
    const cacheDir = path.join(tmpDir(), 'cache');
    fs.mkdirSync(path.join(cacheDir, 'code-00000009.cache'), { recursive: true }); // a folder where a cache file would be
    fs.writeFileSync(path.join(cacheDir, 'code-00000008.cache'), 'not a key line\n'); // not a cache this program made
    const out = path.join(tmpDir(), 'out.pdf');
    expect(build(pkg, out, cacheDir)).toEqual({ code: 0, stderr: `wrote ${out} (4 pages)\n` });
    expect(fs.statSync(path.join(cacheDir, 'code-00000009.cache')).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(cacheDir, 'code-00000008.cache'))).toBe(false);
  });
});
