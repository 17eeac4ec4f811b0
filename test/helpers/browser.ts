// Real headless Chromium (Debian's, installed by .ci/run) driven by playwright-core.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined. In CI a missing browser is a failure, not a skip. */
export function noBrowser(): string | undefined {
  if (fs.existsSync(CHROMIUM) || process.env.CI) return undefined;
  return `${CHROMIUM} not found (apt-get install chromium, as .ci/run does)`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    // As root in a container, with no network: no sandbox, no GPU, nothing that calls home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
