// Small statistics for benchmarks: medians, not means (one GC pause should not move the figure).
export function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

export const ms = (x) => `${x.toFixed(1)} ms`;
export const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
