// The built binary on a real pseudo-terminal 60 columns wide: it asks the terminal its width and wraps
// to it, at words. (In-process tests set the width directly; only this one proves the real lookup.)
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { launcher, workspaceWith } from '../support/commands.js';
import { BIN } from './run.js';

// Runs argv in a pty of the given size and prints what it wrote, as JSON.
const DRIVER = String.raw`
import fcntl, json, os, pty, select, struct, sys, termios, time
spec = json.loads(sys.stdin.read())
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, spec['columns'], 0, 0))
    os.chdir(spec['cwd'])
    os.execve(spec['argv'][0], spec['argv'], spec['env'])
raw = b''
deadline = time.time() + 30
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if not r:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    raw += chunk
_, status = os.waitpid(pid, 0)
print(json.dumps({'output': raw.decode('utf-8', 'replace'), 'code': os.waitstatus_to_exitcode(status)}))
`;

function inPty(args: string[], cwd: string, columns: number): { output: string; code: number } {
  const env = { PATH: process.env.PATH ?? '', TZ: 'UTC', TERM: 'xterm', NO_COLOR: '1' };
  const r = spawnSync('python3', ['-c', DRIVER], { input: JSON.stringify({ argv: [process.execPath, BIN, ...args], cwd, env, columns }), encoding: 'utf8', timeout: 45_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('on a real terminal', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await workspaceWith(launcher('2026-12-01T09:00:00Z'));
  });

  it('list wraps to the terminal\'s 60 columns at words, titles under titles', () => {
    const { output, code } = inPty(['list', '--sprint', '1'], dir, 60);
    expect(code).toBe(0);
    const lines = output.split(/\r?\n/).filter(Boolean);
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.filter((l) => stringWidth(l) > 60)).toEqual([]);
    // A long title, wrapped and read back whole.
    expect(lines.map((l) => l.trim()).join(' ')).toContain('Skeleton components implemented for all data tables');
  });
});
