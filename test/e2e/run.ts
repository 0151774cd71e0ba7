// Runs the real built binary, as a user would, in a temporary directory.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot } from '../helpers.js';

export const BIN = join(repoRoot, 'bin', 'launch.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Each test file gets its own copy of this module, so the hook removes that file's directories.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      chmodSync(dir, 0o755); // a test may have made it read-only
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

export function tempDir(prefix = 'launch-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function launch(args: string[], opts: { cwd: string; env?: Record<string, string>; input?: string } & SpawnSyncOptions): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, LAUNCH_DIR: undefined, ...opts.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
