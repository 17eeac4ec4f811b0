// Write a file so that readers see either the old bytes or the new, never a
// partial file: write a temporary file beside it, then rename over.

import fs from 'node:fs';
import path from 'node:path';

/** `.NAME.<pid>.tmp` beside `file`: the temporary name of a write by process `pid`. */
function tmpName(file: string, pid: number): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

/** `mode`: permissions for the new file (e.g. those of the file it replaces). */
export function writeAtomic(file: string, data: Uint8Array, mode?: number): void {
  removeLeftovers(file);
  const tmp = tmpName(file, process.pid);
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

/**
 * A write killed between creating its temporary file and the rename leaves
 * `.NAME.<pid>.tmp` behind. The next write of NAME removes those whose
 * process is gone; nothing else is touched (a live build's file stays).
 */
export function removeLeftovers(file: string): void {
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = name.slice(prefix.length, -'.tmp'.length);
    if (!/^[1-9]\d{0,9}$/.test(pid) || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      if (fs.lstatSync(tmpName(file, Number(pid))).isFile()) fs.rmSync(tmpName(file, Number(pid)));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Whether a process with this id exists (signal 0 tests without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but is another user's
  }
}
