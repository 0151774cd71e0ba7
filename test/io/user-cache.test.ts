// The user's cache directory: where the bundled plan's snapshot (and, by the same rule in
// bin/launch.js, the V8 code cache) goes, instead of the install folder.
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSnapshotPath, pathTag, userCacheDir } from '../../src/io/store/user-cache.js';
import { repoRoot } from '../helpers.js';
import { BASE_ENV, launchIn, scratchDir } from '../support/in-process.js';

describe('the user cache directory', () => {
  it('LAUNCH_CACHE_DIR first (relative to the directory), then $XDG_CACHE_HOME/launch, then ~/.cache/launch', () => {
    const all = { LAUNCH_CACHE_DIR: '/c/own', XDG_CACHE_HOME: '/x', HOME: '/home/a' };
    expect(userCacheDir(all, '/w')).toBe('/c/own');
    expect(userCacheDir({ ...all, LAUNCH_CACHE_DIR: 'rel' }, '/w')).toBe('/w/rel');
    expect(userCacheDir({ ...all, LAUNCH_CACHE_DIR: '' }, '/w')).toBe('/x/launch');
    expect(userCacheDir({ HOME: '/home/a' }, '/w')).toBe('/home/a/.cache/launch');
  });

  it('a relative XDG_CACHE_HOME or HOME is ignored, and no home at all means no cache', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: 'x', HOME: '/home/a' }, '/w')).toBe('/home/a/.cache/launch');
    expect(userCacheDir({ HOME: 'home' }, '/w')).toBeUndefined();
    expect(userCacheDir({}, '/w')).toBeUndefined();
  });

  it('the bundled plan snapshot is named by the install path, so two installs never share one', () => {
    const a = bundledSnapshotPath('/opt/a/plans/securenet-launch.yaml', { LAUNCH_CACHE_DIR: '/c' }, '/');
    const b = bundledSnapshotPath('/opt/b/plans/securenet-launch.yaml', { LAUNCH_CACHE_DIR: '/c' }, '/');
    expect(a).toMatch(/^\/c\/securenet-launch\.[0-9a-f]{8}\.snapshot\.json$/);
    expect(a).not.toBe(b);
    expect(pathTag('/opt/a')).toMatch(/^[0-9a-f]{8}$/);
    expect(pathTag('/opt/a')).not.toBe(pathTag('/opt/b'));
    expect(pathTag('')).toBe('811c9dc5'); // FNV-1a's offset basis: the hash of nothing
    expect(bundledSnapshotPath('/p/x.yaml', {}, '/')).toBeNull();
  });
});

describe('without a workspace, the bundled plan snapshot', () => {
  const plans = join(repoRoot, 'plans');
  const planFiles = () => readdirSync(plans).sort();
  const today = (cwd: string, env: Record<string, string>) => launchIn(['today', '--json'], { cwd, env: { ...BASE_ENV, ...env }, now: '2026-12-01T09:00:00Z' });

  it('goes to the user cache, never beside the bundled plan, and is read on the next run', async () => {
    const before = planFiles();
    const home = scratchDir();
    const cwd = scratchDir();
    const cold = await today(cwd, { HOME: home });
    expect(cold.code, cold.stderr).toBe(0);
    const cache = join(home, '.cache', 'launch');
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^securenet-launch\.[0-9a-f]{8}\.snapshot\.json$/)]);
    const warm = await today(cwd, { HOME: home });
    expect(warm.stdout).toBe(cold.stdout);
    expect(planFiles()).toEqual(before);
  });

  it('follows XDG_CACHE_HOME and LAUNCH_CACHE_DIR', async () => {
    const xdg = scratchDir();
    const cwd = scratchDir();
    expect((await today(cwd, { HOME: scratchDir(), XDG_CACHE_HOME: xdg })).code).toBe(0);
    expect(readdirSync(join(xdg, 'launch'))).toHaveLength(1);
    expect((await today(cwd, { XDG_CACHE_HOME: xdg, LAUNCH_CACHE_DIR: 'mine' })).code).toBe(0);
    expect(readdirSync(join(cwd, 'mine'))).toHaveLength(1);
  });

  it('with no home, or a cache directory that cannot be made, the run keeps no cache and says nothing', async () => {
    const before = planFiles();
    const cwd = scratchDir();
    const expected = await today(cwd, { HOME: scratchDir() });
    const none = await today(cwd, {});
    expect(none).toEqual(expected);
    const blocked = scratchDir();
    writeFileSync(join(blocked, '.cache'), 'a file where a directory should be');
    chmodSync(blocked, 0o555);
    const unwritable = await today(cwd, { HOME: blocked });
    expect(unwritable).toEqual(expected);
    expect(existsSync(join(blocked, '.cache', 'launch'))).toBe(false);
    expect(planFiles()).toEqual(before);
  });
});
