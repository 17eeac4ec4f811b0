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

/** Layout's memo of a chooser's answers: per role, per code point, the face and its advance in ems. */
export type ChoiceMemo = Map<Role, Map<number, { face: FontMetrics; em: number }>>;

/**
 * Answers "which face draws this character in this role" (the role's face,
 * then its fallbacks). Its answers, and its faces' advances, must not change:
 * layout remembers them in `choices`.
 */
export interface FaceChooser {
  faceFor(role: Role, cp: number): FontMetrics | undefined;
  /** The role's own face, used for characters no face has (they are reported before layout). */
  primary(role: Role): FontMetrics;
  /**
   * Where layout remembers this chooser's answers, for as long as the chooser
   * lives (an empty Map to start; a bulletin repeats its characters). Without
   * one, each paragraph asks again.
   */
  readonly choices?: ChoiceMemo;
}
