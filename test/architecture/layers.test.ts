// The layering of src/ (.dependency-cruiser.cjs): no import cycles, layout pure,
// no floor importing a higher one. The same check as `npm run lint:deps`.

import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

/** The violations of the project's rules in `dir`/src, one line each. */
async function violations(dir: string): Promise<string[]> {
  const cwd = process.cwd();
  // dependency-cruiser resolves and reports paths from the working folder.
  process.chdir(dir);
  try {
    const { output } = await cruise(['src'], {
      ...config.options,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      tsConfig: { fileName: 'tsconfig.json' },
    });
    const result = output as ICruiseResult;
    return result.summary.violations.map(describeViolation);
  } finally {
    process.chdir(cwd);
  }
}

function describeViolation(v: IViolation): string {
  const via = v.cycle?.length ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : '';
  return `${v.rule.name}: ${v.from} → ${v.to}${via}`;
}

describe('the layering of src/', () => {
  it('has no import cycle, a pure layout, and no floor importing a higher one', async () => {
    const found = await violations(root);
    // On failure the list itself is the message: each rule, and the import that breaks it.
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  }, 60_000);

  it('the rules catch what they are written for (a fixture that breaks each)', async () => {
    const found = await violations(path.join(import.meta.dirname, 'fixture'));
    expect(found).toEqual(expect.arrayContaining([
      'layout-is-pure: src/layout/reads-files.ts → fs',
      'layout-is-pure: src/layout/reads-files.ts → pdfkit',
      'floor-0-imports-up: src/diagnostics/knows-cli.ts → src/cli/says.ts',
      expect.stringMatching(/^no-circular: src\/(diagnostics|cli)\/.* \(cycle: /),
      'floor-unknown: src/brandnew/thing.ts → src/cli/says.ts',
      'floor-1-imports-up: src/template/peeks.ts → src/layout/metrics.ts',
    ]));
    // The one port: fonts/ may import layout/metrics.ts (and nothing else of layout).
    expect(found.filter((v) => v.includes('src/fonts/'))).toEqual([]);
  }, 60_000);
});
