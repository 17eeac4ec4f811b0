// Write a year of issues (one folder each) from generate-issue.js, numbered
// 第1期… and 总第N期 on, dated a week apart; optionally with planted faults.
//
//   node bench/generate-series.js OUT_DIR [ISSUES] [--repeat K] [--total-gap K]
//
// --repeat K: issue K carries the number of issue K-1 (a repeated 第N期).
// --total-gap K: from issue K on, 总第 numbers skip one (a 总第 gap).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIssue } from './generate-issue.js';

/** Issue k (1-based) has 8, 9 or 10 items. */
export function itemsOf(k) {
  return 8 + (k % 3);
}

export function generateSeries(outDir, { issues = 50, year = 2025, firstTotal = 300, repeat, totalGap } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const start = Date.UTC(year, 0, 6);
  for (let k = 1; k <= issues; k++) {
    const dir = path.join(outDir, `${year}-${String(k).padStart(2, '0')}`);
    generateIssue(dir, itemsOf(k), k);
    const d = new Date(start + (k - 1) * 7 * 86400000);
    const date = d.toISOString().slice(0, 10);
    const number = k === repeat ? k - 1 : k;
    const total = firstTotal + k + (totalGap && k >= totalGap ? 1 : 0);
    const file = path.join(dir, 'issue.yaml');
    const yaml = fs
      .readFileSync(file, 'utf8')
      .replace(/^number: \d+/m, `number: ${number}`)
      .replace(/^total: \d+/m, `total: ${total}`)
      .replace(/^date: [\d-]+/m, `date: ${date}`);
    fs.writeFileSync(file, yaml);
  }
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = Number(args.splice(i, 2)[1]);
    return Number.isInteger(v) ? v : undefined;
  };
  const repeat = flag('--repeat');
  const totalGap = flag('--total-gap');
  const [out, issues] = args;
  if (!out) {
    console.error('usage: node bench/generate-series.js OUT_DIR [ISSUES] [--repeat K] [--total-gap K]');
    process.exit(2);
  }
  generateSeries(out, { issues: Number(issues || 50), repeat, totalGap });
  console.log(out);
}
