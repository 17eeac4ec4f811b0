// `bulletin build --pdfa` as a user runs it (the bundled CLI, which must find pdfkit's
// sRGB profile beside itself): the PDF/A edition written, read back by poppler and qpdf.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPdfA } from '../../src/pdfa-check/check.js';
import { bulletin, example, tmpDir } from '../helpers/cli.js';
import { need } from '../helpers/system.js';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const epoch = { SOURCE_DATE_EPOCH: '1737331200' };

describe('bulletin build --pdfa', () => {
  it('writes a PDF/A-2 that pdfinfo -meta identifies, the same bytes each time, with PDF and Word together', () => {
    const out = path.join(dir, 'a.pdf');
    const r = bulletin(['build', example, '--pdfa', '--format', 'pdf,docx', '-o', out], { env: epoch });
    expect(r.stderr).toContain(`a.pdf (4 pages)`);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'a.docx'))).toBe(true);
    const meta = execFileSync('pdfinfo', ['-meta', out], { encoding: 'utf8' });
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toContain('<xmp:CreateDate>2025-01-20T00:00:00Z</xmp:CreateDate>');
    const first = fs.readFileSync(out);
    expect(checkPdfA(first)).toEqual([]);
    // qpdf: the file's syntax, cross-reference table and streams (exit 0 only when it finds no error).
    need('qpdf');
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    expect(bulletin(['build', example, '--pdfa', '-o', out], { env: epoch }).code).toBe(0);
    expect(fs.readFileSync(out).equals(first)).toBe(true);
    // Without --pdfa: the ordinary print PDF, which is no PDF/A.
    expect(bulletin(['build', example, '-o', out], { env: epoch }).code).toBe(0);
    expect(checkPdfA(fs.readFileSync(out)).map((f) => f.rule)).toContain('pdfa/no-metadata');
  });
});
