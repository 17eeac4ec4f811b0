import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../src/issue/decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** GB18030 bytes of a few characters (what Notepad on Chinese Windows writes). */
const GBK_ZHONGWEN = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文

describe('decodeSource', () => {
  it('decodes UTF-8 and strips the byte-order mark', () => {
    expect(decodeSource(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('中文')))).toEqual({ ok: true, text: '中文' });
  });

  it('normalises CRLF and lone CR to LF, so line numbers stay the same', () => {
    expect(decodeSource(utf8('a\r\nb\rc\n'))).toEqual({ ok: true, text: 'a\nb\nc\n' });
  });

  it('encoding/not-utf8: GB18030 bytes are recognised, at the first bad byte’s line and column', () => {
    const bytes = concat(utf8('---\ntitle: '), GBK_ZHONGWEN, utf8('\n'));
    expect(decodeSource(bytes)).toEqual({
      ok: false,
      byteOffset: 11,
      line: 2,
      column: 8,
      savedAs: { name: 'GBK/GB18030', iconv: 'GB18030' },
    });
  });

  it('counts the column in characters of the valid text before the bad byte', () => {
    // 中文 in UTF-8 is 6 bytes but 2 columns; a CRLF before it does not shift lines.
    const bytes = concat(utf8('x\r\n中文'), GBK_ZHONGWEN);
    expect(decodeSource(bytes)).toMatchObject({ ok: false, line: 2, column: 3 });
  });

  it('a UTF-16 file (byte-order mark FF FE) is named as such', () => {
    expect(decodeSource(Uint8Array.from([0xff, 0xfe, 0x2d, 0x00]))).toMatchObject({ ok: false, line: 1, column: 1, savedAs: { name: 'UTF-16' } });
  });

  it('bytes that are neither UTF-8 nor GB18030 get no guess', () => {
    const result = decodeSource(utf8('abc').map((b, i) => (i === 1 ? 0xff : b)));
    expect(result).toMatchObject({ ok: false, byteOffset: 1, line: 1, column: 2 });
    expect(result).not.toHaveProperty('savedAs');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds nothing wrong in valid text, including 4-byte characters', () => {
    const bytes = utf8('a中𠀀b');
    expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
  });

  it('rejects overlong forms, surrogates and truncated sequences at their first byte', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // cut short
  });
});
