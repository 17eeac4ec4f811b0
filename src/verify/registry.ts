// The formats `bulletin verify` reads, each with its reader and its checks.
// Another format (OFD) or another set of checks (PDF/A) is one more entry here.

import fs from 'node:fs';
import { PDF_CHECKS, pdfFigures, type Check, type CheckContext, type Finding, type VerifyOptions } from './checks.js';
import type { Geometry } from './geometry.js';
import { NoPdfReader, readPdf, UnreadablePdf } from './pdf-read.js';

export { NoPdfReader };

export interface Verifier<D> {
  format: string;
  /** Whether the file's first bytes are this format's. */
  matches(head: Uint8Array): boolean;
  /** Throws Unreadable when the file is not one it can read. */
  read(bytes: Uint8Array): Promise<D>;
  checks: Array<Check<D>>;
  figures(doc: D, geometry: Geometry): object;
}

export class Unreadable extends Error {}

const pdf: Verifier<Awaited<ReturnType<typeof readPdf>>> = {
  format: 'pdf',
  matches: (head) => Buffer.from(head.subarray(0, 1024)).includes('%PDF-'),
  read: async (bytes) => {
    try {
      return await readPdf(bytes);
    } catch (e) {
      if (e instanceof UnreadablePdf) throw new Unreadable(e.message);
      throw e;
    }
  },
  checks: PDF_CHECKS,
  figures: pdfFigures,
};

// Each verifier reads its own document type.
export const VERIFIERS: Array<Verifier<any>> = [pdf];

export interface CheckResult {
  id: string;
  findings: Finding[];
}

export interface VerifyReport {
  file: string;
  format: string;
  ok: boolean;
  figures: object;
  checks: CheckResult[];
}

/** Reads the file and runs every check of its format. Throws Unreadable for a file no verifier reads. */
export async function verifyFile(file: string, geometry: Geometry, options: VerifyOptions): Promise<VerifyReport> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw new Unreadable((e as NodeJS.ErrnoException).code ?? String(e));
  }
  const verifier = VERIFIERS.find((v) => v.matches(bytes));
  if (!verifier) throw new Unreadable(`not one of: ${VERIFIERS.map((v) => v.format).join(', ')}`);
  const doc = await verifier.read(bytes);
  const ctx: CheckContext = { geometry, options };
  const checks = verifier.checks.map((c) => ({ id: c.id, findings: c.run(doc, ctx) }));
  return { file, format: verifier.format, ok: checks.every((c) => !c.findings.length), figures: verifier.figures(doc, geometry), checks };
}
