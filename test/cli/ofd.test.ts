// `bulletin build --format …ofd` as a user runs it: the OFD beside the PDF,
// its text objects holding, in order, the text poppler reads from the PDF,
// the same bytes again under SOURCE_DATE_EPOCH.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOfd, ofdText } from '../../src/ofd-check/index.js';
import { bulletin, copyExample, example, tmpDir } from '../helpers/cli.js';

const epoch = { SOURCE_DATE_EPOCH: '1737331200' }; // 2025-01-20
/**
 * Text without white space: pdftotext adds it between runs and lines, and reads the full-width space after a
 * run-in title (U+3000, text in both files) as a gap, not a character.
 */
const flat = (s: string) => s.replace(/[ \t\r\n\f\u3000]+/g, '');

describe('bulletin build --format pdf,ofd', () => {
  const dirs: string[] = [];
  let dir: string;
  let run: ReturnType<typeof bulletin>;
  beforeAll(() => {
    dir = tmpDir();
    dirs.push(dir);
    run = bulletin(['build', example, '--format', 'pdf,ofd', '-o', path.join(dir, 'issue-07.pdf')], { env: epoch });
  });
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('writes the PDF and DIR.ofd beside it, and says so with the page count', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07.ofd', 'issue-07.pdf']);
    expect(run.stderr).toMatch(/wrote .*issue-07\.ofd \(4 pages\)/);
  });

  it('gives an OFD that passes the checker, whose text objects in order hold the text of the PDF', () => {
    const ofd = fs.readFileSync(path.join(dir, 'issue-07.ofd'));
    expect(checkOfd(ofd)).toEqual([]);
    // -raw: the PDF's text in the order it is drawn (poppler's column guessing would move the 报尾's right-hand part).
    const pdfPages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(dir, 'issue-07.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const ofdPages = ofdText(ofd);
    expect(ofdPages).toHaveLength(pdfPages.length);
    ofdPages.forEach((lines, i) => expect(flat(lines.join('')), `page ${i + 1}`).toBe(flat(pdfPages[i]!)));
  });

  it('gives the same bytes for the same input under SOURCE_DATE_EPOCH', () => {
    const again = tmpDir();
    dirs.push(again);
    expect(bulletin(['build', example, '--format', 'ofd', '-o', path.join(again, 'issue-07.pdf')], { env: epoch }).code).toBe(0);
    // --format ofd alone writes the OFD only.
    expect(fs.readdirSync(again)).toEqual(['issue-07.ofd']);
    expect(fs.readFileSync(path.join(again, 'issue-07.ofd')).equals(fs.readFileSync(path.join(dir, 'issue-07.ofd')))).toBe(true);
  });

  it('names ofd among the formats when a format is unknown', () => {
    const bad = bulletin(['build', example, '--format', 'pdf,xps', '-o', path.join(dir, 'b.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ofd');
  });

  it('a failing build leaves the old OFD alone', () => {
    const { dir: d, folder } = copyExample();
    dirs.push(d);
    expect(bulletin(['build', folder, '--format', 'ofd'], { env: epoch }).code).toBe(0);
    const before = fs.readFileSync(path.join(d, 'issue-07.ofd'));
    const item = path.join(folder, '03-kejiju.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^title:.*$/m, ''));
    expect(bulletin(['build', folder, '--format', 'ofd']).code).toBe(1);
    expect(fs.readFileSync(path.join(d, 'issue-07.ofd')).equals(before)).toBe(true);
  });
});
