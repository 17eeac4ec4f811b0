// Convert a .docx to PDF with LibreOffice, as a reader of the Word file would
// see it. A private profile per call, so parallel runs do not collide; the
// bundled fonts are made visible through a fontconfig file of its own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, tmpDir } from './cli.js';
import { need } from './system.js';

export function libreOfficePdf(docx: string, opts: { bundledFonts?: boolean } = {}): string {
  need('libreoffice-writer-nogui');
  const work = tmpDir('bulletin-soffice-');
  const conf = path.join(work, 'fonts.conf');
  fs.writeFileSync(conf, [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    opts.bundledFonts === false ? '' : `  <dir>${path.join(root, 'fonts')}</dir>`,
    `  <cachedir>${path.join(work, 'fontcache')}</cachedir>`,
    '</fontconfig>',
  ].join('\n'));
  execFileSync('soffice', [
    `-env:UserInstallation=file://${path.join(work, 'profile')}`,
    '--headless', '--convert-to', 'pdf', '--outdir', work, docx,
  ], { env: { ...process.env, FONTCONFIG_FILE: conf }, stdio: 'pipe', timeout: 180_000 });
  const pdf = path.join(work, path.basename(docx).replace(/\.docx$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return pdf;
}

/** Text lines of a PDF as pdftotext -bbox places them: words grouped by page and baseline height. */
export function pdfLines(pdf: string): Array<{ page: number; y: number; text: string }> {
  need('poppler-utils');
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const lines = new Map<string, { page: number; y: number; text: string }>();
  xml.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const y = Math.round(Number(m[1]));
      const key = `${i + 1}:${y}`;
      const line = lines.get(key) ?? { page: i + 1, y, text: '' };
      line.text += m[2];
      lines.set(key, line);
    }
  });
  return [...lines.values()];
}
