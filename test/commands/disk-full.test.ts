// A real full disk: a small tmpfs, filled up to a few kilobytes. Once, `init --force` exited 0 leaving
// 20,480 of plan.yaml's 62,195 bytes, and `import -o` a 12 KB file that did not validate. Mounting
// needs root (and a kernel that lets this process mount); elsewhere the injected faults of
// test/io/write-faults.test.ts cover the same paths.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launcher, logPath } from '../support/commands.js';

const launch = launcher('2026-12-01T09:00:00Z');
const seed = join(repoRoot, 'plans', 'securenet-launch.md');
const small = join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md');

/** A 256 KB tmpfs, or why there is none. */
function mountTmpfs(): { dir: string } | { skip: string } {
  if (process.getuid?.() !== 0) return { skip: 'not root' };
  // Not a scratchDir: that removal must not reach into the mount before it is unmounted.
  const dir = mkdtempSync(join(tmpdir(), 'launch-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(dir);
    return { skip: `mount -t tmpfs failed: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}` };
  }
  return { dir };
}
const mounted = mountTmpfs();
const skip = 'skip' in mounted ? mounted.skip : undefined;
if (skip) console.warn(`disk-full.test.ts skipped: ${skip}`);
afterAll(() => {
  if (!('dir' in mounted)) return;
  execFileSync('umount', ['-l', mounted.dir]);
  rmdirSync(mounted.dir);
});

/** Fills the file system with `filler` until ENOSPC, then gives back `room` bytes. */
function fill(filler: string, room: number): void {
  const fd = openSync(filler, 'a');
  const chunk = Buffer.alloc(4096, 0x61);
  try {
    for (;;) {
      try {
        if (writeSync(fd, chunk) < chunk.length) break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    ftruncateSync(fd, Math.max(0, fstatSync(fd).size - room));
  } finally {
    closeSync(fd);
  }
}
const unfill = (filler: string) => execFileSync('rm', ['-f', filler]);
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.includes('.tmp-'));

let n = 0;
/** A fresh folder on the tmpfs, with the previous test's files gone so the room is known. */
function freshDir(): string {
  const root = (mounted as { dir: string }).dir;
  for (const name of readdirSync(root)) execFileSync('rm', ['-rf', join(root, name)]);
  const dir = join(root, `t${n++}`);
  execFileSync('mkdir', [dir]);
  return dir;
}

describe.skipIf(skip !== undefined)('on a real full disk (tmpfs)', () => {
  let filler: string;
  beforeAll(() => {
    filler = join((mounted as { dir: string }).dir, 'filler');
  });

  it('init --force with a plan that does not fit: exit 1, "disk full", the old files byte for byte', async () => {
    const dir = freshDir();
    expect((await launch(['init', '--plan', small, '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const files = ['plan.yaml', 'config.yaml', 'events.jsonl'].map((f) => join(dir, '.launch', f));
    const before = files.map((f) => readFileSync(f));
    fill(filler, 20_480);
    const r = await launch(['init', '--force', '--plan', seed, '--start', '2026-12-07'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.yaml: could not write: disk full \(no space left on device\)\nhint: nothing was written and the old file is unchanged/);
    expect(files.map((f) => readFileSync(f))).toEqual(before);
    expect(leftovers(join(dir, '.launch'))).toEqual([]);
    unfill(filler);
  });

  it('import -o over a plan, with 12 KB left: exit 1, "disk full", the old plan byte for byte', async () => {
    const dir = freshDir();
    expect((await launch(['import', small, '-o', 'out.yaml'], dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'out.yaml'));
    fill(filler, 12_288);
    const r = await launch(['import', seed, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: out\.yaml: could not write: disk full/);
    expect(readFileSync(join(dir, 'out.yaml'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    unfill(filler);
  });

  it('a note that crosses into a page the disk does not have: exit 1, the log as it was; reads still work', async () => {
    const dir = freshDir();
    expect((await launch(['init', '--plan', small, '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const item = JSON.parse((await launch(['list', '--json'], dir)).stdout).items[0].id;
    expect((await launch(['check', item], dir)).code).toBe(0);
    const before = readFileSync(logPath(dir));
    const expected = await launch(['list', '--date', '2026-12-01'], dir);
    fill(filler, 0);
    // The log's last page has room for part of it: a short write, then ENOSPC.
    const r = await launch(['note', item, '-m', 'x'.repeat(6000)], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*events\.jsonl: disk full \(no space left on device\)\nhint: nothing was recorded; the log is unchanged/);
    expect(readFileSync(logPath(dir))).toEqual(before);
    // A full disk costs the caches, never an answer.
    for (const name of readdirSync(join(dir, '.launch'))) if (name.endsWith('.snapshot.json')) execFileSync('rm', [join(dir, '.launch', name)]);
    expect(await launch(['list', '--date', '2026-12-01'], dir)).toEqual(expected);
    unfill(filler);
  });
});
