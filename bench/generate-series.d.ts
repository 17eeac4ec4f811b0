export function itemsOf(k: number): number;
export function generateSeries(outDir: string, opts?: { issues?: number; year?: number; firstTotal?: number; repeat?: number; totalGap?: number }): string;
