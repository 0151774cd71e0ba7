// Runs the real built binary, as a user would, in a temporary directory.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { makeTempDir } from '../support/temp-dirs.js';

export const BIN = join(repoRoot, 'bin', 'launch.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary directory removed after the test file (see ../support/temp-dirs.ts). */
export function tempDir(prefix = 'launch-e2e-'): string {
  return makeTempDir(prefix);
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
