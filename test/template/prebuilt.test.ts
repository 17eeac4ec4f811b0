// The default template stored in the bundle (src/template/prebuilt.ts) is the
// Template that reading templates/default.yaml gives, wherever the package is
// installed and run from; any other text is read in full.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadTemplate } from '../../src/template/load.js';
import { makePrebuilt, prebuiltTemplate, type Prebuilt } from '../../src/template/prebuilt.js';
import { root, tmpDir } from '../helpers/cli.js';

const defaultFile = path.join(root, 'templates/default.yaml');
/** What the bundle holds: made as scripts/bundle.js makes it, through JSON as the bundle stores it. */
const stored = (): Prebuilt => JSON.parse(JSON.stringify(makePrebuilt(defaultFile, loadTemplate))) as Prebuilt;
const readFully = (file: string) => {
  const diags = new Diagnostics();
  const t = loadTemplate(file, diags);
  expect(diags.list).toEqual([]);
  return t;
};

describe('the prebuilt default template', () => {
  it('is the Template read from templates/default.yaml, file and font folders placed where it is now', () => {
    expect(prebuiltTemplate(defaultFile, 'templates/default.yaml', stored())).toStrictEqual(readFully(defaultFile));
  });

  it('is placed at a copy of the same text elsewhere (another install), as reading the copy gives', () => {
    const copy = path.join(tmpDir(), 'default.yaml');
    fs.copyFileSync(defaultFile, copy);
    const t = prebuiltTemplate(copy, copy, stored());
    expect(t).toStrictEqual(readFully(copy));
    expect(t!.fonts.body.faces.every((f) => f.dir === path.dirname(copy) && f.file === copy)).toBe(true);
  });

  it('is not used for a changed text, even one byte (a comment)', () => {
    const copy = path.join(tmpDir(), 'default.yaml');
    fs.writeFileSync(copy, `${fs.readFileSync(defaultFile, 'utf8')}# 改过\n`);
    expect(prebuiltTemplate(copy, copy, stored())).toBeUndefined();
    expect(prebuiltTemplate(path.join(tmpDir(), 'missing.yaml'), 'missing.yaml', stored())).toBeUndefined();
  });

  it('is not there when running from src/ (nothing stored): the file is read', () => {
    expect(prebuiltTemplate(defaultFile, 'templates/default.yaml')).toBeUndefined();
  });

  it('is not made from a template that has any diagnostic: the bundle fails to build', () => {
    const bad = path.join(tmpDir(), 'bad.yaml');
    fs.writeFileSync(bad, 'extends: default\npage: [\n');
    expect(() => makePrebuilt(bad, loadTemplate)).toThrow(/cannot be stored in the bundle/);
  });
});
