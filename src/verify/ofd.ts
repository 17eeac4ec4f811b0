// An OFD for `bulletin verify`: the structural checks of src/ofd-check/ (which
// reads the package on its own, not with the writer's code) and its text as
// lines, for the same text checks a PDF gets.

import { unzipSync } from 'fflate';
import { checkOfd, ofdText, type OfdFinding } from '../ofd-check/index.js';
import type { Check, TextDocument } from './checks.js';

export interface OfdDocument extends TextDocument {
  findings: OfdFinding[];
}

/** The file is no OFD a reader could open (not a zip, or no OFD.xml in it). */
export class UnreadableOfd extends Error {}

export function readOfd(bytes: Uint8Array): OfdDocument {
  let entry: Record<string, Uint8Array>;
  try {
    entry = unzipSync(bytes, { filter: (f) => f.name === 'OFD.xml' });
  } catch (e) {
    throw new UnreadableOfd(e instanceof Error ? e.message : String(e));
  }
  if (!entry['OFD.xml']) throw new UnreadableOfd('no OFD.xml');
  return {
    findings: checkOfd(bytes),
    pages: ofdText(bytes).map((lines) => ({ lines: lines.map((l) => ({ text: l.replace(/\s+/g, '') })).filter((l) => l.text) })),
  };
}

export const OFD_CHECK: Check<OfdDocument> = {
  id: 'ofd',
  run: (doc) => doc.findings.map((f) => ({
    check: 'ofd',
    message: f.ruleId,
    ...(f.part ? { where: f.line !== undefined ? `${f.part}:${f.line}` : f.part } : {}),
    // A font not embedded fails, as verify/fonts fails it in a PDF: the reader then draws another face.
    ...(f.severity === 'warning' && f.ruleId !== 'ofd/font-not-embedded' ? { severity: 'warning' as const } : {}),
    args: f.args,
  })),
};

export function ofdFigures(doc: OfdDocument): { pages: number; lines: number } {
  return { pages: doc.pages.length, lines: doc.pages.reduce((n, p) => n + p.lines.length, 0) };
}
