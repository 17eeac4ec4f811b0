// One decoded source file and the way to turn an offset in it into a place.
// Offsets, lines and columns all refer to the decoded, LF-normalised text
// (see decode.ts), which is also what `Issue.sources` holds.

import type { Position } from '../diagnostics/diagnostic.js';
import type { SourcePlace } from './model.js';

export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** Line and column (1-based, UTF-16 columns) of a 0-based offset; same result as `positionAt`. */
  position(offset: number): Position {
    const starts = this.starts();
    // Binary search for the last line starting at or before `offset`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  }

  place(offset: number): SourcePlace {
    return { file: this.file, ...this.position(offset), offset };
  }

  /** Offset where 1-based line `line` starts. */
  lineStart(line: number): number {
    return this.starts()[line - 1] ?? this.text.length;
  }

  /** Text of 1-based line `line`, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? undefined : end);
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

/** A place without its file, for a Diagnostic's `start`. */
export function positionOf(place: SourcePlace): Position {
  return { line: place.line, column: place.column, offset: place.offset };
}
