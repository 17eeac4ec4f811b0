// A brief marker is one character that leaves ink: ◆ or ★, not a space, a
// control character or two characters (issue.yaml's `briefMarker`, a template's `brief.marker`).

export function isOneVisibleCharacter(s: string): boolean {
  const chars = [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s)];
  return chars.length === 1 && !/^[\p{Z}\p{C}\s]+$/u.test(s);
}
