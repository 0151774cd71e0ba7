// The V8 code-cache loader in bin/launch.js: it keeps each bundle's compiled code beside the bundle,
// never lets a stale or damaged cache change what runs, and costs only speed when it cannot write.
// It runs on a copy of bin/ and dist/, so the other tests' runs never share its cache.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { tempDir } from './run.js';

let install: string;
let cwd: string;
const cacheDir = () => join(install, 'dist', '.v8-cache');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(install, 'bin', 'launch.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  install = tempDir('launch-install-');
  cwd = tempDir('launch-cwd-');
  for (const part of ['bin', 'dist', 'plans']) cpSync(join(repoRoot, part), join(install, part), { recursive: true });
  rmSync(cacheDir(), { recursive: true, force: true });
});

describe('the code cache', () => {
  it('is written on the first run, named by each bundle and its size, mtime and ctime, and used after', () => {
    const first = run('today', '--date', '2026-12-01');
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(cacheDir());
    expect(files).toContainEqual(expect.stringMatching(/^launch\.cjs\.\d+\.\d+\.\d+\.v8$/));
    expect(files).toContainEqual(expect.stringMatching(/^cmd-today\.cjs\.\d+\.\d+\.\d+\.v8$/));
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

  it('a bundle that changed never meets its old cache: the name carries its size and times', () => {
    const bundle = join(install, 'dist', 'cmd-status.cjs');
    run('status', '--date', '2026-12-01');
    const before = readdirSync(cacheDir()).filter((f) => f.startsWith('cmd-status.cjs.'));
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// changed\n`);
    const r = run('status', '--date', '2026-12-01');
    expect(r.code, r.stderr).toBe(0);
    const after = readdirSync(cacheDir()).filter((f) => f.startsWith('cmd-status.cjs.'));
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
  });

  it('where the cache cannot be written, commands run as usual and say nothing about it', () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    writeFileSync(cacheDir(), 'a file where the directory should be');
    const r = run('today', '--date', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/v8|cache|EEXIST|ENOTDIR/i);
    rmSync(cacheDir());
    mkdirSync(cacheDir());
    expect(existsSync(cacheDir())).toBe(true);
  });
});
