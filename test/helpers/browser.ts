// Real headless Chromium (Debian's, from .ci/packages) driven by playwright-core.
import { chromium, type Browser } from 'playwright-core';
import { missing } from './system.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined. In CI a missing browser is a failure, not a skip. */
export function noBrowser(): string | undefined {
  return missing('chromium');
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
