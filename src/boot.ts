// Loads the bundle with V8's code cache. Compiling the bundle's JavaScript is a large part of a run's
// start-up, and Node 20 has no compile cache of its own (module.enableCompileCache came in Node 22),
// so the compiled code of each dist/ file is kept in dist/.v8-cache/ and reused on the next run.
// A cache file is named by its source file's size and mtime, so a rebuild never meets stale code; V8
// itself also rejects a cache from another Node version, and then it is simply written again.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Compile = (this: Module & { exports: unknown }, content: string, filename: string) => unknown;

export function loadWithCodeCache(main: string): void {
  const dist = dirname(main);
  const cacheDir = join(dist, '.v8-cache');
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  const toWrite: [Script, string][] = [];

  proto._compile = function compile(content, filename) {
    if (dirname(filename) !== dist) return original.call(this, content, filename);
    let cacheFile: string | undefined;
    let cached: Buffer | undefined;
    try {
      const st = statSync(filename);
      cacheFile = join(cacheDir, `${basename(filename)}.${st.size}.${Math.floor(st.mtimeMs)}.v8`);
      cached = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
    const script = new Script(Module.wrap(content), { filename, ...(cached ? { cachedData: cached } : {}) });
    if (cacheFile && (!cached || script.cachedDataRejected)) toWrite.push([script, cacheFile]);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };

  // Written at exit, after the run compiled the functions it used, so the cache holds them too.
  process.once('exit', () => {
    for (const [script, file] of toWrite) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(file, script.createCachedData());
      } catch {
        // a read-only installation only costs speed
      }
    }
  });
  createRequire(main)(main);
}
