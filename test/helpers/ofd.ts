// OFD packages in tests: the example's, its parts as text, and a package
// re-zipped after an edit (to damage it on purpose).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { compile, pdfTitle, type Compiled } from '../../src/pipeline/build.js';
import { renderOfd } from '../../src/render/ofd/index.js';
import { example, root, tmpDir } from './cli.js';
import { missing } from './system.js';

export const ofdDate = new Date(Date.UTC(2025, 0, 20));

/** The example compiled and written as OFD. */
export async function exampleOfd(): Promise<{ compiled: Compiled; ofd: Uint8Array }> {
  const { compiled } = await compile(example);
  if (!compiled) throw new Error('the example does not compile');
  const ofd = renderOfd(compiled.pages, compiled.fonts.faces, compiled.template.colors, {
    title: pdfTitle(compiled.issue),
    author: compiled.issue.publisher.value,
    creationDate: ofdDate,
  });
  return { compiled, ofd };
}

/** The package's XML parts as text, by name. */
export function xmlParts(ofd: Uint8Array): Record<string, string> {
  const files = unzipSync(ofd);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([n, b]) => [n, strFromU8(b)]));
}

/** The package with `edit` applied to its files (name → bytes; delete a name to drop the part). */
export function rezip(ofd: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(ofd);
  edit(files);
  return zipSync(files);
}

/** Replace text in one XML part. */
export function editPart(ofd: Uint8Array, part: string, from: string | RegExp, to: string): Uint8Array {
  return rezip(ofd, (files) => {
    const text = strFromU8(files[part]!);
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${part}: nothing to replace`);
    files[part] = strToU8(edited);
  });
}

/** Why xmllint cannot run here, or undefined (test/helpers/system.ts: in CI a missing tool is a failure, not a skip). */
export const noXmllint = (): string | undefined => missing('libxml2-utils');

/**
 * The folder of the GB/T 33190 annex A schemas (OFD.xsd, Document.xsd, Res.xsd, Page.xsd,
 * Definitions.xsd), named by OFD_XSD_DIR. They are not in the repository: the public copy
 * found carries no licence, so they are not ours to ship.
 */
export function xsdDir(): string | undefined {
  const dir = process.env.OFD_XSD_DIR;
  return dir && fs.existsSync(path.join(dir, 'OFD.xsd')) ? dir : undefined;
}

/** Validates each XML part against its GB/T 33190 schema with xmllint; throws xmllint's report for an invalid part. */
export function validateWithXsd(parts: Record<string, string>, xsd: string): void {
  const dir = tmpDir();
  try {
    for (const [name, xml] of Object.entries(parts)) {
      const schema = name === 'OFD.xml' ? 'OFD' : name.endsWith('Document.xml') ? 'Document' : name.endsWith('Res.xml') ? 'Res' : 'Page';
      const file = path.join(dir, name.replaceAll('/', '_'));
      fs.writeFileSync(file, xml);
      // xmllint exits non-zero on an invalid document: execFileSync then throws with its report.
      execFileSync('xmllint', ['--noout', '--schema', path.join(xsd, `${schema}.xsd`), file], { stdio: ['ignore', 'ignore', 'pipe'] });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
