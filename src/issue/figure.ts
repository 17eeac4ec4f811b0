// An image on a line of its own is a figure: set on its own at the text width,
// its alt text printed under it as the caption. Markdown joins lines without
// a blank line between them into one paragraph, but an editor who puts a
// picture on its own line means it to stand alone, so a paragraph is cut at
// such lines: the text before, the figure(s), the text after. An image beside
// text on the same line is an error (inline.ts): a picture cannot be set
// inside a line of Chinese text.

import path from 'node:path';
import type { Image, Paragraph as MdParagraph, PhrasingContent, Text } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readParagraph } from './inline.js';
import type { Paragraph } from './model.js';
import type { SourceText } from './source.js';

/** One mdast paragraph as model paragraphs: figures for image-only lines, text paragraphs between them. */
export function readBlock(node: MdParagraph, src: SourceText, diags: Diagnostics): Paragraph[] {
  const lines = sourceLines(node, src);
  if (!lines.some(isFigureLine)) return [readParagraph(node, src, diags)];
  const out: Paragraph[] = [];
  let text: PhrasingContent[] = [];
  const flush = () => {
    if (text.length) out.push(readParagraph(paragraphOf(text, src), src, diags));
    text = [];
  };
  for (const line of lines) {
    if (!isFigureLine(line)) {
      text.push(...line);
      continue;
    }
    flush();
    for (const c of line) if (c.type === 'image') out.push(figureOf(c, src));
  }
  flush();
  return out;
}

function isFigureLine(line: PhrasingContent[]): boolean {
  return line.some((c) => c.type === 'image') && line.every((c) => c.type === 'image' || c.type === 'break' || (c.type === 'text' && c.value.trim() === ''));
}

function figureOf(image: Image, src: SourceText): Paragraph {
  const start = image.position?.start.offset ?? 0;
  const at = src.place(start);
  const caption = (image.alt ?? '').trim();
  return {
    inlines: [],
    at,
    figure: {
      src: image.url,
      path: path.resolve(path.dirname(src.file), image.url),
      // `![` comes before the alt text; lint and coverage report at its characters from here.
      ...(caption ? { caption: { text: caption, style: 'plain' as const, at: src.place(start + 2) } } : {}),
      at,
      end: src.place(image.position?.end.offset ?? start),
    },
  };
}

/**
 * The paragraph's children cut into source lines, at the line breaks of its
 * top-level text and at hard breaks (a break inside **…** stays in its line).
 * Each line keeps its own line break at its end, so text lines put back
 * together read as before.
 */
function sourceLines(node: MdParagraph, src: SourceText): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  const current = () => lines[lines.length - 1]!;
  for (const child of node.children) {
    if (child.type === 'break') {
      current().push(child);
      lines.push([]);
    } else if (child.type === 'text' && child.value.includes('\n')) {
      let offset = child.position?.start.offset ?? 0;
      const parts = child.value.split('\n');
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        if (part || !last) current().push(textAt(last ? part : `${part}\n`, offset, src));
        if (!last) {
          offset = src.text.indexOf('\n', offset) + 1;
          lines.push([]);
        }
      });
    } else {
      current().push(child);
    }
  }
  return lines;
}

function textAt(value: string, offset: number, src: SourceText): Text {
  return { type: 'text', value, position: { start: src.position(offset), end: src.position(offset + value.length) } };
}

/** Lines of text between figures as one paragraph, without the line break that ended the last of them. */
function paragraphOf(children: PhrasingContent[], src: SourceText): MdParagraph {
  const kept = [...children];
  const last = kept[kept.length - 1];
  if (last?.type === 'break') kept.pop();
  else if (last?.type === 'text' && last.value.endsWith('\n')) kept[kept.length - 1] = { ...last, value: last.value.slice(0, -1) };
  const start = kept[0]?.position?.start.offset ?? 0;
  const end = kept[kept.length - 1]?.position?.end.offset ?? start;
  return { type: 'paragraph', children: kept, position: { start: src.position(start), end: src.position(end) } };
}
