import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/fix.js';
import type { Fix } from '../../src/lint/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const fix = (offset: number, old: string, text: string): Fix => ({ file: 'f.md', offset, length: 1, old, text, line: 1, column: 1, rule: 'r' });

describe('applyFixes', () => {
  it('keeps a BOM and CRLF line endings, and offsets count the text as the loader saw it', () => {
    // Loader text: "a\n工作,推进" — the comma is at offset 4.
    const out = applyFixes(enc('\ufeffa\r\n工作,推进\r\n'), [fix(4, ',', '，')])!;
    expect(dec(out.bytes)).toBe('\ufeffa\r\n工作，推进\r\n');
    expect(out.applied).toHaveLength(1);
  });

  it('a lone CR counts as one line break', () => {
    expect(dec(applyFixes(enc('a\r工,b'), [fix(3, ',', '，')])!.bytes)).toBe('a\r工，b');
  });

  it('skips a fix whose character is no longer there (the file changed since the check)', () => {
    const out = applyFixes(enc('工作;推进'), [fix(2, ',', '，')])!;
    expect(dec(out.bytes)).toBe('工作;推进');
    expect(out.applied).toEqual([]);
  });

  it('changes no other byte', () => {
    const text = '---\ntitle: "x"\n---\r\n工作,推进\t  \r\n\r\n末尾';
    const before = enc(text);
    const after = applyFixes(before, [fix(text.indexOf(',') - 1, ',', '，')])!.bytes; // one CR before the comma
    const expected = enc(text.replace(',', '，'));
    expect(Buffer.from(after).equals(Buffer.from(expected))).toBe(true);
  });

  it('returns undefined for bytes that are not UTF-8', () => {
    expect(applyFixes(new Uint8Array([0xff, 0xfe, 0x41]), [])).toBeUndefined();
  });
});
