// A full disk, injected: every writer either writes every byte or fails with "disk full", leaving the
// old file byte for byte and no temporary file behind; a cache that cannot be written is skipped and
// never fails a command. (A real full disk, a small tmpfs, is in test/commands/disk-full.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { repoRoot } from '../helpers.js';
import { launcher, logPath } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

// The modules under test import fs functions by name: the module is replaced by one whose writeSync
// and fsyncSync a test can redirect, knowing which file each descriptor was opened for.
type Fault = (file: string, rest: Buffer, real: (b: Buffer) => number) => number;
const hook = vi.hoisted(() => ({
  write: undefined as undefined | Fault,
  fsync: undefined as undefined | ((file: string) => void),
  files: new Map<number, string>(),
}));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = ((...args: Parameters<typeof real.openSync>) => {
    const fd = real.openSync(...args);
    hook.files.set(fd, String(args[0]));
    return fd;
  }) as typeof real.openSync;
  const writeSync = ((...args: unknown[]) => {
    const fd = args[0] as number;
    const write = (real.writeSync as (...a: unknown[]) => number);
    if (!hook.write) return write(...args);
    // (fd, string[, position[, encoding]]) or (fd, buffer[, offset[, length]])
    const text = typeof args[1] === 'string';
    const buf = text ? Buffer.from(args[1] as string) : Buffer.from(args[1] as Uint8Array);
    const off = !text && typeof args[2] === 'number' ? args[2] : 0;
    const rest = buf.subarray(off, !text && typeof args[3] === 'number' ? off + args[3] : undefined);
    return hook.write(hook.files.get(fd) ?? '', rest, (b) => write(fd, b));
  }) as typeof real.writeSync;
  const fsyncSync = ((fd: number) => {
    hook.fsync?.(hook.files.get(fd) ?? '');
    real.fsyncSync(fd);
  }) as typeof real.fsyncSync;
  const patched = { ...real, openSync, writeSync, fsyncSync };
  return { ...patched, default: patched };
});
afterEach(() => {
  hook.write = undefined;
  hook.fsync = undefined;
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const edquot = () => Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' });

/** Faults for the files `match` picks: the disk fills after `room` bytes, as an error or as writes of 0. */
function fillUp(match: (file: string) => boolean, room: number, as: 'error' | 'zero' | 'quota' = 'error'): void {
  let left = room;
  hook.write = (file, rest, real) => {
    if (!match(file)) return real(rest);
    if (left === 0) {
      if (as === 'zero') return 0;
      throw as === 'quota' ? edquot() : enospc();
    }
    const n = real(rest.subarray(0, Math.min(left, rest.length)));
    left -= n;
    return n;
  };
}

const temps = (dir: string): string[] => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('.tmp-'));
const snapshot = (files: string[]) => new Map(files.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f) : null]));
const unchanged = (before: Map<string, Buffer | null>) => {
  for (const [file, bytes] of before) expect(fs.existsSync(file) ? fs.readFileSync(file) : null, file).toEqual(bytes);
};

describe('writeFileAtomic', () => {
  it('goes on after short writes until every byte is written', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'plan.yaml');
    const text = 'x: 1\n'.repeat(50_000);
    hook.write = (_file, rest, real) => real(rest.subarray(0, 1000));
    writeFileAtomic(file, text);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(temps(dir)).toEqual([]);
  });

  it.each([
    ['an ENOSPC error half-way', 'error', /disk full \(no space left on device\)/],
    ['a write of 0 bytes half-way', 'zero', /disk full \(no space left on device\)/],
    ['a quota (EDQUOT) half-way', 'quota', /disk full \(disk quota exceeded\)/],
  ] as const)('fails with "disk full" on %s, the old file unchanged and no temp file left', (_what, as, reason) => {
    const dir = scratchDir();
    const file = path.join(dir, 'plan.yaml');
    fs.writeFileSync(file, 'old: true\n');
    fillUp(() => true, 20_480, as);
    let error: unknown;
    try {
      writeFileAtomic(file, 'y'.repeat(62_195));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ exitCode: 1, message: expect.stringMatching(reason), hint: expect.stringContaining('the old file is unchanged') });
    expect((error as Error).message).toMatch(new RegExp(`^${file}: could not write: `));
    expect(fs.readFileSync(file, 'utf8')).toBe('old: true\n');
    expect(temps(dir)).toEqual([]);
  });

  it('a new file that does not fit is not created at all', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'new.yaml');
    fillUp(() => true, 10);
    expect(() => writeFileAtomic(file, 'z'.repeat(100))).toThrow(/disk full/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failed flush (EIO at fsync) is a failed write too', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, 'old\n');
    hook.fsync = (f) => {
      if (f.endsWith('.tmp')) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    };
    expect(() => writeFileAtomic(file, 'new\n')).toThrow(/config\.yaml: could not write: i\/o error \(EIO\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(temps(dir)).toEqual([]);
  });
});

const launch = launcher('2026-12-01T09:00:00Z');
const seed = path.join(repoRoot, 'plans', 'securenet-launch.md');
const small = path.join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md');

/** A workspace with one check; on the bundled plan unless `plan` (a small one) is given. */
async function workspace(plan?: string): Promise<string> {
  const dir = scratchDir();
  const r = await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice', ...(plan ? ['--plan', plan] : [])], dir);
  expect(r.code, r.stderr).toBe(0);
  const items = JSON.parse((await launch(['list', '--json'], dir)).stdout).items;
  expect((await launch(['check', items[0].id], dir)).code).toBe(0);
  return dir;
}
const ws = (dir: string, name: string) => path.join(dir, '.launch', name);

describe('commands on a full disk (injected)', () => {
  it('init --force --plan: exit 1 with "disk full", plan.yaml and config.yaml as they were', async () => {
    const dir = await workspace(small);
    const before = snapshot([ws(dir, 'plan.yaml'), ws(dir, 'config.yaml'), logPath(dir)]);
    // The bundled plan is 62,195 bytes: once, 20,480 of them were written and init said it was done.
    fillUp((f) => f.includes(`${path.sep}.launch${path.sep}`), 20_480);
    const r = await launch(['init', '--force', '--plan', seed, '--start', '2026-12-07'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.yaml: could not write: disk full/);
    expect(r.stderr).not.toMatch(/internal error/);
    unchanged(before);
    expect(temps(path.join(dir, '.launch'))).toEqual([]);
  });

  it('import -o: exit 1 with "disk full", the old output as it was', async () => {
    const dir = scratchDir();
    expect((await launch(['import', small, '-o', 'out.yaml'], dir)).code).toBe(0);
    const before = snapshot([path.join(dir, 'out.yaml')]);
    fillUp(() => true, 12_288);
    const r = await launch(['import', seed, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: out\.yaml: could not write: disk full \(no space left on device\)\nhint: nothing was written and the old file is unchanged/);
    unchanged(before);
    expect(temps(dir)).toEqual([]);
  });

  it('plan update --yes: exit 1 with "disk full", plan.yaml as it was', async () => {
    const dir = await workspace(small);
    const before = snapshot([ws(dir, 'plan.yaml')]);
    fillUp((f) => f.includes('plan.yaml'), 4096);
    const r = await launch(['plan', 'update', seed, '--yes'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/disk full/);
    unchanged(before);
  });

  it.each(['error', 'zero'] as const)('check (a short append: %s): exit 1, nothing recorded, not half a line', async (as) => {
    const dir = await workspace();
    const before = snapshot([logPath(dir)]);
    fillUp((f) => f.endsWith('events.jsonl'), 40, as);
    const r = await launch(['check', 'redis-setup'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*events\.jsonl: disk full \(no space left on device\)\nhint: nothing was recorded; the log is unchanged/);
    unchanged(before);
  });

  it('doctor --repair: exit 1, the log as it was and no backup left behind', async () => {
    const dir = await workspace();
    fs.appendFileSync(logPath(dir), 'not json\n');
    const before = snapshot([logPath(dir)]);
    // Room for the first backup, not for the second.
    fillUp((f) => f.includes('events.jsonl'), 12);
    const r = await launch(['doctor', '--repair'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot repair .*events\.jsonl: disk full/);
    unchanged(before);
    expect(fs.readdirSync(path.join(dir, '.launch')).filter((n) => /\.ba[dk]-|\.tmp/.test(n))).toEqual([]);
  });

  it('caches that cannot be written are skipped: the command answers as always, exit 0', async () => {
    const dir = await workspace();
    const clean = await launch(['today', '--date', '2026-12-01'], dir);
    for (const name of fs.readdirSync(path.join(dir, '.launch'))) if (name.endsWith('.snapshot.json')) fs.rmSync(ws(dir, name));
    fillUp(() => true, 0);
    const full = await launch(['today', '--date', '2026-12-01'], dir);
    expect(full).toEqual(clean);
    expect(fs.readdirSync(path.join(dir, '.launch')).filter((n) => n.endsWith('.snapshot.json') || n.endsWith('.tmp'))).toEqual([]);
  });
});
