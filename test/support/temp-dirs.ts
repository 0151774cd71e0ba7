// Temporary directories made by tests, removed after the test file that made them.
//
// Test files share the modules they import (vitest.config.ts turns isolation off, for speed), so a
// helper's own top-level afterAll would be registered for the first test file that imports it and
// never again. Instead test/support/setup.ts, which vitest runs before every test file, registers the
// removal for each file; whatever is left when the process exits (a run without that setup file) goes
// then.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A new directory under the system's temporary directory, removed after the current test file. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made) {
    try {
      chmodSync(dir, 0o755); // a test may have made it read-only
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
  made.clear();
}

process.once('exit', removeTempDirs);
