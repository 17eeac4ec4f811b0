// Lengths in templates: "37mm", "16pt", "0.25em", a bare number (pt), or a Chinese size name.

export const PT_PER_MM = 72 / 25.4;

/** Chinese type sizes in points (the Word/WPS table). */
export const SIZE_NAMES: Record<string, number> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/** Parse a length to points; `em` is relative to `emSize`. Returns undefined when not a length. */
export function parseLength(value: unknown, emSize?: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s in SIZE_NAMES) return SIZE_NAMES[s];
  const m = /^(-?\d+(?:\.\d+)?)\s*(mm|pt|em|cm)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'mm': return n * PT_PER_MM;
    case 'cm': return n * 10 * PT_PER_MM;
    case 'em': return emSize === undefined ? undefined : n * emSize;
    default: return n;
  }
}
