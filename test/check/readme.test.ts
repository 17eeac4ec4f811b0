// The README's `bulletin check` section lists every rule id and every lint
// switch, and the verify section every check; a rule added without documenting it fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/report/catalogue.js';
import { LINT_NAMES, LINT_RULES } from '../../src/lint/rules.js';
import { VERIFIERS } from '../../src/verify/registry.js';

const readme = fs.readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('names every rule id an issue folder can trigger (cli/* are about the command line, verify/* about a PDF; pdfa/checked/* describe checks, not findings)', () => {
    const missing = Object.keys(MESSAGES).filter((rule) => !rule.startsWith('cli/') && !rule.startsWith('verify/') && !rule.startsWith('pdfa/checked/') && !readme.includes(`\`${rule}\``));
    expect(missing).toEqual([]);
  });

  it('names every check of `bulletin verify`', () => {
    const missing = [...new Set(VERIFIERS.flatMap((v) => v.checks.map((c) => `verify/${c.id}`)))].filter((id) => !readme.includes(`| \`${id}\` |`));
    expect(missing).toEqual([]);
  });

  it('names every lint switch beside its rule id', () => {
    for (const name of LINT_NAMES) expect(readme, name).toContain(`| \`${name}\` | \`${LINT_RULES[name]}\` |`);
  });
});
