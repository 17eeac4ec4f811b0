// The bundled default template, read when the bundle is made: scripts/bundle.js
// stores templates/default.yaml's text and the Template read from it in the
// bundle (BULLETIN_DEFAULT_TEMPLATE). A build using that template then only
// compares the file's text with the stored one, instead of parsing 180 lines of
// YAML in a cold process (~15 ms). templates/default.yaml stays the one source:
// any other text — an edited file, another version — is read in full, errors
// and all, and run from src/ (tests) there is nothing stored.

import path from 'node:path';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../issue/decode.js';
import { LIMITS, readRegularFile } from '../issue/read-file.js';
import type { FontSpec, Template } from './model.js';

/** The default template's text and the Template read from it, without the places that depend on where it is installed or run. */
export interface Prebuilt {
  text: string;
  template: Template;
}

/** JSON of a Prebuilt, put in by scripts/bundle.js; not declared outside the bundle. */
declare const BULLETIN_DEFAULT_TEMPLATE: string | undefined;

/** The Template stored for `file`'s text, placed at `file`; undefined when there is none or the text differs. */
export function prebuiltTemplate(file: string, shown: string, prebuilt = storedPrebuilt()): Template | undefined {
  if (!prebuilt) return undefined;
  const read = readRegularFile(file, LIMITS.template);
  const decoded = read.ok ? decodeSource(read.bytes) : undefined;
  return decoded?.ok && decoded.text === prebuilt.text ? placed(prebuilt.template, file, shown) : undefined;
}

let stored: Prebuilt | undefined | null = null;

/** Parsed once a process (watch mode asks at every build); each build still gets a Template of its own (placed). */
function storedPrebuilt(): Prebuilt | undefined {
  if (stored === null) stored = typeof BULLETIN_DEFAULT_TEMPLATE === 'string' ? (JSON.parse(BULLETIN_DEFAULT_TEMPLATE) as Prebuilt) : undefined;
  return stored;
}

/**
 * What scripts/bundle.js stores: `file` read by `load` (loadTemplate), which
 * must read it without a single diagnostic. Throws otherwise: the bundle is not made.
 */
export function makePrebuilt(file: string, load: (file: string, diags: Diagnostics) => Template | undefined): Prebuilt {
  const read = readRegularFile(file, LIMITS.template);
  const decoded = read.ok ? decodeSource(read.bytes) : undefined;
  const diags = new Diagnostics();
  const template = decoded?.ok ? load(file, diags) : undefined;
  if (!decoded?.ok || !template || diags.list.length > 0) throw new Error(`${file} cannot be stored in the bundle: ${JSON.stringify(diags.list)}`);
  return { text: decoded.text, template: placed(template, '', '') };
}

/** `t` with its file (and each face's template file and folder) set to `file`, shown as `shown`; '' for none. */
function placed(t: Template, file: string, shown: string): Template {
  const dir = file === '' ? '' : path.dirname(file);
  const place = (f: FontSpec): FontSpec => ({ ...f, file: shown, dir });
  const fonts = Object.fromEntries(
    Object.entries(t.fonts).map(([role, v]) => [role, Array.isArray(v) ? v.map(place) : { ...v, faces: v.faces.map(place) }]),
  ) as Template['fonts'];
  return { ...t, file: shown, fonts };
}
