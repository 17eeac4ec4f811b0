// `check --fix`: apply the mechanical fixes to a file's bytes and change
// nothing else. Fix offsets refer to the text the loader saw (BOM removed,
// CRLF and CR made LF); the file keeps its BOM and its line endings, so every
// byte outside the replaced characters stays as it was.

import type { Fix } from './findings.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface Applied {
  bytes: Uint8Array;
  /** The fixes that were applied (a fix whose character is no longer there is skipped). */
  applied: Fix[];
}

/** `fixes` for one file; undefined if the bytes are not UTF-8 (the loader reported that). */
export function applyFixes(bytes: Uint8Array, fixes: readonly Fix[]): Applied | undefined {
  let raw: string;
  try {
    raw = utf8.decode(bytes); // keeps a BOM as U+FEFF, so encoding writes it back
  } catch {
    return undefined;
  }
  const rawIndex = normalisedToRaw(raw);
  const applied: Fix[] = [];
  let out = raw;
  // From the end, so earlier offsets stay valid.
  for (const fix of [...fixes].sort((a, b) => b.offset - a.offset)) {
    const at = rawIndex[fix.offset];
    if (at === undefined || out.slice(at, at + fix.length) !== fix.old) continue;
    out = out.slice(0, at) + fix.text + out.slice(at + fix.length);
    applied.unshift(fix);
  }
  return { bytes: new TextEncoder().encode(out), applied };
}

/** For each offset in the normalised text, the offset in `raw`. */
function normalisedToRaw(raw: string): number[] {
  const map: number[] = [];
  let i = raw.startsWith('\ufeff') ? 1 : 0;
  while (i < raw.length) {
    map.push(i);
    i += raw[i] === '\r' && raw[i + 1] === '\n' ? 2 : 1;
  }
  map.push(i);
  return map;
}
