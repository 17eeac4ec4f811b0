// Matching a font name as a person writes it (仿宋_GB2312, FangSong, "Noto Serif
// CJK SC", NotoSerifCJKsc-Regular) against the names fonts carry, and the
// closest names when nothing matches.

/** A face that can be picked by name: where it is and what it is called. */
export interface NamedFace {
  file: string;
  /** Index in a collection (0 otherwise). */
  index: number;
  /** Number of faces in its file: a collection face is opened by PostScript name. */
  facesInFile: number;
  postscriptName: string;
  families: string[];
  fullNames: string[];
  weight: number;
  bold: boolean;
  italic: boolean;
}

/** Case, width, spaces, hyphens and underscores do not matter: "fangsong_gb2312" = "FangSong GB2312". */
export function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');
}

/**
 * The face a name means, among `faces` (in search order): a PostScript name
 * picks one face; a family (or full) name picks the family's regular face, or
 * its bold face when `bold` is asked for. The first file in search order wins.
 */
export function findByName(faces: readonly NamedFace[], name: string, bold = false): NamedFace | undefined {
  const n = normalizeName(name);
  const exact = faces.find((f) => normalizeName(f.postscriptName) === n);
  if (exact) return exact;
  // A regular face's full name is often its family name: look at both together.
  const named = faces.filter((f) => f.fullNames.some((x) => normalizeName(x) === n) || f.families.some((x) => normalizeName(x) === n));
  return named.length ? pickStyle(named, bold) : undefined;
}

/** The upright face closest to regular (or to bold) weight; ties go to the earlier face. */
export function pickStyle<F extends { weight: number; bold: boolean; italic: boolean }>(faces: readonly F[], bold: boolean): F {
  const score = (f: F) => (f.italic ? 1000 : 0) + (bold && !f.bold ? 500 : 0) + (!bold && f.bold ? 500 : 0) + Math.abs(f.weight - (bold ? 700 : 400));
  return faces.reduce((best, f) => (score(f) < score(best) ? f : best));
}

/** Up to `max` installed names nearest to `name` (by edit distance; a name containing it counts as near). */
export function closestNames(faces: readonly NamedFace[], name: string, max = 5): string[] {
  const n = normalizeName(name);
  const scored = new Map<string, number>();
  for (const f of faces) {
    for (const candidate of [...f.families, f.postscriptName]) {
      if (!candidate || scored.has(candidate)) continue;
      const c = normalizeName(candidate);
      const d = c.includes(n) || n.includes(c) ? Math.abs(c.length - n.length) / 4 : editDistance(n, c);
      if (d <= Math.max(2, n.length / 2)) scored.set(candidate, d);
    }
  }
  return [...scored.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([s]) => s);
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}
