// A team on one disk: a bare repository as the remote and clones with their own git identities. The
// git config of the machine is kept out, so a global user.name or hook cannot change what tests see.
// launch runs in-process (test/support/in-process.ts) at fixed instants; git is real.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { clock } from '../support/commands.js';
import { launchIn, type Result } from '../support/in-process.js';
import { tempDir } from './run.js';

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

/**
 * What launch sees: UTC, the team's git environment and a PATH to find git on; no LAUNCH_ACTOR, so
 * events are recorded under the clone's git user.name.
 */
const ENV: Record<string, string | undefined> = { TZ: 'UTC', PATH: process.env.PATH, ...GIT_ENV };
// One clock for the file: every command is a second after the one before, as if typed.
const now = clock('2026-12-01T09:00:00Z');

/** launch in a clone, with the team's git environment. */
export const run = (cwd: string, ...args: string[]): Promise<Result> => launchIn(args, { cwd, env: ENV, now: now() });

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
async function newTeam(): Promise<Team> {
  const root = tempDir('launch-sync-');
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', remote);
  git(remote, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const alice = cloneAs(remote, join(root, 'alice'), 'alice');
  git(alice, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const init = await run(alice, 'init', '--start', '2026-11-30', '--tz', 'Europe/Berlin');
  if (init.code !== 0) throw new Error(init.stderr);
  git(alice, 'add', '-A');
  git(alice, 'commit', '-q', '-m', 'Track the launch');
  git(alice, 'push', '-q', '-u', 'origin', 'main');
  const bob = cloneAs(remote, join(root, 'bob'), 'bob');
  return { root, remote, alice, bob };
}

let template: Promise<Team> | undefined;

/**
 * A team as newTeam leaves it. It is made once per test file and copied for each test (the remote
 * and both clones), which is the same repositories for a fraction of the git commands.
 */
export async function team(): Promise<Team> {
  // Made again when the test file that made it has ended and its directories are gone.
  if (template === undefined || !existsSync((await template).root)) template = newTeam();
  const from = await template;
  const root = tempDir('launch-sync-');
  cpSync(from.root, root, { recursive: true });
  const copy: Team = { root, remote: join(root, 'remote.git'), alice: join(root, 'alice'), bob: join(root, 'bob') };
  for (const clone of [copy.alice, copy.bob]) git(clone, 'remote', 'set-url', 'origin', copy.remote);
  return copy;
}

export const statusIn = async (dir: string, id: string): Promise<string> => JSON.parse((await run(dir, 'show', id, '--json')).stdout).item.status;
