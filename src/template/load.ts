// Read a template YAML into a Template, every length in points. Errors are
// diagnostics at the template's own line:column, never exceptions. Three
// steps: read the file and the templates it extends (source.ts), read each
// section's values (sections.ts, through reader.ts), check their ranges
// (validate.ts).

import path from 'node:path';
import { isMap, isScalar, type Document, type Node } from 'yaml';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, templatesDir } from '../paths.js';
import { nearest } from '../text/suggest.js';
import type { Template } from './model.js';
import { prebuiltTemplate } from './prebuilt.js';
import { templateReader, type TemplateReader } from './reader.js';
import * as section from './sections.js';
import { keysAt, positionOf, readChain, type TemplateCache, type TemplateDoc } from './source.js';
import { validateTemplate } from './validate.js';

export { findTemplate } from './source.js';

/** Maps whose keys are the user's own names, not template keys. */
const FREE_MAPS = new Set(['colors', 'wordFonts']);

/**
 * A template's result and the warnings it gave, kept while every file of its chain (and the
 * default template, the schema) parsed to the same documents: watch mode reads the same
 * template on every build.
 */
export type TemplateResults = Map<string, { docs: Document[]; shown: string[]; template: Template | undefined; diagnostics: Diagnostic[] }>;

/** `cache`: parsed templates a long-lived caller keeps between builds (watch mode); `results`: its Templates. */
export function loadTemplate(file: string, diags: Diagnostics, cache?: TemplateCache, results?: TemplateResults): Template | undefined {
  // The bundled default, unchanged since the bundle was made: read then (prebuilt.ts).
  if (file === path.join(templatesDir, 'default.yaml')) {
    const prebuilt = prebuiltTemplate(file, displayPath(file));
    if (prebuilt) return prebuilt;
  }
  const chain = readChain(file, diags, cache);
  if (!chain) return undefined;
  const schema = schemaOf(chain, cache);
  const docs = [...chain.map((d) => d.doc), ...(schema ? [schema.doc] : [])];
  const shown = chain.map((d) => d.shown);
  const hit = results?.get(file);
  if (hit && sameList(hit.docs, docs) && sameList(hit.shown, shown)) {
    diags.merge(hit.diagnostics);
    return hit.template;
  }
  const own = new Diagnostics();
  const template = buildChecked(file, chain, schema, own);
  results?.set(file, { docs, shown, template, diagnostics: own.list });
  diags.merge(own.list);
  return template;
}

function buildChecked(file: string, chain: TemplateDoc[], schema: TemplateDoc | undefined, diags: Diagnostics): Template | undefined {
  if (schema) warnUnknownKeys(chain, schema, diags);
  const r = templateReader(chain, diags);
  const t = buildTemplate(file, chain[0]!.shown, r);
  checkColors(t, r);
  // Ranges only once every value could be read (an unreadable one counts as 0).
  if (!diags.hasErrors) validateTemplate(t, r.fail);
  return diags.hasErrors ? undefined : t;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The Template, section by section (each section's keys are read in sections.ts). */
function buildTemplate(file: string, shown: string, r: TemplateReader): Template {
  return {
    name: path.basename(file).replace(/\.ya?ml$/, ''),
    file: shown,
    page: section.page(r),
    grid: section.grid(r),
    colors: section.colors(r),
    fonts: section.fonts(r),
    wordFonts: section.wordFonts(r),
    body: section.body(r),
    masthead: section.masthead(r),
    lead: section.lead(r),
    item: section.item(r),
    brief: section.brief(r),
    attribution: section.attribution(r),
    figure: section.figure(r),
    table: section.table(r),
    footer: section.footer(r),
    signOff: section.signOff(r),
    note: section.note(r),
    pageNumber: section.pageNumber(r),
  };
}

/** Every colour an element names is defined under `colors`. */
function checkColors(t: Template, r: TemplateReader): void {
  const named = [t.masthead.name.color, t.masthead.number.color, t.masthead.publisher.color, t.masthead.rule.color, t.body.color,
    t.lead.title.color, t.figure.caption.color, t.table.color, t.table.rule.color, t.footer.color, t.pageNumber.color,
    t.masthead.marking.color, t.masthead.series.color];
  for (const c of new Set(named)) if (c && !(c in t.colors)) r.fail(['colors'], `does not define the colour \`${c}\``);
}

/** The default template is the schema; most templates extend it, and then it is already read. */
function schemaOf(chain: TemplateDoc[], cache: TemplateCache | undefined): TemplateDoc | undefined {
  const defaultFile = path.join(templatesDir, 'default.yaml');
  return chain.find((d) => d.file === defaultFile) ?? readChain(defaultFile, new Diagnostics(), cache)?.[0];
}

/** A key the default template does not have is a warning with the nearest known key. */
function warnUnknownKeys(chain: TemplateDoc[], schema: TemplateDoc, diags: Diagnostics): void {
  const walk = (src: TemplateDoc, node: Node | null | undefined, keys: string[]) => {
    if (!isMap(node) || FREE_MAPS.has(keys[0] ?? '')) return;
    // Where the default template has a plain value (a font: a name, a list or { face, bold }), its reader checks the shape.
    if (keys.length && !isMap(schema.doc.getIn(keys, true))) return;
    const known = keys.length ? keysAt([schema], keys) : [...keysAt([schema], []), 'extends', 'wordFonts'];
    for (const pair of node.items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!known.includes(k)) {
        diags.warning(src.shown, positionOf(src, pair.key as Node), 'template/unknown-key', { key: k, suggestion: nearest(k, known) });
      } else {
        walk(src, pair.value as Node, [...keys, k]);
      }
    }
  };
  for (const src of chain) if (src.file !== schema.file) walk(src, src.doc.contents, []);
}
