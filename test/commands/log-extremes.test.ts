// Logs no person would type but a hand edit, a script or a long-lived team can make: undos that undo
// each other in a circle, a chain of 20,000 undos of undos, and 150,000 events. Every command must
// answer — no stack overflow, no walk that never ends, nothing quadratic enough to look hung.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launcher, logPath, workspaceWith } from '../support/commands.js';

// After the generated events (which start on Tue 1 Dec 09:00 UTC), so that none is in the future.
const launch = launcher('2026-12-03T09:00:00Z');

const BASE = Date.parse('2026-12-01T09:00:00Z');
const id = (n: number) => n.toString(16).padStart(16, '0');
const event = (n: number, type: string, extra: Record<string, unknown>) => ({ v: 1, id: id(n), ts: new Date(BASE + n * 1000).toISOString().replace('Z', '+00:00'), actor: 'alice', type, ...extra });

async function workspaceWithLog(events: object[]): Promise<string> {
  const dir = await workspaceWith(launch, 'UTC');
  writeFileSync(logPath(dir), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return dir;
}

async function answers(dir: string, args: string[]): Promise<string> {
  const r = await launch(args, dir);
  expect(r.stderr, args.join(' ')).not.toMatch(/internal error|call stack/);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

const READS = [['log', '--json'], ['show', 'redis-setup'], ['status'], ['today'], ['standup'], ['list'], ['doctor']];

describe('extreme logs', () => {
  it('undos that undo each other in a circle, and one that undoes itself: log says so, every command answers', async () => {
    const dir = await workspaceWithLog([
      event(1, 'check', { item: 'redis-setup' }),
      event(2, 'undo', { item: 'redis-setup', target: id(3) }),
      event(3, 'undo', { item: 'redis-setup', target: id(2) }),
      event(4, 'undo', { item: 'redis-setup', target: id(4) }),
    ]);
    const log = await answers(dir, ['log']);
    expect(log).toContain('undid "undid an undo" (undos that undo each other in a circle)');
    expect(log).toContain('undid an undo (undos that undo each other in a circle)');
    expect(log).not.toMatch(/[0-9a-f]{16}/);
    for (const args of READS) await answers(dir, args);
    await answers(dir, ['undo', '--as', 'alice']);
  });

  it('a chain of 20,000 undos of undos: log shows the short ones nested and sums up the long ones', async () => {
    const events = [event(1, 'check', { item: 'redis-setup' })];
    for (let n = 2; n <= 20_001; n++) events.push(event(n, 'undo', { item: 'redis-setup', target: id(n - 1) }));
    const dir = await workspaceWithLog(events);
    const lines = (await answers(dir, ['log'])).trimEnd().split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines[0]).toMatch(/undid "undid …" \(a chain of more than 100 undos\)/);
    expect(lines.at(-1)).toMatch(/checked redis-setup/);
    expect(lines.at(-2)).toMatch(/undid "checked redis-setup"/);
    expect(lines.at(-3)).toMatch(/undid "undid "checked redis-setup""/);
    expect(lines.at(-5)).toMatch(/undid "undid …" \(a chain of 4 undos back to "checked redis-setup"\)/);
    for (const args of READS) await answers(dir, args);
  });

  it('150,000 events, most of them yesterday: log and standup answer', async () => {
    const events = [];
    for (let n = 1; n <= 150_000; n++) events.push(event(n, n % 2 ? 'check' : 'uncheck', { item: 'redis-setup' }));
    const dir = await workspaceWithLog(events);
    const log = await answers(dir, ['log']);
    expect(log.split('\n')).toHaveLength(150_001);
    const standup = await answers(dir, ['standup']);
    expect(standup).toMatch(/alice/);
    // Each read folds the whole log (~10 s of a worker on a loaded machine, in one synchronous stretch):
    // log (the walk that overflowed) and standup (its window) read it in ways of their own; the other
    // commands share the fold, which test/render/long-lists.test.ts and the tests above cover.
  }, 180_000);
});
