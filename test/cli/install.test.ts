// The everyday install: the packed tarball installed globally by root, and
// `bulletin build` run by an ordinary user on an issue folder elsewhere. The
// user cannot write the install folder, and nothing is written there.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, root, tmpDir } from '../helpers/cli.js';

const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((f) => fs.existsSync(f));
const skip = process.getuid?.() !== 0 ? 'needs root (installs globally, then runs as nobody)' : !runuser ? 'needs runuser (util-linux)' : undefined;

/** A temporary folder that the user nobody may enter (mkdtemp makes it 0700). */
function openDir(): string {
  const dir = tmpDir();
  fs.chmodSync(dir, 0o755);
  // the run's own TMPDIR (test/global-setup.ts), never /tmp itself
  if (path.basename(os.tmpdir()).startsWith('bulletin-run-')) fs.chmodSync(os.tmpdir(), 0o755);
  return dir;
}

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe.skipIf(!!skip)(`npm pack, a global install by root, a build by nobody${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('build exits 0 and writes the PDF beside the folder, verify reads it, nothing is written into the install folder', () => {
    const pack = openDir();
    // dist/ is built by the suite's global setup; the tarball's own `prepare` is not run again
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', pack], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const prefix = path.join(pack, 'prefix');
    execFileSync('npm', ['install', '-g', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(pack, tarball)], { stdio: 'pipe' });
    const installed = path.join(prefix, 'lib/node_modules/bulletin');
    expect(listing(path.join(installed, 'dist'))).toEqual(['bulletin.cjs', 'mammoth.cjs']);
    const before = listing(installed);

    const work = openDir();
    fs.cpSync(example, path.join(work, 'issue-07'), { recursive: true });
    execFileSync('chown', ['-R', 'nobody', work]);
    const asNobody = (...args: string[]) => spawnSync(runuser!, ['-u', 'nobody', '--', 'env', `PATH=${path.dirname(process.execPath)}:/usr/bin:/bin`, 'HOME=/nonexistent', 'LANG=C', path.join(prefix, 'bin/bulletin'), ...args], { cwd: work, encoding: 'utf8' });
    const r = asNobody('build', 'issue-07');
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: 'wrote issue-07.pdf (4 pages)\n' });
    const pdf = path.join(work, 'issue-07.pdf');
    expect(fs.statSync(pdf).uid).not.toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // verify loads pdfjs-dist, the one dependency the tarball installs
    const verified = asNobody('verify', 'issue-07.pdf', '--footer-bottom', '--lang', 'en');
    expect({ code: verified.status, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain('issue-07.pdf: all 13 checks hold');
    // `import` requires the .docx reader from its own bundle, dist/mammoth.cjs: here it reads the Word edition.
    expect(asNobody('build', 'issue-07', '--format', 'docx').status).toBe(0);
    fs.mkdirSync(path.join(work, 'imported'));
    execFileSync('chown', ['nobody', path.join(work, 'imported')]);
    const imported = asNobody('import', 'imported', 'issue-07.docx');
    expect({ code: imported.status, stdout: imported.stdout }).toEqual({ code: 0, stdout: expect.stringMatching(/^imported\/01-.+\.md\n$/) });
    expect(imported.stderr).toContain('issue-07.docx:1:1: note: title from paragraph 1');
    expect(listing(installed)).toEqual(before);
  }, 240_000);
});
