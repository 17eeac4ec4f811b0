// Write a file so that readers see either the old bytes or the new, never a
// partial file: write a temporary file beside it, then rename over.

import fs from 'node:fs';
import path from 'node:path';

/** `mode`: permissions for the new file (e.g. those of the file it replaces). */
export function writeAtomic(file: string, data: Uint8Array, mode?: number): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
