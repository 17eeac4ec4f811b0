// Real fonts for the font tests: the bundled ones, the Debian ones .ci/run
// installs, and a bundled face altered to lack digits.
import fs from 'node:fs';
import path from 'node:path';
import { root, tmpDir } from './cli.js';
import { need } from './system.js';

export const bundled = (name: string) => path.join(root, 'fonts', name);

/** From fonts-wqy-zenhei and fonts-arphic-uming (.ci/packages). */
export const WQY = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
export const UMING = '/usr/share/fonts/truetype/arphic/uming.ttc';

export function requireDebianFonts(): void {
  need('fonts-wqy-zenhei', 'fonts-arphic-uming');
}

/**
 * A copy of a bundled face whose cmap maps only A–Z: its `cmap` directory
 * entry is pointed at a new table appended to the file (checksums are not
 * checked by fontkit or pdfkit).
 */
export function faceWithoutDigits(dest: string, source = bundled('FandolSong-Regular.otf')): string {
  // One Windows Unicode BMP subtable, format 4: A–Z → glyphs 1–26, then the closing segment.
  const sub = Buffer.alloc(16 + 2 * 4 * 2);
  sub.writeUInt16BE(4, 0); // format
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(4, 6); // segCountX2
  sub.writeUInt16BE(4, 8); // searchRange
  sub.writeUInt16BE(1, 10); // entrySelector
  sub.writeUInt16BE(0, 12); // rangeShift
  sub.writeUInt16BE(0x5a, 14); sub.writeUInt16BE(0xffff, 16); // endCode
  sub.writeUInt16BE(0, 18); // reservedPad
  sub.writeUInt16BE(0x41, 20); sub.writeUInt16BE(0xffff, 22); // startCode
  sub.writeInt16BE(1 - 0x41, 24); sub.writeInt16BE(1, 26); // idDelta
  sub.writeUInt16BE(0, 28); sub.writeUInt16BE(0, 30); // idRangeOffset
  return faceWithCmap(dest, [{ platform: 3, encoding: 1, subtable: sub }], source);
}

/**
 * A copy of a bundled face with its cmap replaced by one holding `subtables`
 * (each record pointing at its own bytes, in the order given), appended to
 * the file as faceWithoutDigits does.
 */
export function faceWithCmap(dest: string, subtables: { platform: number; encoding: number; subtable: Buffer }[], source = bundled('FandolSong-Regular.otf')): string {
  const buf = fs.readFileSync(source);
  const numTables = buf.readUInt16BE(4);
  const head = Buffer.alloc(4 + 8 * subtables.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(subtables.length, 2);
  let offset = head.length;
  subtables.forEach((s, i) => {
    head.writeUInt16BE(s.platform, 4 + 8 * i);
    head.writeUInt16BE(s.encoding, 6 + 8 * i);
    head.writeUInt32BE(offset, 8 + 8 * i);
    offset += s.subtable.length;
  });
  const cmap = Buffer.concat([head, ...subtables.map((s) => s.subtable)]);
  const pad = (4 - (buf.length % 4)) % 4;
  const out = Buffer.concat([buf, Buffer.alloc(pad), cmap]);
  for (let i = 0; i < numTables; i++) {
    const p = 12 + 16 * i;
    if (out.toString('latin1', p, p + 4) === 'cmap') {
      out.writeUInt32BE(buf.length + pad, p + 8);
      out.writeUInt32BE(cmap.length, p + 12);
    }
  }
  fs.writeFileSync(dest, out);
  return dest;
}

/** A fresh folder holding the given files (name → bytes or a file to copy). */
export function folderWith(files: Record<string, string | Buffer | { copy: string }>): string {
  const dir = tmpDir();
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) fs.copyFileSync(content.copy, p);
    else fs.writeFileSync(p, content);
  }
  return dir;
}
