// In-process layout time (Issue → Page[]) for examples/issue-07 and a generated
// 60-item issue: fonts are open and the issue is loaded before timing starts.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../dist/pipeline/build.js';
import { layoutIssue } from '../dist/layout/index.js';
import { generateIssue } from './generate-issue.js';
import { ms, summary } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function benchLayout({ runs = 20, warmup = 3 } = {}) {
  const cases = [
    ['examples/issue-07', path.join(here, '../examples/issue-07')],
    ['generated 60 items', generateIssue(path.join(os.tmpdir(), 'bulletin-bench-60'), 60, 1)],
  ];
  const rows = [];
  for (const [name, dir] of cases) {
    const { compiled, diagnostics } = await compile(dir);
    if (!compiled) throw new Error(`${name}: ${JSON.stringify(diagnostics)}`);
    const { issue, template, fonts } = compiled;
    let pages = 0;
    for (let i = 0; i < warmup; i++) layoutIssue(issue, template, fonts);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      pages = layoutIssue(issue, template, fonts).length;
      times.push(performance.now() - t0);
    }
    rows.push({ name, pages, ...summary(times) });
  }
  console.log('layout, in process (Issue → display list), after warm-up:');
  for (const r of rows) console.log(`  ${r.name.padEnd(20)} ${String(r.pages).padStart(3)} pages  median ${ms(r.median)}  min ${ms(r.min)}  max ${ms(r.max)}  (${r.n} runs)`);
  return rows;
}
