// One test per fixture folder: every folder under test/fixtures/load and
// test/fixtures/check holds an issue a user could have written and, in
// expected.json, the diagnostics `bulletin check` must give for it — rule,
// file, line and column (and the end, where listed), in the order printed.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/pipeline/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatMessage, MESSAGES } from '../../src/report/catalogue.js';
import { checkSeries } from '../../src/series/check.js';

interface Expected {
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

const roots = ['load', 'check'].map((r) => path.join('test/fixtures', r));
const folders = roots.flatMap((root) =>
  fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'expected.json')))
    .map((name) => path.join(root, name)),
);

// A series rule is about several issues: each folder under test/fixtures/series holds issue
// folders, and expected.json names files relative to it (`b/issue.yaml`; `.` for the folder).
const seriesRoot = path.join('test/fixtures', 'series');
const seriesFolders = fs.readdirSync(seriesRoot).map((name) => path.join(seriesRoot, name));

function expectedOf(folder: string): Expected[] {
  return JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Expected[];
}

/** The diagnostic in the shape of expected.json, with the end only where the fixture lists one. */
function shape(d: Diagnostic, withEnd: boolean): Expected {
  const e: Expected = { file: path.basename(d.file), rule: d.rule, line: d.start.line, column: d.start.column };
  if (withEnd) Object.assign(e, { endLine: d.end?.line, endColumn: d.end?.column });
  return e;
}

describe('fixture folders', () => {
  it('there are at least 25 of them', () => {
    expect(folders.length).toBeGreaterThanOrEqual(25);
  });

  it.each(folders)('%s gives exactly the diagnostics in its expected.json', async (folder) => {
    const expected = expectedOf(folder);
    const { diagnostics } = await checkIssue(folder);
    expect(diagnostics.map((d, i) => shape(d, expected[i]?.endLine !== undefined))).toEqual(expected);
    // Every message reads whole in both languages.
    for (const d of diagnostics) {
      const en = formatMessage(d.rule, d.args, 'en');
      const zh = formatMessage(d.rule, d.args, 'zh');
      expect(en, d.rule).not.toMatch(/\{\w+\}/);
      expect(zh, d.rule).not.toMatch(/\{\w+\}/);
      expect(zh, d.rule).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(seriesFolders)('%s gives exactly the series diagnostics in its expected.json', async (folder) => {
    const { diagnostics } = await checkSeries(folder);
    const shaped = diagnostics.map((d) => ({ file: path.relative(folder, d.file) || '.', rule: d.rule, line: d.start.line, column: d.start.column }));
    expect(shaped).toEqual(expectedOf(folder));
    for (const d of diagnostics) {
      expect(formatMessage(d.rule, d.args, 'en'), d.rule).not.toMatch(/\{\w+\}/);
      expect(formatMessage(d.rule, d.args, 'zh'), d.rule).not.toMatch(/\{\w+\}/);
    }
  });

  it('together cover every rule that input can trigger', () => {
    const covered = new Set([...folders, ...seriesFolders].flatMap((f) => expectedOf(f).map((e) => e.rule)));
    // Not reachable from a fixture folder: a folder that is not there or cannot
    // be read, a broken font or template, the PDF's path, the command line (cli/*),
    // the proof-reading of a finished PDF (verify/*, test/verify),
    // and fonts a fixture cannot carry (a face without digits, a .ttc collection:
    // test/fonts covers them with real files; a face HarfBuzz cannot subset for the
    // OFD: test/render/ofd.test.ts). The PDF/A preflight's rules (pdfa/*) and the OFD
    // checker's findings (ofd/*) are about a finished file, not an issue folder:
    // test/pdfa-check, test/render/pdfa-inputs and test/ofd-check cover them.
    const elsewhere = ['issue/no-folder', 'issue/unreadable', 'font/unreadable', 'template/invalid', 'output/write-failed', 'font/no-digits', 'font/collection-needs-face', 'output/ofd-font'];
    // `bulletin import` (import/*) reads submissions, not an issue folder: test/cli/import and test/import cover it.
    const missing = Object.keys(MESSAGES).filter((rule) => !covered.has(rule) && !elsewhere.includes(rule) && !rule.startsWith('cli/') && !rule.startsWith('pdfa/') && !rule.startsWith('ofd/') && !rule.startsWith('verify/') && !rule.startsWith('import/'));
    expect(missing).toEqual([]);
  });
});
