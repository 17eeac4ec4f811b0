// The block: what the body is cut into before pagination (blocks.ts makes
// them, figure.ts makes a figure's, paginate.ts places them on pages). Its own
// module so that the makers and the paginator share it without importing each other.

import type { Line } from './compose.js';
import type { ImageBox, StructTag } from './display-list.js';
import type { TableLayout } from './table.js';

export interface Block {
  kind: 'title' | 'paragraph' | 'space' | 'figure' | 'table';
  /** Lines of the block; `size` is the text size the line's baseline is set for. */
  lines: Line[];
  size: number;
  /** Horizontal offset of each line from the text block's left edge. */
  offsets: number[];
  /** A figure's image, placed from the text block's left edge and the top of the block's first line. */
  image?: PlacedImage;
  /** A table's rows (its lines are empty: pagination places rows, table.ts draws them). */
  table?: TableLayout;
  /** The structure element its lines' runs belong to (a figure's: its caption). */
  tag?: StructTag;
  /** The item's first paragraph (with its run-in title or △): pagination keeps more of it together. */
  opensItem?: boolean;
  /** A paragraph set one line longer, its lines looser but within body.maxStretch (pagination asks, to avoid a short page). */
  longer?: () => Line[] | undefined;
  /** Goes to the next page rather than end a page without the first lines of what follows (a 编者按 before its item). */
  keepWithNext?: boolean;
}

/** An image box as the display list has it, but placed from the text block's left edge and the block's top line. */
export type PlacedImage = Omit<ImageBox, 'kind'>;
