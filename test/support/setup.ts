// Run by vitest before every test file (vitest.config.ts: setupFiles), even when files share modules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.js';

afterAll(removeTempDirs);

// The binaries the tests spawn keep their caches (bin/launch.js, src/io/store/user-cache.ts) in one
// directory per test process, never in the user's ~/.cache.
if (!process.env.LAUNCH_CACHE_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'launch-test-cache-'));
  process.env.LAUNCH_CACHE_DIR = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

// A machine may set NODE_EXTRA_CA_CERTS for its registry proxy: every Node process then parses a
// certificate bundle at start (~0.42 G of the 0.50 G instructions of `node -e 0` here), which no test
// needs, since none reaches the network. The processes the tests spawn start without it.
delete process.env.NODE_EXTRA_CA_CERTS;
