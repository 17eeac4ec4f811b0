export function prng(seed: number): () => number;
export function generateIssue(outDir: string, count?: number, seed?: number): string;
