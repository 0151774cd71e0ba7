// launch whoami: the name this clone's events are recorded under, and which source decided it, in
// the order a write asks them: --as, LAUNCH_ACTOR, .launch/actor, config.yaml's actor, git's
// user.name, the OS user.
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

/** git sees only the repository's own config, so a machine's user.name cannot leak in. */
const GIT = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** A workspace in a git repository whose user.name is "Gita", created with `init --as alice`. */
async function repoWorkspace(): Promise<string> {
  const dir = scratchDir();
  spawnSync('git', ['init', '-q'], { cwd: dir });
  spawnSync('git', ['config', 'user.name', 'Gita'], { cwd: dir });
  expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
  return dir;
}

const env = (extra: Record<string, string> = {}) => ({ ...ENV, ...GIT, PATH: process.env.PATH!, ...extra });
const json = async (dir: string, args: string[] = [], e: Record<string, string | undefined> = env()) => JSON.parse((await launch(['whoami', '--json', ...args], dir, e)).stdout);

describe('launch whoami', () => {
  it('says who events are recorded as and why, each source winning over the ones after it', async () => {
    const dir = await repoWorkspace();
    const r = await launch(['whoami'], dir, env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^alice\n {2}from \.launch\/actor: this clone's own name/);
    expect(r.stdout).toMatch(/otherwise: git user\.name Gita, then the OS user/);

    expect(await json(dir, ['--as', 'dave'], env({ LAUNCH_ACTOR: 'erin' }))).toMatchObject({ actor: 'dave', source: '--as' });
    expect(await json(dir, [], env({ LAUNCH_ACTOR: 'erin' }))).toMatchObject({ actor: 'erin', source: 'LAUNCH_ACTOR' });
    const local = await json(dir);
    expect(local).toEqual({
      schema: 1,
      actor: 'alice',
      source: '.launch/actor',
      workspace: '.launch',
      sources: [
        { source: '.launch/actor', name: 'alice' },
        { source: 'git user.name', name: 'Gita' },
        { source: 'OS user', name: userInfo().username },
      ],
    });
    // What whoami says is what a write records.
    expect((await launch(['check', 'redis-setup'], dir, env())).code).toBe(0);
    expect(eventsOf(dir).at(-1).actor).toBe('alice');

    rmSync(join(dir, '.launch', 'actor'));
    appendFileSync(join(dir, '.launch', 'config.yaml'), 'actor: cora\n');
    expect(await json(dir)).toMatchObject({ actor: 'cora', source: 'config.yaml' });
    expect((await launch(['whoami'], dir, env())).stdout).toMatch(/^cora\n {2}from actor in \.launch\/config\.yaml, the team's shared default/);
  });

  it('falls back to git user.name, then the OS user', async () => {
    const dir = scratchDir();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['config', 'user.name', 'Gita'], { cwd: dir });
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC'], dir)).code).toBe(0);
    expect(await json(dir)).toMatchObject({ actor: 'Gita', source: 'git user.name' });
    // Without git on the PATH, the OS user.
    expect(await json(dir, [], { ...ENV, PATH: '' })).toMatchObject({ actor: userInfo().username, source: 'OS user', sources: [{ source: 'OS user' }] });
  });

  it('outside a workspace, says so, and who events would be recorded as', async () => {
    const dir = scratchDir();
    const r = await launch(['whoami'], dir, env({ LAUNCH_ACTOR: 'erin' }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^erin\n {2}from the LAUNCH_ACTOR environment variable/);
    expect(r.stderr).toMatch(/No launch workspace here/);
    expect(r.stderr).not.toMatch(/bundled plan/);
    expect(await json(dir, [], env({ LAUNCH_ACTOR: 'erin' }))).toMatchObject({ actor: 'erin', workspace: null });
  });
});
