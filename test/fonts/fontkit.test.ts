// The renderer's fontkit faces come from the same fontkit pdfkit uses, not a second copy.
import { describe, expect, it } from 'vitest';
import { compile, renderIssue } from '../../src/build.js';
import { fontkitLoaded, loadFontkit } from '../../src/fonts/fontkit.js';
import { example } from '../helpers/cli.js';

describe('one fontkit', () => {
  it('writing a PDF loads fontkit as pdfkit does, and the faces handed to pdfkit are made with that copy', async () => {
    const { compiled } = await compile(example);
    expect(fontkitLoaded()).toBe(false);
    const pdf = await renderIssue(compiled!, new Date(0));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const esm = await import('fontkit');
    expect(loadFontkit()).toBe(esm);
    expect(loadFontkit()).not.toBe((await import('node:module')).createRequire(import.meta.url)('fontkit'));
  });
});
