// Made-up faces for layout tests: full-width CJK and marks at 1 em, Latin and
// digits at 0.5 em, nothing in the Private Use Area.
import type { FaceChooser, FontMetrics } from '../../src/layout/metrics.js';

export class FakeFace implements FontMetrics {
  readonly unitsPerEm = 1000;
  constructor(readonly id = 'fake') {}
  has(cp: number): boolean {
    return !(cp >= 0xe000 && cp <= 0xf8ff);
  }
  advance(cp: number): number {
    if (cp === 0x20) return 250;
    return cp < 0x2000 ? 500 : 1000;
  }
}

export const fakeFonts: FaceChooser = {
  faceFor: (_role, cp) => (cp >= 0xe000 && cp <= 0xf8ff ? undefined : face),
  primary: () => face,
};
const face = new FakeFace();
