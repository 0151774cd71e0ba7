import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fdWriter } from '../../src/io/stdio.js';
import { BIN } from '../e2e/run.js';

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

  it('fails loudly on a descriptor that cannot be written', () => {
    const fd = fs.openSync(path.join(dir, 'ro.txt'), 'w+');
    fs.closeSync(fd);
    expect(() => fdWriter(fd, noStream, () => {}).write('x')).toThrow(/EBADF/);
  });
});

describe('the built binary writing into a closed pipe', () => {
  it('ends quietly with its own exit code, as `launch --help | true` expects', async () => {
    // The shell waits for a line on stdin, so the pipe's reading end is closed before launch writes.
    const child = spawn('sh', ['-c', `read line; exec "${process.execPath}" "${BIN}" --help`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy();
    child.stdin.end('go\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
