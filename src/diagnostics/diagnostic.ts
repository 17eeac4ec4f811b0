// A diagnostic is a value, collected at every stage and never thrown (vfile's convention).
// Reporters turn it into text or JSON; stages only record what and where.

export type Severity = 'error' | 'warning' | 'note';

/** 1-based line and column (column counts UTF-16 code units, as editors do); offset is 0-based into the file text. */
export interface Position {
  line: number;
  column: number;
  offset?: number;
}

/** A value given in both languages (a reason in the project's own words), picked by the reporter. */
export interface Localized {
  en: string;
  zh: string;
}

export type MessageArgs = Record<string, string | number | Localized>;

export interface Diagnostic {
  /** Path as the user would type it (relative to the working directory when possible). */
  file: string;
  start: Position;
  end?: Position;
  severity: Severity;
  /** Stable rule id, e.g. `frontmatter/required`; it also keys the message catalogue. */
  rule: string;
  /** Values the message template fills in. */
  args: MessageArgs;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.list.push(d);
  }

  error(file: string, start: Position, rule: string, args: MessageArgs = {}, end?: Position): void {
    this.list.push({ file, start, ...(end ? { end } : {}), severity: 'error', rule, args });
  }

  warning(file: string, start: Position, rule: string, args: MessageArgs = {}, end?: Position): void {
    this.list.push({ file, start, ...(end ? { end } : {}), severity: 'warning', rule, args });
  }

  note(file: string, start: Position, rule: string, args: MessageArgs = {}, end?: Position): void {
    this.list.push({ file, start, ...(end ? { end } : {}), severity: 'note', rule, args });
  }

  merge(other: Iterable<Diagnostic>): void {
    for (const d of other) this.list.push(d);
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

/** Line and column of a 0-based offset in a text (1-based, UTF-16 columns). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
