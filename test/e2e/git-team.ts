// A team on one disk: a bare repository as the remote and clones with their own git identities. The
// git config of the machine is kept out, so a global user.name or hook cannot change what tests see.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createCtx, type Ctx } from '../../src/runtime.js';
import { launch, type RunResult, tempDir } from './run.js';

export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} (in ${cwd}) failed: ${r.stderr}`);
  return r.stdout;
}

/** The built binary, run in a clone with the team's git environment. */
export const run = (cwd: string, ...args: string[]): RunResult => launch(args, { cwd, env: GIT_ENV });

export function cloneAs(remote: string, dir: string, name: string): string {
  git(join(dir, '..'), 'clone', '-q', remote, dir);
  git(dir, 'config', 'user.name', name);
  git(dir, 'config', 'user.email', `${name}@example.com`);
  return dir;
}

export interface Team {
  root: string;
  remote: string;
  alice: string;
  bob: string;
}

/** Alice creates the workspace, commits and pushes it; Bob clones after. */
export function team(): Team {
  const root = tempDir('launch-sync-');
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', remote);
  git(remote, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const alice = cloneAs(remote, join(root, 'alice'), 'alice');
  git(alice, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const init = run(alice, 'init', '--start', '2026-11-30', '--tz', 'Europe/Berlin');
  if (init.code !== 0) throw new Error(init.stderr);
  git(alice, 'add', '-A');
  git(alice, 'commit', '-q', '-m', 'Track the launch');
  git(alice, 'push', '-q', '-u', 'origin', 'main');
  const bob = cloneAs(remote, join(root, 'bob'), 'bob');
  return { root, remote, alice, bob };
}

export interface Captured {
  ctx: Ctx;
  out: () => string;
  err: () => string;
}

/** A command context as the CLI builds it, with captured output, running in `cwd`. */
export function captureCtx(cwd: string, opts: { json?: boolean; tty?: boolean } = {}): Captured {
  let out = '';
  let err = '';
  const ctx = createCtx(
    {
      cwd,
      env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', LAUNCH_DIR: undefined },
      now: () => new Date(),
      stdout: { write: (s: string) => (out += s), isTTY: opts.tty === true },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      stdinIsTTY: opts.tty === true,
    },
    { json: opts.json },
  );
  return { ctx, out: () => out, err: () => err };
}

export const statusIn = (dir: string, id: string): string => JSON.parse(run(dir, 'show', id, '--json').stdout).item.status;
