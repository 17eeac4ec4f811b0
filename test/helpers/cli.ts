// Run the CLI as a user would, and read PDFs back with poppler and `bulletin verify`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { need } from './system.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const example = path.join(root, 'examples/issue-07');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function bulletin(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, LANG: 'C', ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test file (test/helpers/setup.ts). */
export function tmpDir(prefix = 'bulletin-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the installed package (bin, the bundle); templates/ copied when `ownTemplates`, else linked like fonts/, data/ and node_modules/. */
export function packageCopy(ownTemplates = false): string {
  const dir = tmpDir();
  fs.cpSync(path.join(root, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.copyFileSync(path.join(root, 'dist/bulletin.cjs'), path.join(dir, 'dist/bulletin.cjs'));
  if (ownTemplates) fs.cpSync(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  for (const d of ['templates', 'fonts', 'data', 'node_modules']) if (!(ownTemplates && d === 'templates')) fs.symlinkSync(path.join(root, d), path.join(dir, d));
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A copy of the example issue folder in a fresh temporary directory. */
export function copyExample(): { dir: string; folder: string } {
  const dir = tmpDir();
  const folder = path.join(dir, 'issue-07');
  fs.cpSync(example, folder, { recursive: true });
  return { dir, folder };
}

export function pdfText(file: string): string {
  need('poppler-utils');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfFonts(file: string): string[][] {
  need('poppler-utils');
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
}

export function pdfInfo(file: string): Record<string, string> {
  need('poppler-utils');
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1).trim()];
  }));
}

/** Text with page numbers (— 3 —) and all white space removed, as `bulletin verify` compares. */
export function flatText(text: string): string {
  return text.split('\n').filter((l) => !/^\s*[—–-]\s*\d+\s*[—–-]\s*$/.test(l)).join('').replace(/\s+/g, '');
}

/** Each line (white space ignored) occurs in `flat`, after the one before it; returns the first that does not. */
export function firstMissingInOrder(flat: string, lines: string[]): string | undefined {
  let at = 0;
  for (const line of lines) {
    const want = line.replace(/\s+/g, '');
    const found = flat.indexOf(want, at);
    if (found < 0) return line;
    at = found + want.length;
  }
  return undefined;
}

export interface Audit {
  figures: { pages: number; bodyLines: number; charsPerFullLine: number | null; bodyLinesPerFullPage: number };
  /** The findings' messages, by check id (not notes or warnings, which do not fail a check). */
  violations: Record<string, string[]>;
}

/**
 * `bulletin verify --json` on a PDF; by default for the default template with the footer on the bottom edge
 * (its page numbers outside). Other flags (`--template NAME`, `--breaks` …) are passed on.
 */
export function verifyPdf(pdf: string, args: string[] = ['--footer-bottom']): Audit {
  const r = bulletin(['verify', pdf, '--json', '--lang', 'en', ...args]);
  if (r.code === 2 || !r.stdout) throw new Error(`bulletin verify ${pdf}: exit ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { figures: Audit['figures']; checks: Array<{ id: string; findings: Array<{ page?: number; severity?: string; message: string }> }> };
  return {
    figures: report.figures,
    violations: Object.fromEntries(report.checks.map((c) => [c.id, c.findings.filter((f) => !f.severity).map((f) => `${f.page ? `p${f.page}: ` : ''}${f.message}`)])),
  };
}

/** Each image in a PDF as `pdfimages -list` gives it: page, size in pixels, resolution as placed. */
export function pdfImages(pdf: string): Array<{ page: number; width: number; height: number; xppi: number; yppi: number }> {
  need('poppler-utils');
  const out = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image').map((c) => ({
    page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), xppi: Number(c[12]), yppi: Number(c[13]),
  }));
}

/** Text of one page (1-based). */
export function pdfPageText(file: string, page: number): string {
  need('poppler-utils');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}
