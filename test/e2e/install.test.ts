// Installed the way users install it: the packed tarball, `npm install -g` into a prefix of its own,
// the prefix then read-only. Runs with and without a workspace write nothing under the prefix (checked
// file by file, since a test run as root writes through chmod) and keep their caches in ~/.cache/launch.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { tempDir } from './run.js';

let prefix: string;
let home: string;
let launchBin: string;

/** Every path under a directory with its size and mtime: what a run must leave as it found. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => {
    const st = statSync(join(dir, f));
    return `${f} ${st.size} ${st.mtimeMs}`;
  }).sort();
}

/** Takes away (or gives back, so the prefix can be removed) everyone's write permission. */
function writable(dir: string, yes: boolean): void {
  const set = (path: string) => {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, yes ? mode | 0o200 : mode & ~0o222);
  };
  // chmod needs no write permission anywhere, so the order does not matter.
  set(dir);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) if (!lstatSync(join(dir, f)).isSymbolicLink()) set(join(dir, f));
}

const launch = (cwd: string, ...args: string[]) => {
  const env = { PATH: process.env.PATH, HOME: home, TZ: 'UTC', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [launchBin, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  const work = tempDir('launch-pack-');
  prefix = tempDir('launch-prefix-');
  home = tempDir('launch-home-');
  // dist/ is the one the suite built (npm test's pretest): --ignore-scripts keeps `prepare` from
  // rebuilding it under the other tests' feet.
  const npm = (...args: string[]) => execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  const tgz = npm('pack', '--ignore-scripts', '--silent', '--pack-destination', work).trim().split('\n').pop()!;
  npm('install', '-g', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(work, tgz));
  launchBin = join(prefix, 'bin', 'launch');
  writable(prefix, false);
}, 120_000);

afterAll(() => writable(prefix, true));

describe('an installed launch', () => {
  it('runs from a read-only prefix with and without a workspace, writing only to the user cache', () => {
    const before = tree(prefix);
    const nowhere = tempDir('launch-cwd-');
    const bare = launch(nowhere, 'today', '--date', '2026-12-01');
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toContain('Sprint 1');
    expect(bare.stderr).toContain('No workspace');
    const workspace = tempDir('launch-ws-');
    const init = launch(workspace, 'init', '--start', '2026-11-30', '--as', 'alice');
    expect(init.code, init.stderr).toBe(0);
    for (let i = 0; i < 2; i++) {
      const r = launch(workspace, 'today', '--date', '2026-12-01');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Sprint 1');
      expect(launch(nowhere, 'today', '--date', '2026-12-01').stdout).toBe(bare.stdout);
    }
    expect(tree(prefix)).toEqual(before);
    const cache = join(home, '.cache', 'launch');
    expect(readdirSync(cache).sort()).toEqual(['code', expect.stringMatching(/^securenet-launch\.[0-9a-f]{8}\.snapshot\.json$/)]);
    const code = readdirSync(join(cache, 'code'));
    expect(code).toHaveLength(1);
    expect(readdirSync(join(cache, 'code', code[0]!))).toEqual(expect.arrayContaining([expect.stringMatching(/^launch\.cjs\..*\.v8$/), expect.stringMatching(/^cmd-today\.cjs\..*\.v8$/)]));
    expect(readdirSync(join(workspace, '.launch'))).toContain('.plan.yaml.snapshot.json');
  });
});
