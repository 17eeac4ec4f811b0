// A paragraph that holds nothing but an image (or several, one a line) is a
// figure: the image is set on its own at the text width and its alt text is
// printed under it as the caption. An image beside text in a paragraph is an
// error (see inline.ts): a bulletin cannot set a picture inside a line.

import path from 'node:path';
import type { Image, Paragraph as MdParagraph } from 'mdast';
import type { Paragraph } from './model.js';
import type { SourceText } from './source.js';

/** The paragraph as figures, one per image; undefined when it holds anything but images and white space. */
export function readFigures(node: MdParagraph, src: SourceText): Paragraph[] | undefined {
  const images = node.children.filter((c): c is Image => c.type === 'image');
  const onlyImages = node.children.every((c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === ''));
  if (images.length === 0 || !onlyImages) return undefined;
  return images.map((image) => {
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
  });
}
