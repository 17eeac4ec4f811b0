// `bulletin preview` usage errors, without a browser.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { bulletin, example } from '../helpers/cli.js';

describe('bulletin preview usage', () => {
  it('exits 2 for a folder that does not exist or a port that is not a number', () => {
    const r = bulletin(['preview', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/folder');
    expect(bulletin(['preview', example, '--port', 'eighty']).code).toBe(2);
    expect(bulletin(['preview', example, '--port', '70000']).code).toBe(2);
  });

  it('exits 1 and says so when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const r = bulletin(['preview', example, '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot serve the preview on port ${port}: the port is in use`);
    } finally {
      taken.close();
    }
  });
});
