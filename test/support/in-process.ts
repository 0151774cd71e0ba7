// Runs a command in this process, as the binary would, with a clock, environment and streams the
// test chooses: the fast way to test commands. Only the public entry point (src/cli.ts) is used.
import { run } from '../../src/cli.js';
import { makeTempDir } from './temp-dirs.js';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  cwd: string;
  /** The whole environment the command sees (nothing is inherited from the test process). */
  env?: Record<string, string | undefined>;
  /** The instant the command runs at. */
  now: Date | string;
  stdoutIsTTY?: boolean;
  stdinIsTTY?: boolean;
  /** The terminal's width, seen only with stdoutIsTTY (a pipe is never cut). */
  columns?: number;
  /** What the real process does before a walk over every item of a large plan (src/main.ts). */
  oneShotLoops?: () => void;
}

/** The environment every in-process run gets unless a test says otherwise: UTC, no colour decisions. */
export const BASE_ENV: Record<string, string> = { TZ: 'UTC', LAUNCH_ACTOR: 'tester' };

export async function launchIn(args: string[], opts: InProcessOptions): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const now = typeof opts.now === 'string' ? new Date(opts.now) : opts.now;
  const code = await run(args, {
    cwd: opts.cwd,
    env: opts.env ?? BASE_ENV,
    now: () => new Date(now.getTime()),
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: opts.stdoutIsTTY === true },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    stdinIsTTY: opts.stdinIsTTY === true,
    columns: opts.columns,
    oneShotLoops: opts.oneShotLoops,
  });
  return { code, stdout, stderr };
}

/** A temporary directory removed after the test file (see ./temp-dirs.ts). */
export function scratchDir(prefix = 'launch-test-'): string {
  return makeTempDir(prefix);
}
