// The Debian packages the tests use, listed once in .ci/packages (README's
// install line and .ci/run both read it). A test that needs one that is not
// installed is skipped with a one-line reason naming it; under CI=true it fails.
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
export const PACKAGES = fs.readFileSync(path.join(root, '.ci/packages'), 'utf8').split('\n').filter(Boolean);
export type Package = 'poppler-utils' | 'fonts-wqy-zenhei' | 'fonts-arphic-uming' | 'libreoffice-writer-nogui' | 'chromium' | 'qpdf' | 'libxml2-utils';

const onPath = (cmd: string) => (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));

const PRESENT: Record<Package, () => boolean> = {
  'poppler-utils': () => onPath('pdftotext') && onPath('pdffonts') && onPath('pdfinfo'),
  'fonts-wqy-zenhei': () => fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'),
  'fonts-arphic-uming': () => fs.existsSync('/usr/share/fonts/truetype/arphic/uming.ttc'),
  'libreoffice-writer-nogui': () => onPath('soffice'),
  chromium: () => fs.existsSync('/usr/bin/chromium'),
  qpdf: () => onPath('qpdf'),
  'libxml2-utils': () => onPath('xmllint'),
};

/** BULLETIN_TEST_WITHOUT=pkg,pkg: behave as if those were not installed (to see the skips). */
const hidden = new Set((process.env.BULLETIN_TEST_WITHOUT ?? '').split(',').filter(Boolean));
const inCi = () => !!process.env.CI && process.env.CI !== 'false';

/** Why a test needing these packages cannot run here, or undefined (always undefined under CI: the test then fails). */
export function missing(...pkgs: Package[]): string | undefined {
  const gone = pkgs.filter((p) => hidden.has(p) || !PRESENT[p]());
  if (!gone.length || inCi()) return undefined;
  return `${gone.join(', ')} ${gone.length > 1 ? 'are' : 'is'} not installed (sudo apt-get install -y ${PACKAGES.join(' ')})`;
}

let current: TestContext | undefined;
/** Set by test/helpers/setup.ts around each test. */
export function setCurrentTest(ctx: TestContext | undefined): void {
  current = ctx;
}

/**
 * Called by the helpers that run a package's programs or read its files: skips the running test when one is
 * missing (outside CI). Outside a test (in a beforeAll), it throws the same reason.
 */
export function need(...pkgs: Package[]): void {
  const gone = pkgs.filter((p) => hidden.has(p) || !PRESENT[p]());
  if (!gone.length) return;
  const reason = missing(...pkgs);
  if (reason === undefined) throw new Error(`${gone.join(', ')} not installed, and CI=true: a test that needs it fails (.ci/run installs .ci/packages)`);
  if (current) current.skip(reason);
  throw new Error(reason);
}
