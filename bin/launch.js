#!/usr/bin/env node
// Loads the prebuilt CommonJS bundle (dist/launch.cjs, built by scripts/build.mjs at install) with
// V8's code cache. Compiling the bundle's JavaScript is a large part of a run's start-up, and Node 20
// has no compile cache of its own (module.enableCompileCache came in Node 22), so the compiled code of
// each dist/ file is kept in the user's cache directory and reused on the next run.
//
// The cache is the user's, never the install folder's (read-only to its users, shared by all of them):
// LAUNCH_CACHE_DIR, else $XDG_CACHE_HOME/launch, else ~/.cache/launch, the rule src/io/store/user-cache.ts
// keeps for the bundled plan's snapshot; with none of them, or none writable, there is no cache and
// nothing is said. Each install has a folder of its own, named by a hash of its dist/ path, and a cache
// file is named by its bundle, the build id (line 2 of every bundle) and the bundle's size, mtime and
// ctime: V8 checks little more than the source's length, and a copy that keeps mtimes (cp -p, tar)
// still gets a new ctime, so changed code never meets an old cache. V8 rejects a cache from another
// Node version itself, and it is then written again. The loader lives here rather than in a module of
// its own because every module a run loads costs start-up time.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, isAbsolute, join, resolve } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const compile = Module.prototype._compile;
const toWrite = [];

function userCacheDir(env) {
  if (env.LAUNCH_CACHE_DIR) return resolve(env.LAUNCH_CACHE_DIR);
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'launch');
  if (env.HOME && isAbsolute(env.HOME)) return join(env.HOME, '.cache', 'launch');
  return undefined;
}

// FNV-1a, 32 bits (as src/io/store/user-cache.ts's pathTag): no node:crypto at start-up.
function pathTag(path) {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const userCache = userCacheDir(process.env);
const cacheDir = userCache && join(userCache, 'code', pathTag(dist));

// Node 22 and later keep compiled code themselves: hooking Module's internals is only for Node 20.
if (typeof Module.enableCompileCache === 'function') {
  try {
    if (cacheDir) Module.enableCompileCache(cacheDir);
  } catch {
    // no cache only costs speed
  }
  require(join(dist, 'launch.cjs'));
  return;
}

Module.prototype._compile = function compileWithCache(content, filename) {
  if (!cacheDir || dirname(filename) !== dist) return compile.call(this, content, filename);
  const name = filename.slice(dist.length + 1);
  let cacheFile;
  let cached;
  try {
    const build = /^\/\* launch build (\S+) \*\/$/m.exec(content.slice(0, 200));
    const st = statSync(filename);
    cacheFile = join(cacheDir, `${name}.${build ? build[1] : 'unknown'}.${st.size}.${Math.floor(st.mtimeMs)}.${Math.floor(st.ctimeMs)}.v8`);
    cached = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new Script(Module.wrap(content), cached ? { filename, cachedData: cached } : { filename });
  if (cacheFile && (!cached || script.cachedDataRejected)) toWrite.push([script, name, cacheFile]);
  // The bundles require only Node's built-ins and their sibling chunks, which this module resolves.
  const module = this;
  const require = (id) => module.require(id);
  return script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, dist);
};

// Written at exit, after the run compiled the functions it used, so the cache holds them too.
process.once('exit', () => {
  if (toWrite.length === 0) return;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  } catch {
    return; // nowhere writable: a cache only costs speed
  }
  for (const [script, name, file] of toWrite) {
    try {
      // Whole or not at all: another run may be reading it.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
      // The same bundle's caches of other builds are dead: an upgrade does not pile them up.
      for (const old of readdirSync(cacheDir)) {
        if (old.startsWith(`${name}.`) && old.endsWith('.v8') && join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
      }
    } catch {
      // a full or read-only cache directory only costs speed
    }
  }
});

require(join(dist, 'launch.cjs'));
