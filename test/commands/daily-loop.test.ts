// The daily loop as a team lives it, each case one that was seen going wrong: the last typed change
// wins, --date says which day a change counts for (never a day to come), views show a day as it
// stood, and the log says when each change was typed and which day it counts for.
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventsOf, logOf, logPath } from '../support/commands.js';
import { launchIn, type Result, scratchDir } from '../support/in-process.js';

const ENV = { TZ: 'UTC' };
/** Tue 1 Dec 2026, morning in Berlin. */
const TUE = '2026-12-01T08:00:00Z';
const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

async function workspace(tz = 'Europe/Berlin', start = '2026-11-30'): Promise<{ dir: string; run: (args: string[], now?: string) => Promise<Result> }> {
  const dir = scratchDir();
  let clock = '2026-11-29T10:00:00Z';
  const run = async (args: string[], now?: string) => {
    clock = now ?? later(clock, 1);
    return launchIn(args, { cwd: dir, env: ENV, now: clock });
  };
  const init = await run(['init', '--start', start, '--tz', tz, '--as', 'alice']);
  expect(init.code, init.stderr).toBe(0);
  return { dir, run };
}
const statusIn = async (run: (args: string[]) => Promise<Result>, id: string, ...more: string[]) => JSON.parse((await run(['show', id, '--json', ...more])).stdout).item.status;

describe('the last typed change wins', () => {
  it('a check refused for tomorrow writes nothing; an uncheck after a check leaves it open', async () => {
    const { dir, run } = await workspace();
    const tomorrow = await run(['check', 'redis-setup', '--date', 'tomorrow'], TUE);
    expect(tomorrow.code).toBe(2);
    expect(tomorrow.stderr).toMatch(/--date: Wed 2 Dec 2026 is after today \(Tue 1 Dec 2026\); nothing was recorded/);
    expect(logOf(dir)).toBe('');
    expect((await run(['check', 'redis-setup'])).code).toBe(0);
    expect((await run(['uncheck', 'redis-setup'])).stdout).toMatch(/○ redis-setup/);
    expect(await statusIn(run, 'redis-setup')).toBe('todo');
  });

  it('an uncheck dated Monday, typed after Tuesday\'s check, leaves the item open', async () => {
    const { run } = await workspace();
    await run(['check', 'bundle-analysis'], TUE);
    await run(['uncheck', 'bundle-analysis', '--date', '2026-11-30']);
    expect(await statusIn(run, 'bundle-analysis')).toBe('todo');
    // A check dated yesterday, typed last, makes it done again.
    await run(['check', 'bundle-analysis', '--date', 'yesterday']);
    expect(await statusIn(run, 'bundle-analysis')).toBe('done');
  });

  it('a teammate\'s line typed "in the future" never pins a status; doctor reports it', async () => {
    const { dir, run } = await workspace();
    appendFileSync(logPath(dir), `${JSON.stringify({ v: 1, id: 'ahead', ts: '2026-12-01T15:00:00.000+01:00', actor: 'bob', type: 'check', item: 'redis-setup' })}\n`);
    // Alone, bob's check counts (it is for today); alice's uncheck, typed now, overrides it.
    expect(JSON.parse((await run(['show', 'redis-setup', '--json'], TUE)).stdout).item.status).toBe('done');
    expect((await run(['uncheck', 'redis-setup'])).code).toBe(0);
    expect(await statusIn(run, 'redis-setup')).toBe('todo');
    await run(['block', 'redis-setup', '--reason', 'waiting for DBA']);
    expect(await statusIn(run, 'redis-setup')).toBe('blocked');
    const doctor = await run(['doctor', '--json']);
    expect(JSON.parse(doctor.stdout).log.future).toEqual([{ line: 1, recorded: '2026-12-01T15:00:00.000+01:00' }]);
    expect((await run(['doctor'])).stdout).toMatch(/1 event recorded after now/);
  });
});

describe('--date on every write', () => {
  const writes: [string, string[]][] = [
    ['check', ['check', 'redis-setup']],
    ['uncheck', ['uncheck', 'redis-setup']],
    ['block', ['block', 'redis-setup', '--reason', 'DBA']],
    ['unblock', ['unblock', 'redis-setup']],
    ['note', ['note', 'redis-setup', 'DBA', 'replied']],
    ['kpi', ['kpi', 'record', 'bundle size', '540KB']],
    ['escalate', ['escalate', 'redis-setup', '--level', 'high', '--reason', 'blocks caching']],
    ['standup', ['standup', '--answer', '--yesterday', 'a', '--today', 'b', '--blockers', 'none']],
  ];

  it('each counts for local noon of the day given, and says when it was typed', async () => {
    const { dir, run } = await workspace();
    for (const [type, args] of writes) {
      const r = await run([...args, '--date', '2026-11-30'], later(TUE, writes.findIndex(([t]) => t === type)));
      expect(r.code, `${type}: ${r.stderr}`).toBe(0);
    }
    const events = eventsOf(dir);
    expect(events.map((e) => e.type)).toEqual(writes.map(([t]) => t));
    for (const e of events) {
      expect(e.ts, e.type).toBe('2026-11-30T12:00:00.000+01:00');
      expect(e.recorded, e.type).toMatch(/^2026-12-01T09:0\d:00\.000\+01:00$/);
    }
    expect(events.at(-1)!.date).toBe('2026-11-30');
  });

  it('each refuses a day after today, with exit 2, and records nothing', async () => {
    const { dir, run } = await workspace();
    for (const [type, args] of writes) {
      const r = await run([...args, '--date', '2026-12-02'], TUE);
      expect(r.code, type).toBe(2);
      expect(r.stderr, type).toMatch(/after today/);
    }
    expect(logOf(dir)).toBe('');
  });

  it('local noon is noon on DST change days too', async () => {
    for (const [tz, day, typed, ts] of [
      ['America/New_York', '2027-03-14', '2027-03-16T15:00:00Z', '2027-03-14T12:00:00.000-04:00'],
      ['America/New_York', '2026-11-01', '2026-11-03T15:00:00Z', '2026-11-01T12:00:00.000-05:00'],
      ['Australia/Lord_Howe', '2026-10-04', '2026-10-06T01:00:00Z', '2026-10-04T12:00:00.000+11:00'],
      ['Australia/Lord_Howe', '2027-04-04', '2027-04-06T01:00:00Z', '2027-04-04T12:00:00.000+10:30'],
    ] as const) {
      const { dir, run } = await workspace(tz, day);
      const r = await run(['check', 'team-standup', '--date', day], typed);
      expect(r.code, r.stderr).toBe(0);
      expect(eventsOf(dir)[0].ts, `${tz} ${day}`).toBe(ts);
    }
  });
});

describe('views as of a date', () => {
  it('today before the start shows nothing done, and a past day\'s verdict uses that day\'s statuses', async () => {
    const { run } = await workspace();
    for (const id of ['team-standup', 'environment-setup', 'sprint-1-kickoff', 'skeleton-loading-setup', 'database-index-creation']) await run(['check', id], '2026-11-30T09:00:00Z');
    for (const id of ['bundle-analysis', 'connection-pool-optimization', 'redis-setup']) await run(['check', id], '2026-12-03T09:00:00Z');
    const before = JSON.parse((await run(['today', '--date', '2026-11-20', '--json'], '2026-12-03T10:00:00Z')).stdout);
    expect(before.next.items.map((i: { status: string }) => i.status)).not.toContain('done');
    const tuesday = JSON.parse((await run(['today', '--date', '2026-12-01', '--json'])).stdout);
    expect(tuesday.onTrack).toMatchObject({ verdict: 'on track', done: 5, expected: 5 });
    const thursday = JSON.parse((await run(['today', '--json'])).stdout);
    expect(thursday.onTrack.done).toBe(8);
    expect(await statusIn(run, 'redis-setup', '--date', '2026-12-02')).toBe('todo');
    expect(await statusIn(run, 'redis-setup')).toBe('done');
    const listed = JSON.parse((await run(['list', '--status', 'done', '--json', '--date', '2026-11-30'])).stdout);
    expect(listed.items).toHaveLength(5);
    const status = JSON.parse((await run(['status', '--date', '2026-11-30', '--json'])).stdout);
    expect(status.overall.done).toBe(5);
    expect(status.burndown.points[0].remaining).toBe(status.burndown.total - 5);
  });

  it('log lists the newest typed first, and the day a change counts for when it was typed on another', async () => {
    const { run } = await workspace();
    for (const id of ['redis-setup', 'bundle-analysis', 'session-security']) await run(['check', id, '--date', '2026-11-30'], later(TUE, 5 + ['redis-setup', 'bundle-analysis', 'session-security'].indexOf(id)));
    const log = (await run(['log'])).stdout.trim().split('\n');
    expect(log.map((l) => / checked (\S+)/.exec(l)![1])).toEqual(['session-security', 'bundle-analysis', 'redis-setup']);
    for (const line of log) expect(line).toMatch(/^Tue 1 Dec 09:0\d +alice +checked \S+ for Mon 30 Nov$/);
  });
});
