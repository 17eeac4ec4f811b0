// The installed fonts, by name. Scans the usual font folders and
// BULLETIN_FONT_PATH, reads each file's name table once (sfnt.ts), and keeps
// the result in a cache file: a folder is listed again only when its mtime
// changed, a file is read again only when its mtime or size changed. Built on
// first use only, so a build that names bundled files never scans.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NamedFace } from './names.js';
import { readFontFile, type FileKind } from './sfnt.js';

const CACHE_VERSION = 1;
const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

interface CachedDir {
  mtimeMs: number;
  entries: string[];
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  kind: FileKind | 'damaged';
  faces: Omit<NamedFace, 'file' | 'facesInFile'>[];
}

interface CacheData {
  version: number;
  dirs: Record<string, CachedDir>;
  files: Record<string, CachedFile>;
}

export interface IndexStats {
  /** Folders searched (existing ones), in search order. */
  roots: string[];
  files: number;
  faces: number;
  /** Font files whose tables were read in this scan (0 when everything came from the cache). */
  parsed: number;
  /** Folders listed with readdir in this scan. */
  listed: number;
  cacheFile: string;
  ms: number;
}

export interface FontIndex {
  faces: NamedFace[];
  stats: IndexStats;
}

/** The folders searched, in order: BULLETIN_FONT_PATH first, then the user's, then the system's. */
export function fontFolders(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const home = os.homedir();
  const extra = (env.BULLETIN_FONT_PATH ?? '').split(path.delimiter).filter(Boolean);
  const system =
    platform === 'win32'
      ? [path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts'), path.join(env.WINDIR ?? 'C:\\Windows', 'Fonts')]
      : platform === 'darwin'
        ? [path.join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts']
        : [path.join(home, '.local', 'share', 'fonts'), path.join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
  return [...extra.map((p) => path.resolve(p)), ...system];
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BULLETIN_CACHE_DIR) return path.resolve(env.BULLETIN_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'bulletin', 'cache');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bulletin');
}

let current: FontIndex | undefined;

/** The index for this process, scanned (or taken from the cache) on first call. */
export function installedFonts(): FontIndex {
  current ??= scanFonts(fontFolders(), path.join(cacheDir(), 'font-index.json'));
  return current;
}

/** Whether the installed fonts were looked at in this process (tests: a default build must not). */
export function indexWasBuilt(): boolean {
  return current !== undefined;
}

export function scanFonts(roots: string[], cacheFile: string): FontIndex {
  const started = performance.now();
  const old = readCache(cacheFile);
  const next: CacheData = { version: CACHE_VERSION, dirs: {}, files: {} };
  const faces: NamedFace[] = [];
  const seen = new Set<string>();
  let parsed = 0;
  let listed = 0;

  const addFile = (file: string, st: fs.Stats) => {
    let entry = old.files[file];
    if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
      parsed++;
      entry = { mtimeMs: st.mtimeMs, size: st.size, ...readFaces(file) };
    }
    next.files[file] = entry;
    for (const f of entry.faces) faces.push({ ...f, file, facesInFile: entry.faces.length });
  };

  const walk = (dir: string) => {
    let real: string;
    let st: fs.Stats;
    try {
      real = fs.realpathSync(dir);
      st = fs.statSync(dir);
    } catch {
      return; // a folder that does not exist on this machine
    }
    if (!st.isDirectory() || seen.has(real)) return;
    seen.add(real);
    const cached = old.dirs[dir];
    let entries: string[];
    if (cached && cached.mtimeMs === st.mtimeMs) entries = cached.entries;
    else {
      listed++;
      try {
        entries = fs.readdirSync(dir).sort();
      } catch {
        return;
      }
    }
    next.dirs[dir] = { mtimeMs: st.mtimeMs, entries };
    for (const name of entries) {
      const p = path.join(dir, name);
      let s: fs.Stats;
      try {
        s = fs.statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) walk(p);
      else if (FONT_FILE.test(name)) addFile(p, s);
    }
  };

  const existing = roots.filter((r) => fs.existsSync(r));
  for (const r of existing) walk(r);
  if (parsed > 0 || listed > 0 || Object.keys(old.files).length !== Object.keys(next.files).length) writeCache(cacheFile, next);
  return {
    faces,
    stats: { roots: existing, files: Object.keys(next.files).length, faces: faces.length, parsed, listed, cacheFile, ms: performance.now() - started },
  };
}

function readFaces(file: string): Pick<CachedFile, 'kind' | 'faces'> {
  try {
    const info = readFontFile(file);
    const faces = info.faces.map(({ index, postscriptName, families, fullNames, weight, bold, italic }) => ({ index, postscriptName, families, fullNames, weight, bold, italic }));
    return { kind: info.kind, faces };
  } catch {
    return { kind: 'damaged', faces: [] };
  }
}

function readCache(file: string): CacheData {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
    if (data.version === CACHE_VERSION && data.dirs && data.files) return data;
  } catch {
    // no cache yet, or an unreadable one: scan afresh
  }
  return { version: CACHE_VERSION, dirs: {}, files: {} };
}

/** Written to a temporary file and renamed, so a second process never reads half a cache. A cache we cannot write is no error. */
function writeCache(file: string, data: CacheData): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
  } catch {
    // read-only home, full disk: the next run scans again
  }
}
