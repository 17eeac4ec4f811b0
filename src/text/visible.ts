// A brief marker is one character that leaves ink: ◆ or ★, not a space, a
// control character or two characters (issue.yaml's `briefMarker`, a template's `brief.marker`).

export function isOneVisibleCharacter(s: string): boolean {
  return isOneGrapheme(s) && !/^[\p{Z}\p{C}\s]+$/u.test(s);
}

/**
 * One code point is always one grapheme; only longer strings (◆ with a variation selector, an emoji
 * sequence) ask ICU, whose break data takes ~20 ms to load: every build checks the template's marker.
 */
function isOneGrapheme(s: string): boolean {
  const points = [...s].length;
  if (points <= 1) return points === 1;
  return [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s)].length === 1;
}
