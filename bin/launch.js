#!/usr/bin/env node
// Loads the prebuilt CommonJS bundle (dist/launch.cjs, built by scripts/build.mjs at install) with
// V8's code cache. Compiling the bundle's JavaScript is a large part of a run's start-up, and Node 20
// has no compile cache of its own (module.enableCompileCache came in Node 22), so the compiled code of
// each dist/ file is kept in dist/.v8-cache/ and reused on the next run. A cache file is named by its
// source file's size, mtime and ctime: V8 checks little more than the source's length, and a copy that
// keeps mtimes (cp -p, tar) still gets a new ctime, so changed code never meets an old cache. V8
// rejects a cache from another Node version itself, and it is then written again. The loader lives
// here rather than in a module of its own because every module a run loads costs start-up time.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const cacheDir = join(dist, '.v8-cache');
const compile = Module.prototype._compile;
const toWrite = [];

Module.prototype._compile = function compileWithCache(content, filename) {
  if (dirname(filename) !== dist) return compile.call(this, content, filename);
  let cacheFile;
  let cached;
  try {
    const st = statSync(filename);
    cacheFile = join(cacheDir, `${filename.slice(dist.length + 1)}.${st.size}.${Math.floor(st.mtimeMs)}.${Math.floor(st.ctimeMs)}.v8`);
    cached = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new Script(Module.wrap(content), cached ? { filename, cachedData: cached } : { filename });
  if (cacheFile && (!cached || script.cachedDataRejected)) toWrite.push([script, cacheFile]);
  // The bundles require only Node's built-ins and their sibling chunks, which this module resolves.
  const module = this;
  const require = (id) => module.require(id);
  return script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, dist);
};

// Written at exit, after the run compiled the functions it used, so the cache holds them too.
process.once('exit', () => {
  for (const [script, file] of toWrite) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Whole or not at all: another run may be reading it.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // a read-only installation only costs speed
    }
  }
});

require(join(dist, 'launch.cjs'));
