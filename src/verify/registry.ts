// The formats `bulletin verify` reads, each with its reader and its checks:
// a PDF (pdfjs-dist, and the PDF/A preflight), an OFD (src/ofd-check/).

import fs from 'node:fs';
import { PDF_CHECKS, pdfFigures, TEXT_CHECKS, type Check, type CheckContext, type Finding, type VerifyOptions } from './checks.js';
import type { Geometry } from './geometry.js';
import { OFD_CHECK, ofdFigures, readOfd, UnreadableOfd, type OfdDocument } from './ofd.js';
import { claimed, PDFA_CHECK, preflight, type PdfAResult } from './pdfa.js';
import { NoPdfReader, readPdf, UnreadablePdf, type PdfDocument } from './pdf-read.js';

export { NoPdfReader };

export interface Verifier<D> {
  format: string;
  /** Whether the file's first bytes are this format's. */
  matches(head: Uint8Array): boolean;
  /** Throws Unreadable when the file is not one it can read. */
  read(bytes: Uint8Array): Promise<D>;
  checks: Array<Check<D>>;
  /** The measured figures; the catalogue's `verify/figures-<format>` prints them. */
  figures(doc: D, geometry: Geometry): object;
}

export class Unreadable extends Error {}

const pdf: Verifier<PdfDocument & { pdfa: PdfAResult }> = {
  format: 'pdf',
  matches: (head) => Buffer.from(head.subarray(0, 1024)).includes('%PDF-'),
  read: async (bytes) => {
    // the preflight first: pdfjs takes over (detaches) the bytes' buffer
    const pdfa = preflight(bytes);
    try {
      return { ...(await readPdf(bytes)), pdfa };
    } catch (e) {
      if (e instanceof UnreadablePdf) throw new Unreadable(e.message);
      throw e;
    }
  },
  checks: [...PDF_CHECKS, PDFA_CHECK],
  figures: (doc, g) => ({ ...pdfFigures(doc, g), pdfa: claimed(doc.pdfa), structureElements: 'structure' in doc.pdfa ? doc.pdfa.structure.length : 0 }),
};

const ofd: Verifier<OfdDocument> = {
  format: 'ofd',
  // a zip; readOfd tells an OFD from another zip (a .docx) by its OFD.xml
  matches: (head) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04,
  read: async (bytes) => {
    try {
      return readOfd(bytes);
    } catch (e) {
      if (e instanceof UnreadableOfd) throw new Unreadable(e.message);
      throw e;
    }
  },
  checks: [OFD_CHECK, ...TEXT_CHECKS],
  figures: ofdFigures,
};

// Each verifier reads its own document type.
export const VERIFIERS: Array<Verifier<any>> = [pdf, ofd];

export interface CheckResult {
  id: string;
  findings: Finding[];
}

/** A check holds when it found nothing but warnings and notes. */
export const holds = (c: CheckResult) => c.findings.every((f) => f.severity);

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
  return { file, format: verifier.format, ok: checks.every(holds), figures: verifier.figures(doc, geometry), checks };
}
