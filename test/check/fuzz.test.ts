// No input makes check throw: seeded, damaged copies of the example's files
// (truncated, bytes flipped, lines shuffled, Markdown and punctuation thrown
// in) each give diagnostics or success. In process for speed, plus a few
// through the CLI to see the exit code and that no stack trace is printed.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/pipeline/check.js';
import { formatDiagnostic } from '../../src/report/text.js';
import { MESSAGES } from '../../src/report/catalogue.js';
import { applyFixes } from '../../src/lint/fix.js';
import { prng } from '../../bench/generate-issue.js';
import { bulletin, example, tmpDir } from '../helpers/cli.js';

/** Seeded, so every run damages the files the same way. */
const random = prng;

const NOISE = ['*', '**', '`', '#', '"', ',', ';', '(', ')', '|', '---\n', '\r', '\ufeff', '\n\n', '　', '１', '。。', '“', '》', '<b>', '![', '\\', ':', '：', '一是', '三是'];

type Mutation = 'truncate' | 'flip' | 'shuffle' | 'noise';

function mutate(bytes: Buffer, kind: Mutation, rnd: () => number): Buffer {
  const pick = (n: number) => Math.floor(rnd() * n);
  switch (kind) {
    case 'truncate':
      return bytes.subarray(0, pick(bytes.length + 1));
    case 'flip': {
      const out = Buffer.from(bytes);
      for (let k = 1 + pick(4); k > 0; k--) if (out.length) out[pick(out.length)]! ^= 1 + pick(255);
      return out;
    }
    case 'shuffle': {
      const lines = bytes.toString('utf8').split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        const j = pick(i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.from(lines.join('\n'));
    }
    case 'noise': {
      let text = bytes.toString('utf8');
      for (let k = 1 + pick(6); k > 0; k--) {
        const at = pick(text.length + 1);
        text = text.slice(0, at) + NOISE[pick(NOISE.length)]! + text.slice(at);
      }
      return Buffer.from(text);
    }
  }
}

const files = fs.readdirSync(example).sort();
const kinds: Mutation[] = ['truncate', 'flip', 'shuffle', 'noise'];
const CASES = 320;

let work: string;
let folder: string;
beforeAll(() => {
  work = tmpDir();
  folder = path.join(work, 'issue-07');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the example with one file damaged by case `n`; returns that file's name. */
function damaged(n: number): string {
  const rnd = random(1000 + n);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(example, folder, { recursive: true });
  const name = files[Math.floor(rnd() * files.length)]!;
  const file = path.join(folder, name);
  fs.writeFileSync(file, mutate(fs.readFileSync(file), kinds[n % kinds.length]!, rnd));
  return name;
}

describe('fuzz: damaged copies of examples/issue-07', () => {
  it(`${CASES} seeded cases in process: diagnostics or success, never an exception; one --fix leaves nothing to fix`, { timeout: 120_000 }, async () => {
    let withErrors = 0;
    let fixed = 0;
    for (let n = 0; n < CASES; n++) {
      const name = damaged(n);
      const label = `case ${n} (${kinds[n % kinds.length]} ${name})`;
      const result = await checkIssue(folder);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      // Either it could be built, or it says why not.
      expect(errors.length > 0 || result.ready !== undefined, label).toBe(true);
      if (errors.length > 0) withErrors++;
      for (const d of result.diagnostics) {
        expect(MESSAGES[d.rule], `${label}: ${d.rule}`).toBeDefined();
        expect(d.start.line, label).toBeGreaterThanOrEqual(1);
        expect(d.start.column, label).toBeGreaterThanOrEqual(1);
        if (d.end) expect(d.end.line > d.start.line || (d.end.line === d.start.line && d.end.column >= d.start.column), label).toBe(true);
        expect(() => formatDiagnostic(d, 'zh', result.sources[d.file]), label).not.toThrow();
      }
      // Fix what can be fixed; checking again finds nothing more to fix.
      if (result.fixes.length > 0) {
        for (const file of new Set(result.fixes.map((f) => f.file))) {
          const applied = applyFixes(fs.readFileSync(file), result.fixes.filter((f) => f.file === file));
          if (applied) fs.writeFileSync(file, applied.bytes);
        }
        fixed++;
        expect((await checkIssue(folder)).fixes, label).toEqual([]);
      }
    }
    // The damage did reach the checks: most cases have errors, some had fixes.
    expect(withErrors).toBeGreaterThan(CASES / 4);
    expect(fixed).toBeGreaterThan(0);
  });

  it('a handful through the CLI: exit 0 or 1 and no stack trace', { timeout: 120_000 }, () => {
    for (const n of [0, 1, 2, 3, 41, 42, 43, 44]) {
      const name = damaged(n);
      const r = bulletin(['check', folder]);
      const label = `case ${n} (${name}): ${r.stderr.slice(0, 300)}`;
      expect([0, 1], label).toContain(r.code);
      expect(r.stderr, label).not.toMatch(/internal error|\n\s+at /);
      expect(r.stderr.trimEnd().split('\n').at(-1), label).toMatch(/no problems found|\d+ (error|warning)/);
    }
  });
});
