// Every date flag goes through one parser (src/commands/shared/options.ts), which takes real dates from
// 1970-01-01 to 2999-12-31: anything else is a usage error naming the flag and the range, never an
// internal error from date arithmetic that ran off year 0001 or 9999.
import { describe, expect, it } from 'vitest';
import { launcher, logOf, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const RANGE_HINT = 'hint: launch takes dates from 1970-01-01 to 2999-12-31\n';

const VIEWS = [['today'], ['list'], ['show', 'redis-setup'], ['status'], ['standup'], ['kpis'], ['escalate']];
const WRITES = [
  ['check', 'redis-setup'],
  ['uncheck', 'redis-setup'],
  ['block', 'redis-setup', '--reason', 'waiting'],
  ['unblock', 'redis-setup'],
  ['note', 'redis-setup', '-m', 'hello'],
  ['kpi', 'record', 'bundle', 'size', '400KB'],
  ['escalate', 'redis-setup', '--level', 'high', '--reason', 'late'],
  ['standup', '--answer', '--yesterday', 'a', '--today', 'b', '--blockers', 'none'],
];

describe('absurd dates', () => {
  it('out of range on every view and write (Berlin, where year 1 had odd offsets): exit 2, the flag and the range named, nothing recorded', async () => {
    const dir = await workspaceWith(launch, 'Europe/Berlin');
    const log = logOf(dir);
    for (const date of ['0001-01-01', '1969-12-31', '3000-01-01', '9999-12-31', '0000-01-01']) {
      for (const args of [...VIEWS, ...WRITES]) {
        const what = `${args.join(' ')} --date ${date}`;
        const r = await launch([...args, '--date', date], dir);
        expect(r.stderr, what).toBe(`error: --date: "${date}" is out of range\n${RANGE_HINT}`);
        expect(r.code, what).toBe(2);
        expect(r.stdout, what).toBe('');
      }
    }
    expect(logOf(dir)).toBe(log);
  });

  it('the range itself is fine: views on its first and last day, a write on its first', async () => {
    const dir = await workspaceWith(launch, 'Europe/Berlin');
    for (const date of ['1970-01-01', '2999-12-31']) {
      for (const args of VIEWS) {
        const r = await launch([...args, '--date', date], dir);
        expect(r.code, `${args.join(' ')} --date ${date}\n${r.stderr}`).toBe(0);
      }
    }
    const check = await launch(['check', 'redis-setup', '--date', '1970-01-01'], dir);
    expect(check.code, check.stderr).toBe(0);
  });

  it('not a date at all: still "is not a date"', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    for (const date of ['2026-02-30', '2026-13-01', 'someday']) {
      const r = await launch(['standup', '--date', date], dir);
      expect(r.stderr).toBe(`error: --date: "${date}" is not a date\nhint: use YYYY-MM-DD, today, yesterday or tomorrow\n`);
      expect(r.code).toBe(2);
    }
  });

  it('the other date flags are named as themselves: log --since, init --start and --holiday', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    const since = await launch(['log', '--since', '0001-01-01'], dir);
    expect(since.code).toBe(2);
    expect(since.stderr).toBe(`error: --since: "0001-01-01" is out of range\n${RANGE_HINT}`);
    const fresh = scratchDir();
    const start = await launch(['init', '--start', '9999-12-31'], fresh);
    expect(start.code).toBe(2);
    expect(start.stderr).toBe(`error: --start: "9999-12-31" is out of range\n${RANGE_HINT}`);
    const holiday = await launch(['init', '--start', '2026-11-30', '--holiday', '2026-12-25,0000-01-01'], fresh);
    expect(holiday.code).toBe(2);
    expect(holiday.stderr).toBe(`error: --holiday: "0000-01-01" is out of range\n${RANGE_HINT}`);
    const bad = await launch(['init', '--start', '2026-11-30', '--holiday', '2026-02-30'], fresh);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --holiday: "2026-02-30" is not a date\n/);
  });
});
