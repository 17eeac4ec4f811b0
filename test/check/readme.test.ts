// The README's `bulletin check` section lists every rule id and every lint
// switch; a rule added without documenting it fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/diagnostics/messages.js';
import { LINT_NAMES, LINT_RULES } from '../../src/lint/rules.js';

const readme = fs.readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('names every rule id an issue folder can trigger (cli/* are about the command line; pdfa/checked/* describe checks, not findings)', () => {
    const missing = Object.keys(MESSAGES).filter((rule) => !rule.startsWith('cli/') && !rule.startsWith('pdfa/checked/') && !readme.includes(`\`${rule}\``));
    expect(missing).toEqual([]);
  });

  it('names every lint switch beside its rule id', () => {
    for (const name of LINT_NAMES) expect(readme, name).toContain(`| \`${name}\` | \`${LINT_RULES[name]}\` |`);
  });
});
