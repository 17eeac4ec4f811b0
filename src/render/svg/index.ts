// Draw a display list as SVG, for the live preview: the second reader of the
// page list that src/render/pdf/index.ts draws. One <svg> per page in PDF points;
// a glyph run becomes <text> with every glyph's x given, from the advances
// layout measured with, so the browser cannot place a glyph anywhere else
// (no kerning, no shaping of its own); a rule becomes <rect>, an image
// <image>. Nothing here decides where anything goes.

import type { ImageFile } from '../../issue/model.js';
import type { GlyphRun, ImageBox, Page, Rule } from '../../layout/display-list.js';
import type { FontMetrics } from '../../layout/metrics.js';
import type { Color } from '../../template/model.js';
import { screenRgb } from '../../template/color.js';

export interface SvgOptions {
  /** Face id → metrics (a FontSet's faces). */
  faces: ReadonlyMap<string, FontMetrics>;
  colors: Record<string, Color>;
  /** Where the page finds an image (the preview serves them by digest); default: the bytes inline, as a data: URL. */
  imageHref?(image: ImageFile): string;
}

/** The CSS font family under which the preview serves a face. */
export function fontFamily(faceId: string): string {
  return `bf-${faceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function renderSvgPage(page: Page, opts: SvgOptions): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(page.width)} ${num(page.height)}" width="${num(page.width)}" height="${num(page.height)}"` +
      ` style="white-space:pre;font-kerning:none;font-variant-ligatures:none">`,
  ];
  for (const item of page.items) out.push(item.kind === 'rule' ? rule(item, opts) : item.kind === 'image' ? image(item, opts) : glyphs(item, opts));
  out.push('</svg>');
  return out.join('');
}

function rule(r: Rule, opts: SvgOptions): string {
  return `<rect x="${num(r.x)}" y="${num(r.y - r.thickness / 2)}" width="${num(r.width)}" height="${num(r.thickness)}" fill="${cssColor(opts.colors[r.color])}"/>`;
}

function image(box: ImageBox, opts: SvgOptions): string {
  const href = opts.imageHref?.(box.image) ?? dataUrl(box.image);
  // The box already has the image's proportions; browsers turn a JPEG by its EXIF orientation, as pdfkit does.
  return `<image href="${escape(href)}" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" preserveAspectRatio="none"/>`;
}

function dataUrl(image: ImageFile): string {
  return `data:image/${image.format};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

function glyphs(run: GlyphRun, opts: SvgOptions): string {
  const face = opts.faces.get(run.face);
  if (!face) throw new Error(`face ${run.face} was not loaded`);
  const attrs = `font-family="${fontFamily(run.face)}" font-size="${num(run.size)}" fill="${cssColor(opts.colors[run.color])}"`;
  // SVG counts positions per character, and browsers disagree on whether a character beyond
  // U+FFFF is one or two; such characters get a <text> of their own, the rest share one.
  const parts: string[] = [];
  let text = '';
  let xs: string[] = [];
  const flush = () => {
    if (text) parts.push(`<text x="${xs.join(' ')}" y="${num(run.y)}" ${attrs}>${escape(text)}</text>`);
    text = '';
    xs = [];
  };
  let x = run.x;
  for (const ch of run.text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) flush();
    text += ch;
    xs.push(num(x));
    if (cp > 0xffff) flush();
    x += (face.advance(cp) / face.unitsPerEm) * run.size + run.tracking;
  }
  flush();
  return parts.join('');
}

/** Screen colour of a template colour: CMYK converted naively (no ICC profile: a preview, not a proof). */
export function cssColor(c: Color | undefined): string {
  if (!c) return '#000';
  if ('rgb' in c) return /^#[0-9a-fA-F]{3,8}$/.test(c.rgb) ? c.rgb : '#000';
  return `rgb(${screenRgb(c).join(',')})`;
}

function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
