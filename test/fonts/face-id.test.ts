// A face's id comes from the face (its file and PostScript name), never from
// which faces the process opened before: building issues in another order
// gives the same display lists and the same bytes.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { copyExample, root, tmpDir } from '../helpers/cli.js';

const bundledFang = path.join(root, 'fonts/FandolFang-Regular.otf');

/** The example issue, its body set in a copy of the bundled body face (same PostScript name, another file). */
function exampleWithCopiedFace(): string {
  const { folder } = copyExample();
  fs.copyFileSync(bundledFang, path.join(folder, 'fang-copy.otf'));
  fs.appendFileSync(path.join(folder, 'issue.yaml'), 'fonts:\n  body: fang-copy.otf\n');
  return folder;
}

/** Compile and render the folders in this order, in a fresh set of modules (as a new process would have). */
async function buildInOrder(folders: string[]) {
  vi.resetModules();
  const { compile, renderIssue } = await import('../../src/pipeline/build.js');
  const out = new Map<string, { faces: string[]; pdf: Buffer }>();
  for (const dir of folders) {
    const { compiled, diagnostics } = await compile(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const faces = [...new Set(compiled!.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'glyphs' ? [i.face] : []))))].sort();
    out.set(dir, { faces, pdf: await renderIssue(compiled!, new Date(Date.UTC(2025, 0, 20))) });
  }
  return out;
}

describe('face ids', () => {
  it('a bundled face is known by its PostScript name; another file with the same name by name and path', async () => {
    const { faceId } = await import('../../src/fonts/face.js');
    const copy = path.join(tmpDir(), 'FandolFang-Regular.otf');
    expect(faceId(bundledFang, 'FandolFang-Regular')).toBe('FandolFang-Regular');
    expect(faceId(copy, 'FandolFang-Regular')).toMatch(/^FandolFang-Regular@[0-9a-f]{8}$/);
    expect(faceId(copy, 'FandolFang-Regular')).toBe(faceId(copy, 'FandolFang-Regular'));
    expect(faceId(path.join(tmpDir(), 'FandolFang-Regular.otf'), 'FandolFang-Regular')).not.toBe(faceId(copy, 'FandolFang-Regular'));
  });

  it('building two issues twice in one process, in the other order, gives the same display lists and PDF bytes', async () => {
    const plain = copyExample().folder;
    const copied = exampleWithCopiedFace();
    const first = await buildInOrder([copied, plain]);
    const second = await buildInOrder([plain, copied]);
    for (const dir of [plain, copied]) {
      expect(second.get(dir)!.faces).toEqual(first.get(dir)!.faces);
      expect(second.get(dir)!.pdf.equals(first.get(dir)!.pdf)).toBe(true);
    }
    // The copy is a face of its own, not the bundled one under a borrowed name.
    expect(first.get(plain)!.faces).toContain('FandolFang-Regular');
    expect(first.get(copied)!.faces).not.toContain('FandolFang-Regular');
    expect(first.get(copied)!.faces.some((f) => f.startsWith('FandolFang-Regular@'))).toBe(true);
  }, 120_000);
});
