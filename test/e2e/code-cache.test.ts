// The V8 code-cache loader in bin/launch.js: it keeps each bundle's compiled code in the user's cache
// directory (never the install folder), never lets a stale or damaged cache change what runs, and costs
// only speed when it cannot write. It runs on a copy of bin/ and dist/ with a cache directory of its own.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manyItemsPlanYaml, repoRoot } from '../helpers.js';
import { tempDir } from './run.js';

let install: string;
let cwd: string;
let home: string;
const userCache = () => join(home, '.cache', 'launch', 'code');
/** The install's own folder of the cache: one, named by a hash of its dist/ path. */
const cacheDir = () => {
  const dirs = readdirSync(userCache());
  expect(dirs).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/)]);
  return join(userCache(), dirs[0]!);
};
const run = (...args: string[]) => {
  const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', HOME: home, LAUNCH_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined };
  const r = spawnSync(process.execPath, [join(install, 'bin', 'launch.js'), ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  install = tempDir('launch-install-');
  cwd = tempDir('launch-cwd-');
  home = tempDir('launch-home-');
  for (const part of ['bin', 'dist', 'plans']) cpSync(join(repoRoot, part), join(install, part), { recursive: true });
});

describe('the code cache', () => {
  it('is written to ~/.cache/launch on the first run, named by each bundle, the build and its size, mtime and ctime, and used after', () => {
    const first = run('today', '--date', '2026-12-01');
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(cacheDir());
    const build = /^\/\* launch build (\S+) \*\/$/m.exec(readFileSync(join(install, 'dist', 'launch.cjs'), 'utf8'))![1]!;
    expect(files).toContainEqual(`launch.cjs.${build}.${files.find((f) => f.startsWith('launch.cjs.'))!.split('.').slice(-4).join('.')}`);
    expect(files).toContainEqual(expect.stringMatching(/^cmd-today\.cjs\.\S+\.\d+\.\d+\.\d+\.v8$/));
    expect(readdirSync(join(install, 'dist')).filter((f) => !f.endsWith('.cjs'))).toEqual(['help.txt']);
    const second = run('today', '--date', '2026-12-01');
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(cacheDir()).sort()).toEqual(files.sort());
  });

  it('a damaged cache file is rejected by V8, the run is unchanged, and the file is written again', () => {
    const expected = run('list', '--sprint', '1').stdout;
    const file = readdirSync(cacheDir()).find((f) => f.startsWith('cmd-list.cjs.'))!;
    writeFileSync(join(cacheDir(), file), 'not a code cache');
    const r = run('list', '--sprint', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(readFileSync(join(cacheDir(), file)).toString()).not.toBe('not a code cache');
  });

  it('a bundle that changed never meets its old cache, and the old one is removed', () => {
    const bundle = join(install, 'dist', 'cmd-status.cjs');
    run('status', '--date', '2026-12-01');
    const before = readdirSync(cacheDir()).filter((f) => f.startsWith('cmd-status.cjs.'));
    expect(before).toHaveLength(1);
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// changed\n`);
    const r = run('status', '--date', '2026-12-01');
    expect(r.code, r.stderr).toBe(0);
    const after = readdirSync(cacheDir()).filter((f) => f.startsWith('cmd-status.cjs.'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('where the cache cannot be written, commands run as usual and say nothing about it', () => {
    rmSync(join(home, '.cache'), { recursive: true, force: true });
    writeFileSync(join(home, '.cache'), 'a file where the directory should be');
    const r = run('today', '--date', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/v8|cache|EEXIST|ENOTDIR/i);
    expect(readdirSync(join(install, 'dist')).filter((f) => !f.endsWith('.cjs'))).toEqual(['help.txt']);
    rmSync(join(home, '.cache'));
    expect(existsSync(join(home, '.cache'))).toBe(false);
  });

  // A run over a large plan turns V8's on-stack replacement off (src/main.ts). V8 stamps its flags into
  // a cache, and a cache written with the flag still off would be rejected and written again by every
  // run after it.
  it('a run over a large plan leaves a cache that the next run uses as it is', () => {
    const big = tempDir('launch-big-');
    writeFileSync(join(big, 'plan.yaml'), manyItemsPlanYaml(2500));
    rmSync(join(home, '.cache'), { recursive: true, force: true });
    expect(run('init', '--dir', join(big, '.launch'), '--plan', join(big, 'plan.yaml'), '--start', '2026-11-30', '--tz', 'UTC').code).toBe(0);
    const first = run('today', '--dir', join(big, '.launch'), '--date', '2026-12-01');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/0\/2500 done/);
    const written = () => new Map(readdirSync(cacheDir()).map((f) => [f, statSync(join(cacheDir(), f)).ino]));
    const before = written();
    expect([...before.keys()]).toContainEqual(expect.stringMatching(/^cmd-today\.cjs\./));
    const second = run('today', '--dir', join(big, '.launch'), '--date', '2026-12-01');
    expect(second.stdout).toBe(first.stdout);
    expect(written()).toEqual(before);
  });
});
