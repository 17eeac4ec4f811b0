// Run the CLI as a user would, and read PDFs back with poppler.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const example = path.join(root, 'examples/issue-07');
export const sharedTools = path.resolve(root, '../shared/tools');

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

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-test-'));
}

/** A copy of the example issue folder in a fresh temporary directory. */
export function copyExample(): { dir: string; folder: string } {
  const dir = tmpDir();
  const folder = path.join(dir, 'issue-07');
  fs.cpSync(example, folder, { recursive: true });
  return { dir, folder };
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfFonts(file: string): string[][] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1).trim()];
  }));
}

/** Text with page numbers (— 3 —) and all white space removed, as pdf-audit compares. */
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
  figures: Record<string, number>;
  violations: Record<string, string[]>;
}

/** ../shared/tools/pdf-audit on a PDF, for the default template: outside page numbers, footer on the bottom edge. */
export function pdfAudit(pdf: string): Audit {
  const tool = path.join(sharedTools, 'pdf-audit');
  if (!fs.existsSync(tool)) throw new Error(`pdf-audit not found at ${tool}`);
  try {
    return JSON.parse(execFileSync(tool, [pdf, '--json', '--page-numbers', 'outside', '--footer-bottom'], { encoding: 'utf8' })) as Audit;
  } catch (e) {
    return JSON.parse((e as { stdout: string }).stdout) as Audit;
  }
}

/** Each image in a PDF as `pdfimages -list` gives it: page, size in pixels, resolution as placed. */
export function pdfImages(pdf: string): Array<{ page: number; width: number; height: number; xppi: number; yppi: number }> {
  const out = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image').map((c) => ({
    page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), xppi: Number(c[12]), yppi: Number(c[13]),
  }));
}

/** Text of one page (1-based). */
export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}
