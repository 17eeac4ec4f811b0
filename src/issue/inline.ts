// Markdown body → paragraphs of styled runs. A bulletin body is paragraphs of
// text with **strong** (bold, e.g. 一是/二是) and *emphasis*; anything else
// cannot be printed by the template and is an error at its line, never dropped.
//
// An image is a figure when it stands on a line of its own (figure.ts);
// beside text it is an error.
//
// Links are errors too: the printed page would keep the link text and silently
// lose the address, so the writer must decide what to print.

import type { Nodes, Paragraph as MdParagraph, PhrasingContent } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Inline, InlineStyle, Paragraph } from './model.js';
import { charAt, charBefore } from '../text/chars.js';
import { joinLineBreaks } from './line-breaks.js';
import type { SourceText } from './source.js';

/** Converts one mdast paragraph; unsupported inline constructs are reported and left out. */
export function readParagraph(node: MdParagraph, src: SourceText, diags: Diagnostics): Paragraph {
  const runs: Inline[] = [];
  collect(node.children, 'plain', runs, src, diags);
  return { inlines: joinBreaks(runs), at: src.place(startOf(node)) };
}

function collect(nodes: PhrasingContent[], style: InlineStyle, out: Inline[], src: SourceText, diags: Diagnostics): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value, style, at: src.place(startOf(node)) });
        break;
      case 'break':
        // A hard line break joins like a soft one: a bulletin paragraph is one block of text.
        out.push({ text: '\n', style, at: src.place(startOf(node)) });
        break;
      case 'strong':
      case 'emphasis':
        if (style !== 'plain') {
          // The template has no bold-emphasis face; say so rather than pick one.
          reportConstruct(src, startOf(node), { name: 'bold and emphasis together', syntax: '***…***' }, diags, node.position?.end.offset);
          break;
        }
        collect(node.children, node.type, out, src, diags);
        break;
      case 'image':
        // On a line of its own it would be a figure (figure.ts); beside text it cannot be set.
        diags.error(src.file, src.position(startOf(node)), 'image/inline', { src: node.url }, node.position ? src.position(node.position.end.offset ?? 0) : undefined);
        break;
      default:
        reportUnsupported(node, src, diags);
    }
  }
}

/** Line breaks inside the paragraph become '' or ' ' by the characters around them, across runs. */
function joinBreaks(runs: Inline[]): Inline[] {
  const all = runs.map((r) => r.text).join('');
  const joined: Inline[] = [];
  let pos = 0;
  for (const run of runs) {
    const end = pos + run.text.length;
    const text = joinLineBreaks(run.text, charBefore(all, pos), charAt(all, end));
    pos = end;
    if (text !== '') joined.push({ ...run, text });
  }
  return joined;
}

interface Construct {
  name: string;
  /** How it is written, so the message can show it without translating the name. */
  syntax: string;
}

const CONSTRUCTS: Record<string, Construct> = {
  heading: { name: 'heading', syntax: '# …' },
  list: { name: 'list', syntax: '- … / 1. …' },
  blockquote: { name: 'block quote', syntax: '> …' },
  thematicBreak: { name: 'horizontal rule', syntax: '---' },
  html: { name: 'raw HTML', syntax: '<…>' },
  definition: { name: 'link definition', syntax: '[…]: …' },
  footnoteDefinition: { name: 'footnote', syntax: '[^…]: …' },
  footnoteReference: { name: 'footnote', syntax: '[^…]' },
  table: { name: 'table', syntax: '| … |' },
  inlineCode: { name: 'inline code', syntax: '`…`' },
  link: { name: 'link', syntax: '[…](…)' },
  linkReference: { name: 'link', syntax: '[…][…]' },
  image: { name: 'image', syntax: '![…](…)' },
  imageReference: { name: 'image', syntax: '![…][…]' },
  delete: { name: 'strikethrough', syntax: '~~…~~' },
  yaml: { name: 'front matter block', syntax: '---' },
};

/** Reports a Markdown construct the body cannot contain, at its first character. */
export function reportUnsupported(node: Nodes, src: SourceText, diags: Diagnostics): void {
  const offset = startOf(node);
  const end = node.position?.end.offset;
  let construct = CONSTRUCTS[node.type] ?? { name: node.type, syntax: node.type };
  const firstChar = src.text[offset];
  if (node.type === 'code') {
    construct =
      firstChar === '`' || firstChar === '~'
        ? { name: 'code block', syntax: '```' }
        : { name: 'code block (a line indented by 4 spaces)', syntax: '␣␣␣␣…' };
  } else if (node.type === 'heading' && firstChar !== '#') {
    construct = { name: 'heading (a line underlined with === or ---)', syntax: '=== / ---' };
  }
  reportConstruct(src, offset, construct, diags, end);
}

function reportConstruct(src: SourceText, offset: number, construct: Construct, diags: Diagnostics, end?: number): void {
  const endPosition = end !== undefined && end > offset ? src.position(trimEnd(src.text, offset, end)) : undefined;
  diags.error(src.file, src.position(offset), 'markdown/unsupported', { construct: construct.name, syntax: construct.syntax }, endPosition);
}

/** `end` moved back over trailing line breaks, so a block ends on its own last line. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && text[end - 1] === '\n') end--;
  return end;
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
