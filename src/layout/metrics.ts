// What layout needs to know about fonts, and nothing more: layout stays pure
// (no fontkit, no files), and tests can give it made-up faces.

import type { Role } from '../template/model.js';

export interface FontMetrics {
  /** Stable id the renderer uses to find the face again. */
  readonly id: string;
  readonly unitsPerEm: number;
  has(cp: number): boolean;
  /** Advance width in font units. */
  advance(cp: number): number;
}

/**
 * Answers "which face draws this character in this role" (the role's face,
 * then its fallbacks). Its answers, and its faces' advances, must not change:
 * layout remembers them per FaceChooser.
 */
export interface FaceChooser {
  faceFor(role: Role, cp: number): FontMetrics | undefined;
  /** The role's own face, used for characters no face has (they are reported before layout). */
  primary(role: Role): FontMetrics;
}
