// The PDF renderer given open fontkit faces must write what it writes from font paths.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf.js';
import { example } from '../helpers/cli.js';

describe('renderPdf', () => {
  it('gives the same bytes from open faces as from font files', async () => {
    const { compiled } = await compile(example);
    if (!compiled) throw new Error('the example does not compile');
    const meta = { title: 't', author: 'a', creationDate: new Date(0) };
    const byPath = new Map<string, FaceFile>();
    for (const [id, f] of compiled.fonts.faces) byPath.set(id, { path: f.path, ...(f.collectionName ? { collectionName: f.collectionName } : {}) });
    const fromFaces = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, meta);
    const fromPaths = await renderPdf(compiled.pages, byPath, compiled.template.colors, meta);
    expect([...compiled.fonts.faces.values()].every((f) => f.fontkitFont)).toBe(true);
    expect(fromFaces.equals(fromPaths)).toBe(true);
  });
});
