// The house-style checks by the name an editor writes under `lint:` in
// issue.yaml, and the rule id each one reports under. No imports: the loader
// reads this list to validate `lint:` without depending on the checks.

export const LINT_RULES = {
  'halfwidth-punctuation': 'lint/halfwidth-punctuation',
  'unbalanced-pair': 'lint/unbalanced-pair',
  'ascii-quotes': 'lint/ascii-quotes',
  'doubled-punctuation': 'lint/doubled-punctuation',
  'fullwidth-alphanumeric': 'lint/fullwidth-alphanumeric',
  enumeration: 'lint/enumeration',
  'space-between-chinese': 'lint/space-between-chinese',
  'title-end-punctuation': 'lint/title-end-punctuation',
  'title-too-long': 'lint/title-too-long',
  // Found while loading (the loader takes the copy out of the model), switchable all the same.
  'attribution-duplicated': 'item/attribution-duplicated',
} as const;

export type LintName = keyof typeof LINT_RULES;
export type LintRule = (typeof LINT_RULES)[LintName];

export const LINT_NAMES = Object.keys(LINT_RULES) as LintName[];

export function isLintName(name: string): name is LintName {
  return Object.hasOwn(LINT_RULES, name);
}
