// The log is a team's history: a writer killed at any moment, a lock left behind by it, or fifty
// writers at once must never cost an event, duplicate one, or leave a log the next command can't read.
// These need real processes; a log damaged by hand is in test/commands/damaged-log.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRecoverable } from '../support/recovery.js';
import { BIN, launch, tempDir } from './run.js';

function workspace(): string {
  const dir = tempDir();
  const r = launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}
const logPath = (dir: string) => join(dir, '.launch', 'events.jsonl');
const lockPath = (dir: string) => `${logPath(dir)}.lock`;
const rawLines = (dir: string) => readFileSync(logPath(dir), 'utf8').split('\n').filter(Boolean);
const allIds = (dir: string): string[] => JSON.parse(launch(['list', '--json'], { cwd: dir }).stdout).items.map((i: { id: string }) => i.id);

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.NO_COLOR;
  delete e.FORCE_COLOR;
  delete e.LAUNCH_DIR;
  return e;
};

/** Starts `launch <args>` and resolves with its exit code (or the signal that ended it). */
function start(args: string[], cwd: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}


describe('a writer killed mid-append', () => {
  it('leaves a log the next command reads, and doctor --repair cleans it', async () => {
    const dir = workspace();
    const ids = allIds(dir);
    // Calibrate: most of a short command's life is start-up, so kills spread over a whole run are
    // needed for some to land inside the append rather than before it.
    const t0 = Date.now();
    expect(launch(['check', ids[0]!], { cwd: dir }).code).toBe(0);
    const runMs = Date.now() - t0;
    const outcomes: string[] = [];
    for (let n = 1; n <= 20; n++) {
      const delay = n % 2 === 0 ? Math.random() * 40 : runMs * (0.5 + Math.random() * 0.7);
      const r = await start(['check', ids[n]!], dir, delay);
      outcomes.push(r.signal ?? `exit ${r.code}`);
    }
    // Whatever was killed, every line in the log is a whole event or a torn tail, never two glued.
    for (const line of rawLines(dir)) {
      if (!line.startsWith('{')) throw new Error(`garbage line: ${line}`);
    }
    await expectRecoverable((args, cwd) => launch(args, { cwd }), dir);
    // The survivors' work is all there, and a new write succeeds.
    const done = JSON.parse(launch(['list', '--json', '--status', 'done'], { cwd: dir }).stdout).items.length;
    expect(done).toBe(rawLines(dir).length);
    expect(launch(['check', ids[30]!], { cwd: dir }).code).toBe(0);
    expect(outcomes.length).toBe(20);
  }, 120_000);
});

describe('a lock left by a killed process', () => {
  it('an old lock is taken over at once, and removed afterwards', () => {
    const dir = workspace();
    mkdirSync(lockPath(dir));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dir), old, old);
    const started = Date.now();
    const r = launch(['check', 'redis-setup'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(existsSync(lockPath(dir))).toBe(false);
    expect(rawLines(dir)).toHaveLength(1);
  });

  it('a fresh lock whose owner is gone is taken over after a bounded wait', () => {
    const dir = workspace();
    // As if its process was killed a few seconds ago: not stale yet (that takes 10 s from its mtime,
    // which the lock's owner would keep refreshing), so the writer has to wait the rest of that time.
    // Backdated 7 s, the wait is ~3 s rather than the full 10.
    mkdirSync(lockPath(dir));
    const recent = new Date(Date.now() - 7_000);
    utimesSync(lockPath(dir), recent, recent);
    const started = Date.now();
    const r = launch(['check', 'redis-setup'], { cwd: dir });
    const waited = Date.now() - started;
    expect(r.code, r.stderr).toBe(0);
    expect(waited).toBeGreaterThanOrEqual(2_000);
    expect(waited).toBeLessThan(30_000);
    expect(existsSync(lockPath(dir))).toBe(false);
    expect(statSync(logPath(dir)).size).toBeGreaterThan(0);
  });
});

describe('50 writers at once', () => {
  it('no lost event, no duplicate, valid JSON Lines', async () => {
    const dir = workspace();
    expect(launch(['check', 'redis-setup'], { cwd: dir }).code).toBe(0);
    const before = rawLines(dir).length;
    const ids = allIds(dir).filter((id) => id !== 'redis-setup').slice(0, 50);
    expect(ids).toHaveLength(50);
    const results = await Promise.all(ids.map((id) => start(['check', id], dir)));
    expect(results.map((r) => r.code), results.map((r) => r.stderr).join('')).toEqual(ids.map(() => 0));
    const lines = rawLines(dir);
    expect(lines).toHaveLength(before + 50);
    const events = lines.map((l) => JSON.parse(l));
    const added = events.slice(before);
    expect(new Set(added.map((e) => e.id)).size).toBe(50);
    expect(new Set(added.map((e) => e.item))).toEqual(new Set(ids));
    expect(added.every((e) => e.type === 'check')).toBe(true);
    const done = JSON.parse(launch(['list', '--json', '--status', 'done'], { cwd: dir }).stdout).items.map((i: { id: string }) => i.id);
    expect(new Set(done)).toEqual(new Set(['redis-setup', ...ids]));
    expect(existsSync(lockPath(dir))).toBe(false);
    expect(launch(['doctor'], { cwd: dir }).code).toBe(0);
  }, 120_000);
});
