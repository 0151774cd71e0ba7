import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fdWriter, isTerminal } from '../../src/io/stdio.js';
import { BIN } from '../e2e/run.js';

// stdio.ts imports writeSync by name: the module is replaced by one whose writeSync a test can redirect.
const fsHook = vi.hoisted(() => ({ writeSync: undefined as undefined | ((fd: number, buf: Buffer, off: number, len: number) => number) }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((...args: unknown[]) =>
    fsHook.writeSync ? fsHook.writeSync(args[0] as number, args[1] as Buffer, args[2] as number, args[3] as number) : (real.writeSync as (...a: unknown[]) => number)(...args)) as typeof real.writeSync;
  return { ...real, writeSync, default: { ...real, writeSync } };
});
afterEach(() => {
  fsHook.writeSync = undefined;
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-stdio-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const noStream = () => {
  throw new Error('a file never needs the stream');
};

describe('fdWriter', () => {
  it('writes whole UTF-8 text to a file, in order, and knows a file is not a terminal', () => {
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    let closed = 0;
    const out = fdWriter(fd, noStream, () => closed++);
    const big = 'résumé ✓ 🚀\n'.repeat(20_000);
    expect(out.write('first\n')).toBe(true);
    out.write(big);
    out.write('last\n');
    expect(out.isTTY).toBe(false);
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe(`first\n${big}last\n`);
    expect(closed).toBe(0);
  });

  it('hands the rest to Node\'s stream when the descriptor would block, and keeps using it, in order', () => {
    const direct: string[] = [];
    const streamed: string[] = [];
    let room = 10; // bytes the "pipe" takes before it is full
    fsHook.writeSync = (_fd, buf, off, len) => {
      if (room === 0) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      const n = Math.min(room, len);
      direct.push(buf.subarray(off, off + n).toString());
      room -= n;
      return n;
    };
    let created = 0;
    const stream = { writableLength: 0, on: () => stream, write: (chunk: Buffer | string) => (streamed.push(chunk.toString()), (stream.writableLength += chunk.length), true) };
    const out = fdWriter(1, () => (created++, stream as unknown as NodeJS.WriteStream), () => {});
    out.write('0123');
    expect(out.drained).toBe(true);
    out.write('456789abc');
    out.write('def\n');
    expect(direct.join('')).toBe('0123456789');
    expect(streamed).toEqual(['abc', 'def\n']);
    expect(created).toBe(1);
    // What waits in the stream keeps the run from ending early (src/main.ts) until it is written.
    expect(out.drained).toBe(false);
    stream.writableLength = 0;
    expect(out.drained).toBe(true);
  });

  it('ends the run quietly on EPIPE, however far the text got', () => {
    fsHook.writeSync = () => {
      throw Object.assign(new Error('EPIPE: broken pipe, write'), { code: 'EPIPE' });
    };
    let closed = 0;
    expect(fdWriter(1, noStream, () => closed++).write('x')).toBe(false);
    expect(closed).toBe(1);
  });

  it('a full disk on stdout is a plain error naming standard output, exit 1, not an internal error', () => {
    fsHook.writeSync = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    let error: unknown;
    try {
      fdWriter(1, noStream, () => {}).write('x');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ isLaunchError: true, exitCode: 1, message: 'cannot write to standard output: disk full (no space left on device)' });
  });

  it('fails loudly on a descriptor that cannot be written', () => {
    const fd = fs.openSync(path.join(dir, 'ro.txt'), 'w+');
    fs.closeSync(fd);
    expect(() => fdWriter(fd, noStream, () => {}).write('x')).toThrow(/EBADF/);
  });
});

describe('the built binary writing into a closed pipe', () => {
  /** Runs launch with `args` once its stdout's reading end is closed: the shell waits for a line first. */
  async function intoClosedPipe(args: string, cwd?: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn('sh', ['-c', `read line; exec "${process.execPath}" "${BIN}" ${args}`], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy();
    child.stdin.end('go\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  }

  it('a command (launch today | head -1) ends quietly too, exit 0', async () => {
    expect(spawnSync(process.execPath, [BIN, 'init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir }).status).toBe(0);
    expect(await intoClosedPipe('today --date 2026-12-01', dir)).toEqual({ code: 0, stderr: '' });
  });

  it('ends quietly with its own exit code, as `launch --help | true` expects', async () => {
    expect(await intoClosedPipe('--help')).toEqual({ code: 0, stderr: '' });
  });
});

describe('the built binary writing more than a pipe holds, to a reader that comes late', () => {
  // The run ends with process.exit once a command is done (src/main.ts): what it wrote must all arrive.
  it('every byte arrives, after the reader starts reading', async () => {
    const md = ['# Big', '', '## Week 1', ''];
    for (let i = 0; i < 1500; i++) md.push(`- [ ] Item number ${i} with a title long enough to fill the pipe quickly`);
    fs.writeFileSync(path.join(dir, 'big.md'), `${md.join('\n')}\n`);
    const init = spawnSync(process.execPath, [BIN, 'init', '--plan', 'big.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    // Through Python, which makes the pipe non-blocking first, as some parents leave it: writes then
    // meet EAGAIN and the rest goes through Node's stream, which must drain before the run ends.
    const nonBlocking = 'import fcntl, os, sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])';
    const child = spawn('python3', ['-c', nonBlocking, process.execPath, BIN, 'list', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await closed;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(200_000);
    expect(code).toBe(0);
    expect((JSON.parse(text) as { items: unknown[] }).items).toHaveLength(1500);
  });
});

describe('the built binary writing to a full disk (/dev/full)', () => {
  const run = (args: string[], cwd: string, stderrToo = false) => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', full, stderrToo ? full : 'pipe'], encoding: 'utf8', timeout: 20_000 });
      return { code: r.status, stderr: r.stderr ?? '' };
    } finally {
      fs.closeSync(full);
    }
  };

  it.skipIf(!fs.existsSync('/dev/full'))('says it cannot write to standard output and exits 1', () => {
    expect(spawnSync(process.execPath, [BIN, 'init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir }).status).toBe(0);
    for (const args of [['today'], ['log'], ['--version'], ['--help'], ['today', '--help']]) {
      expect(run(args, dir), args.join(' ')).toEqual({ code: 1, stderr: 'error: cannot write to standard output: disk full (no space left on device)\n' });
    }
  });

  it.skipIf(!fs.existsSync('/dev/full'))('with stderr full too, still exits 1 (nothing left to say it on)', () => {
    expect(spawnSync(process.execPath, [BIN, 'init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir }).status).toBe(0);
    expect(run(['today'], dir, true).code).toBe(1);
  });
});

describe('isTerminal', () => {
  it('a file, /dev/null and a closed descriptor are not terminals, with or without the shortcut', () => {
    const file = fs.openSync(path.join(dir, 'f.txt'), 'w');
    const devNull = fs.openSync('/dev/null', 'w');
    const closed = fs.openSync(path.join(dir, 'g.txt'), 'w');
    fs.closeSync(closed);
    try {
      for (const platform of ['linux', 'win32'] as const) {
        expect([isTerminal(file, platform), isTerminal(devNull, platform), isTerminal(closed, platform)]).toEqual([false, false, false]);
      }
    } finally {
      fs.closeSync(file);
      fs.closeSync(devNull);
    }
  });

  it('without a /dev/null to compare with, /dev/null is still not a terminal (isatty says so)', () => {
    const devNull = fs.openSync('/dev/null', 'w');
    try {
      expect(isTerminal(devNull, 'linux', path.join(dir, 'no-such-device'))).toBe(false);
    } finally {
      fs.closeSync(devNull);
    }
  });

  // A pseudo-terminal answering true is covered by the interactive tests: prompts appear only on one.
  it('another character device (/dev/zero) goes on to isatty, which says no', () => {
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      expect(fs.fstatSync(zero).isCharacterDevice()).toBe(true);
      expect(isTerminal(zero)).toBe(false);
    } finally {
      fs.closeSync(zero);
    }
  });
});
