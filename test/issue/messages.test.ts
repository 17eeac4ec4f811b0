import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES } from '../../src/report/catalogue.js';
import { LOAD_MESSAGES } from '../../src/issue/messages.js';
import { load } from './load-helpers.js';

describe('load-stage messages', () => {
  it('are in the shared catalogue', () => {
    for (const rule of Object.keys(LOAD_MESSAGES)) expect(MESSAGES[rule]).toBe(LOAD_MESSAGES[rule]);
  });

  it('exist in English and Chinese for every rule id the load stage uses', () => {
    const used = new Set<string>();
    for (const file of readdirSync(new URL('../../src/issue/', import.meta.url))) {
      const source = readFileSync(new URL(`../../src/issue/${file}`, import.meta.url), 'utf8');
      for (const m of source.matchAll(/'((?:issue|encoding|frontmatter|item|image|markdown)\/[a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/`\$\{area\}\/([a-z0-9-]+)`/g)) ['issue', 'frontmatter'].forEach((a) => used.add(`${a}/${m[1]}`));
    }
    expect(used.size).toBeGreaterThan(20);
    for (const rule of used) {
      expect(LOAD_MESSAGES[rule], rule).toBeDefined();
      expect(LOAD_MESSAGES[rule]!.en.length).toBeGreaterThan(0);
      expect(LOAD_MESSAGES[rule]!.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('leave no {placeholder} unfilled for any fixture', async () => {
    const cases = readdirSync(new URL('../fixtures/load/', import.meta.url));
    for (const c of [...cases, 'does-not-exist']) {
      const { diagnostics } = await load(c);
      for (const d of diagnostics) {
        for (const lang of ['en', 'zh'] as const) expect(formatMessage(d.rule, d.args, lang), `${c} ${d.rule}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
