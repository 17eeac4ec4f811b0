// The checks read the printed text (line breaks already joined, `**` and
// escapes gone) but must report at the character in the source file and fix
// it there. This maps each UTF-16 unit of the printed text back to its offset
// in the source, by scanning the source forward from where the run starts.

import type { Inline } from '../issue/model.js';

/** Where each unit of `text` is in the source; built on first use (see MappedText). */
interface Places {
  /** Source offset of each UTF-16 unit of `text`. */
  offsets: number[];
  /**
   * Whether that unit was found in the source with nothing but Markdown
   * noise (white space, line breaks, `\`, `*`, `_`) skipped to reach it. Only
   * such characters may be rewritten by `--fix`; others (e.g. from an entity
   * such as `&quot;`) are reported at their nearest place and left alone.
   */
  exact: boolean[];
  /** Offset in the source just past the text (for a diagnostic's end). */
  end: number;
}

/**
 * Printed text and its places in the source. Only a finding needs the
 * places, and most texts have none, so they are worked out on first use:
 * a walk over every character costs milliseconds in a cold process.
 */
export class MappedText {
  private map: Places | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    /** False for text in the front matter (titles), which `--fix` leaves alone. */
    readonly fixable: boolean,
    private readonly runs: readonly Inline[],
    private readonly source: string,
  ) {}

  get offsets(): number[] {
    return this.places().offsets;
  }

  get exact(): boolean[] {
    return this.places().exact;
  }

  get end(): number {
    return this.places().end;
  }

  private places(): Places {
    return (this.map ??= mapToSource(this.runs, this.source));
  }
}

const NOISE = /^[\s\\*_]*$/;

/** Maps runs that follow each other in one source file (a paragraph, or a title alone). */
export function mapRuns(runs: Inline[], source: string, fixable: boolean): MappedText | undefined {
  const first = runs[0];
  if (!first) return undefined;
  const text = runs.length === 1 ? first.text : runs.map((r) => r.text).join('');
  return new MappedText(first.at.file, text, fixable, runs, source);
}

/** Scans the source forward from where each run starts. */
function mapToSource(runs: readonly Inline[], source: string): Places {
  const map: Places = { offsets: [], exact: [], end: runs[0]?.at.offset ?? 0 };
  const { offsets, exact } = map;
  for (const run of runs) {
    const t = run.text;
    let pos = Math.min(run.at.offset, source.length);
    for (let k = 0; k < t.length; k++) {
      // Nearly every unit is the next one in the source. Compared as char
      // codes: no one-character string per unit (slow in a cold process).
      if (source.charCodeAt(pos) === t.charCodeAt(k)) {
        offsets.push(pos);
        exact.push(true);
        pos++;
        continue;
      }
      const ch = t[k]!;
      let found = source.indexOf(ch, pos);
      // A space the loader made from a line break (between two Latin words) sits on the `\n`.
      if (ch === ' ') {
        const lineBreak = source.indexOf('\n', pos);
        if (lineBreak !== -1 && (found === -1 || lineBreak < found)) found = lineBreak;
      }
      const isExact = found !== -1 && NOISE.test(source.slice(pos, found));
      if (found === -1) found = Math.max(0, Math.min(pos, source.length - 1));
      offsets.push(found);
      exact.push(isExact);
      pos = found + 1;
    }
    map.end = pos;
  }
  return map;
}
