// Strict UTF-8 decoding. A file that is not UTF-8 must never reach the PDF as
// mojibake, so we refuse it and say where the first bad byte is and what the
// file probably is (GBK/GB18030 is what Chinese Windows editors save by default).
//
// Line endings: CRLF (and a lone CR) are normalised to LF. Line numbers are
// unchanged by this, and columns before the line end are too, so every
// offset, line and column we report refers to the normalised text — the same
// text that `Issue.sources` holds.

export type Decoded =
  | { ok: true; text: string }
  | {
      ok: false;
      /** 0-based offset of the first byte that is not valid UTF-8. */
      byteOffset: number;
      /** Line and column of that byte, counted in the valid text before it. */
      line: number;
      column: number;
      /** The encoding the bytes do decode as, if we recognise one. */
      savedAs?: { name: string; iconv: string };
    };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, byteOffset: 0, line: 1, column: 1, savedAs: { name: 'UTF-16', iconv: 'UTF-16' } };
  }
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    return { ok: true, text: normaliseLineEndings(utf8.decode(bytes)) };
  } catch {
    return notUtf8(bytes);
  }
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function notUtf8(bytes: Uint8Array): Decoded {
  const byteOffset = firstInvalidUtf8(bytes);
  // Everything before the bad byte is valid UTF-8, so it decodes cleanly.
  const before = normaliseLineEndings(new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset)));
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  const column = before.length - lineStart + 1;
  const result: Decoded = { ok: false, byteOffset, line, column };
  if (decodes(bytes, 'gb18030')) result.savedAs = { name: 'GBK/GB18030', iconv: 'GB18030' };
  return result;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min2 = 0x80; // allowed range of the second byte (excludes overlongs and surrogates)
    let max2 = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min2 = 0xa0;
      if (b === 0xed) max2 = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min2 = 0x90;
      if (b === 0xf4) max2 = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min2 : 0x80;
      const hi = k === 1 ? max2 : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += length;
  }
  return bytes.length;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
