export function generateIssue(outDir: string, count?: number, seed?: number): string;
