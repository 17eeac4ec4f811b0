// Shared by the load-stage tests: fixture folders and small lookups.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadIssue } from '../../src/issue/load.js';

/** Fixture folders, as a user would type the path from the project root. */
export const FIXTURES = path.relative(process.cwd(), fileURLToPath(new URL('../fixtures/load', import.meta.url)));

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function load(name: string) {
  return loadIssue(fixture(name));
}

/** The diagnostics with one rule id. */
export function withRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === rule);
}

/** `file:line:column severity rule`, the shape a reporter prints; easy to compare. */
export function brief(d: Diagnostic): string {
  return `${path.basename(d.file)}:${d.start.line}:${d.start.column} ${d.severity} ${d.rule}`;
}
