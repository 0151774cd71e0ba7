// A FIFO or a device where a workspace file should be: opening a FIFO to read waits for a writer, so
// once every command hung on one. Each must now refuse at once, naming the file (exit 1), and a cache
// in that state is passed over. Real processes, so a regression shows as a timeout, not a stuck run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialised, launcher } from '../support/commands.js';
import { launch } from './run.js';

/** Made in-process (a copy of one init per file): only the commands that meet the file need the binary. */
const launchIn = launcher('2026-12-01T09:00:00Z');
async function workspace(): Promise<string> {
  const dir = await initialised(launchIn, ['--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice']);
  expect((await launchIn(['check', 'skeleton-loading-setup'], dir)).code).toBe(0);
  return dir;
}
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('a FIFO in place of a workspace file', () => {
  it.each([
    ['events.jsonl', ['today', 'check redis-setup', 'log', 'doctor', 'doctor --repair', 'show redis-setup', 'standup']],
    ['plan.yaml', ['today', 'check redis-setup', 'doctor', 'init --force --start 2026-12-07']],
    ['config.yaml', ['today', 'doctor', 'init --force --start 2026-12-07', 'init --as bob']],
    ['actor', ['check redis-setup', 'init --as bob']],
  ])('.launch/%s: every command refuses at once, exit 1, naming it', async (name, commands) => {
    const dir = await workspace();
    const file = join(dir, '.launch', name);
    rmSync(file, { force: true });
    // Caches would answer without reading the plan or config: a FIFO in their place must still be seen.
    for (const cache of ['.plan.yaml.snapshot.json', '.events.fold.snapshot.json']) rmSync(join(dir, '.launch', cache), { force: true });
    mkfifo(file);
    for (const command of commands) {
      const r = launch(command.split(' '), { cwd: dir, env: { LAUNCH_ACTOR: '' } });
      expect(r.code, `${command}: ${r.stderr}`).toBe(1);
      expect(r.stderr, command).toContain(`${file}: is a named pipe (FIFO), not a regular file`);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });

  it('a cache that is a FIFO is passed over: the command answers as without it', async () => {
    const dir = await workspace();
    const expected = launch(['today', '--date', '2026-12-01'], { cwd: dir });
    for (const cache of ['.plan.yaml.snapshot.json', '.events.fold.snapshot.json']) {
      rmSync(join(dir, '.launch', cache), { force: true });
      mkfifo(join(dir, '.launch', cache));
    }
    const r = launch(['today', '--date', '2026-12-01'], { cwd: dir });
    expect(r).toEqual(expected);
  });
});

describe('a device or a directory in place of the log', () => {
  it.skipIf(process.getuid?.() !== 0)('a character device (made with mknod, as root): refused, the device left as it is', async () => {
    const dir = await workspace();
    const file = join(dir, '.launch', 'events.jsonl');
    rmSync(file);
    execFileSync('mknod', [file, 'c', '1', '3']); // /dev/null's numbers
    for (const command of ['today', 'check redis-setup', 'doctor --repair']) {
      const r = launch(command.split(' '), { cwd: dir });
      expect(r.code, command).toBe(1);
      expect(r.stderr).toContain(`${file}: is a character device, not a regular file`);
    }
    expect(execFileSync('stat', ['-c', '%F', file], { encoding: 'utf8' }).trim()).toBe('character special file');
  });

  it('a directory: refused with the same words', async () => {
    const dir = await workspace();
    const file = join(dir, '.launch', 'events.jsonl');
    renameSync(file, join(dir, 'kept.jsonl'));
    mkdirSync(file);
    for (const command of ['today', 'check redis-setup']) {
      const r = launch(command.split(' '), { cwd: dir });
      expect(r.code, command).toBe(1);
      expect(r.stderr).toContain(`${file}: is a directory, not a regular file`);
    }
    expect(readFileSync(join(dir, 'kept.jsonl'), 'utf8')).toMatch(/skeleton-loading-setup/);
  });
});
