// The default template with the bundled faces, for layout tests on real metrics.
import path from 'node:path';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadFontSet, type FontSet } from '../../src/fonts/fontset.js';
import { loadTemplate } from '../../src/template/load.js';
import type { Template } from '../../src/template/model.js';
import { templatesDir } from '../../src/paths.js';

export function defaultTemplate(): { template: Template; fonts: FontSet } {
  const diags = new Diagnostics();
  const template = loadTemplate(path.join(templatesDir, 'default.yaml'), diags);
  if (!template) throw new Error(JSON.stringify(diags.list));
  const fonts = loadFontSet(template, templatesDir, undefined, diags);
  if (!fonts) throw new Error(JSON.stringify(diags.list));
  return { template, fonts };
}
