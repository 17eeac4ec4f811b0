#!/usr/bin/env node
// Entry point: run the CLI; a bug becomes one line and exit code 1, not a stack trace
// (set BULLETIN_DEBUG=1 to see the trace).
//
// The CLI is one CommonJS bundle (dist/bulletin.cjs). Where Node has its own
// compile cache (module.enableCompileCache, Node 22.1 and later), it is kept in
// the user's cache folder: V8 then neither parses the bundle nor compiles the
// functions a build runs, about a third of a cold build. The install folder is
// never written (a global install is often root's); a folder that cannot be
// written costs only time, and Node says nothing about it. Node 20 runs without.
//
// This file is CommonJS (bin/package.json): Node then starts without its ES module loader.
'use strict';
const { enableCompileCache } = require('node:module');
const os = require('node:os');
const path = require('node:path');

if (enableCompileCache && !process.env.NODE_COMPILE_CACHE) {
  try {
    enableCompileCache(path.join(cacheDir(process.env), 'compile'));
  } catch {
    // no cache: only slower
  }
}

require('../dist/bulletin.cjs').main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bulletin: internal error: ${e && e.message ? e.message : e}\n`);
    if (process.env.BULLETIN_DEBUG) process.stderr.write(`${e && e.stack}\n`);
    process.exitCode = 1;
  },
);

/** The user's cache folder, as src/fonts/font-index.ts finds it for the font index (this file runs before the bundle). */
function cacheDir(env) {
  if (env.BULLETIN_CACHE_DIR) return path.resolve(env.BULLETIN_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'bulletin', 'cache');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bulletin');
}
