// Convert a .docx to PDF with LibreOffice, as a reader of the Word file would
// see it, read its lines back with poppler, and measure how many match the PDF's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, tmpDir } from './cli.js';
import { need } from './system.js';

const PDFA_2 = JSON.stringify({ SelectPdfVersion: { type: 'long', value: '2' }, UseTaggedPDF: { type: 'boolean', value: 'true' } });

/**
 * The PDF LibreOffice makes of `docx`, written beside it. A private profile and
 * font cache per call (parallel runs do not collide), deleted afterwards; the
 * bundled fonts are made visible through a fontconfig file of its own.
 * `pdfa`: LibreOffice's PDF/A-2 export, tagged.
 */
export function libreOfficePdf(docx: string, opts: { bundledFonts?: boolean; pdfa?: boolean } = {}): string {
  return libreOfficeConvert(docx, opts.pdfa ? `pdf:writer_pdf_Export:${PDFA_2}` : 'pdf', opts);
}

/** The file LibreOffice converts `file` to (`convertTo` as soffice takes it: `pdf`, `docx`…), written beside it. */
export function libreOfficeConvert(file: string, convertTo: string, opts: { bundledFonts?: boolean } = {}): string {
  need('libreoffice-writer-nogui');
  const work = tmpDir('bulletin-soffice-');
  try {
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
    const outdir = path.dirname(file);
    execFileSync('soffice', [
      `-env:UserInstallation=file://${path.join(work, 'profile')}`,
      '--headless', '--convert-to', convertTo, '--outdir', outdir, file,
    ], { env: { ...process.env, FONTCONFIG_FILE: conf }, stdio: 'pipe', timeout: 180_000 });
    const out = path.join(outdir, path.basename(file).replace(/\.[^.]+$/, `.${convertTo.split(':')[0]}`));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${convertTo.split(':')[0]} for ${file}`);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface PdfLine {
  page: number;
  /** Bottom of the line's boxes (pdftotext's yMax), points from the page top. */
  y: number;
  xMin: number;
  xMax: number;
  /** The line's characters, spaces dropped. */
  text: string;
}

/**
 * Text lines of a PDF from `pdftotext -bbox-layout`: its lines, with the
 * pieces it splits at a change of face or a wide gap joined again when they
 * share a baseline (within 2 pt), left to right.
 */
export function pdfLines(pdf: string): PdfLine[] {
  need('poppler-utils');
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out: PdfLine[] = [];
  xml.split('<page ').slice(1).forEach((page, i) => {
    const pieces: PdfLine[] = [];
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[4]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
      pieces.push({ page: i + 1, y: Number(m[3]), xMin: Number(m[1]), xMax: Number(m[2]), text: words.join('').replace(/[\s\u3000]/g, '') });
    }
    pieces.sort((a, b) => a.y - b.y || a.xMin - b.xMin);
    for (const p of pieces) {
      const line = out.find((l) => l.page === p.page && Math.abs(l.y - p.y) < 2);
      if (!line) out.push({ ...p });
      else if (p.xMin < line.xMin) Object.assign(line, { xMin: p.xMin, text: p.text + line.text });
      else Object.assign(line, { xMax: Math.max(line.xMax, p.xMax), text: line.text + p.text });
    }
  });
  return out.sort((a, b) => a.page - b.page || a.y - b.y);
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** — 3 — and the like. */
export const isPageNumber = (l: PdfLine): boolean => /^[—–-]\d+[—–-]$/.test(l.text);

/** The share of `reference`'s lines found in `lines` in the same order (longest common subsequence of line texts). */
export function identicalLineShare(reference: PdfLine[], lines: PdfLine[]): number {
  const a = reference.filter((l) => !isPageNumber(l)).map((l) => l.text);
  const b = lines.filter((l) => !isPageNumber(l)).map((l) => l.text);
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = b.length - 1; j >= 0; j--) cur[j] = a[i] === b[j] ? prev[j + 1]! + 1 : Math.max(prev[j]!, cur[j + 1]!);
    prev = cur;
  }
  return prev[0]! / a.length;
}
