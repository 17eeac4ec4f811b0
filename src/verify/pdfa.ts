// The PDF/A markers and the structure tree of a PDF, by the PDF/A preflight
// (src/pdfa-check/, its own PDF reader). A PDF that does not claim PDF/A is
// only noted as such, unless --pdfa asks for the archival edition.

import { PDF_A_CHECKS, readPdfA, type PdfAReport } from '../pdfa-check/check.js';
import type { Check, Finding } from './checks.js';

/** The preflight's report, or why the preflight could not read the file. */
export type PdfAResult = PdfAReport | { unreadable: string };

export function preflight(bytes: Uint8Array): PdfAResult {
  try {
    return readPdfA(bytes);
  } catch (e) {
    // pdfjs read the file; the preflight's stricter reader did not
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}

/** The PDF/A level the file claims (`2A`), if it claims one. */
export function claimed(r: PdfAResult): string | null {
  return 'part' in r && r.part ? `${r.part}${r.conformance ?? ''}` : null;
}

/** The structure tree in short: how many elements of each type, in the order they first appear. */
function structureSummary(r: PdfAReport): string {
  const counts = new Map<string, number>();
  for (const el of r.structure) counts.set(el.type, (counts.get(el.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${type} ${n}`).join(', ');
}

export const PDFA_CHECK: Check<{ pdfa: PdfAResult }> = {
  id: 'pdfa',
  run: ({ pdfa: r }, { options: o }) => {
    const severity = o.pdfa ? {} : { severity: 'note' as const };
    if ('unreadable' in r) return [{ check: 'pdfa', message: 'verify/pdfa-unreadable', ...severity, args: { reason: r.unreadable } }];
    const level = claimed(r);
    if (!level && !o.pdfa) return [{ check: 'pdfa', message: 'verify/pdfa-none', severity: 'note', args: {} }];
    const found: Finding[] = r.findings.map((f) => ({ check: 'pdfa', message: f.rule, ...(f.severity === 'warning' ? { severity: 'warning' as const } : {}), args: f.args }));
    if (level && !found.some((f) => !f.severity)) {
      const heading = r.structure.find((el) => /^H\d?$/.test(el.type));
      found.push({
        check: 'pdfa',
        message: 'verify/pdfa-claimed',
        severity: 'note',
        args: { level, rules: PDF_A_CHECKS.length, structure: structureSummary(r) || '—', heading: heading ? heading.text.slice(0, 30) : '—' },
      });
    }
    return found;
  },
};
