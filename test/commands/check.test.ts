// launch check and the commands beside it: uncheck, block, unblock, note and undo.
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher, logOf, statusWith, workspaceWith } from '../support/commands.js';
import { launchIn } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const workspace = () => workspaceWith(launch);
const statusOf = (dir: string, id: string) => statusWith(launch, dir, id);

describe('launch check and friends', () => {
  it('resolves ids, prefixes and title words; lists candidates for ambiguous or unknown references', async () => {
    const dir = await workspace();
    expect((await launch(['check', 'skeleton', 'loading'], dir)).stdout).toMatch(/skeleton-loading-setup/);
    expect((await launch(['check', 'database-ind'], dir)).code).toBe(0);
    const ambiguous = await launch(['check', 'redis'], dir);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/"redis" matches 3 items:\n {2}redis-setup/);
    const unknown = await launch(['check', 'skeletn-loading-setp'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/did you mean:\n {2}skeleton-loading-setup/);
    expect(eventsOf(dir).map((e) => e.item)).toEqual(['skeleton-loading-setup', 'database-index-creation']);
  });

  it('one bad reference among several records nothing', async () => {
    const dir = await workspace();
    expect((await launch(['check', 'redis-setup', 'no-such-thing-at-all'], dir)).code).toBe(1);
    expect(logOf(dir)).toBe('');
  });

  it('checking a done item is a no-op that says so', async () => {
    const dir = await workspace();
    await launch(['check', 'redis-setup'], dir);
    const again = await launch(['check', 'redis-setup'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already done \(alice\); nothing recorded/);
    expect(eventsOf(dir)).toHaveLength(1);
  });

  it('writes the documented event line, with a note, a backdated --date and --as', async () => {
    const dir = await workspace();
    // A later day than --date (9:30 in Berlin on 3 Dec), so --date backdates to noon of that day.
    const r = await launchIn(['check', 'redis-setup', '--note', 'cache up', '--date', '2026-12-01', '--as', 'bob'], { cwd: dir, env: ENV, now: '2026-12-03T08:30:00Z' });
    expect(r.code, r.stderr).toBe(0);
    const [e] = eventsOf(dir);
    expect(Object.keys(e).slice(0, 6)).toEqual(['v', 'id', 'ts', 'actor', 'type', 'item']);
    expect(e).toMatchObject({ v: 1, actor: 'bob', type: 'check', item: 'redis-setup', note: 'cache up', ts: '2026-12-01T12:00:00.000+01:00', recorded: '2026-12-03T09:30:00.000+01:00' });
    expect(e.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a --date that is today in the workspace zone is not a backdate: the event gets the current time', async () => {
    const dir = await workspace();
    // 21:22 UTC on 1 Dec is 22:22 in Berlin, still 1 Dec there.
    const r = await launchIn(['check', 'redis-setup', '--date', '2026-12-01', '--as', 'bob'], { cwd: dir, env: ENV, now: '2026-12-01T21:22:10.873Z' });
    expect(r.code, r.stderr).toBe(0);
    const [e] = eventsOf(dir);
    expect(e).toMatchObject({ actor: 'bob', type: 'check', item: 'redis-setup', ts: '2026-12-01T22:22:10.873+01:00' });
    expect(e).not.toHaveProperty('recorded');
  });

  it('block, unblock, note, uncheck and undo change status and say what they did', async () => {
    const dir = await workspace();
    expect((await launch(['block', 'redis-setup', '--reason', 'waiting for DBA'], dir)).code).toBe(0);
    expect((await launch(['block', 'redis-setup'], dir)).code).toBe(2);
    expect(await statusOf(dir, 'redis-setup')).toBe('blocked');
    expect((await launch(['today', '--date', '2026-12-02'], dir)).stdout).toMatch(/Blocked \(1\)\n.*redis-setup.*waiting for DBA \(alice\)/);
    await launch(['unblock', 'redis-setup'], dir);
    expect(await statusOf(dir, 'redis-setup')).toBe('todo');
    await launch(['note', 'redis-setup', 'DBA', 'replied'], dir);
    await launch(['check', 'redis-setup'], dir);
    await launch(['uncheck', 'redis-setup'], dir);
    expect(await statusOf(dir, 'redis-setup')).toBe('todo');
    const undo = await launch(['undo'], dir);
    expect(undo.stdout).toMatch(/^undid: unchecked redis-setup/);
    expect(await statusOf(dir, 'redis-setup')).toBe('done');
    const show = JSON.parse((await launch(['show', 'redis-setup', '--json'], dir)).stdout);
    expect(show.state.notes.map((n: { text: string }) => n.text)).toEqual(['DBA replied']);
    expect(show.history.map((h: { type: string; undone: boolean }) => `${h.type}${h.undone ? '(undone)' : ''}`)).toEqual([
      'block', 'unblock', 'note', 'check', 'uncheck(undone)', 'undo',
    ]);
    const log = JSON.parse((await launch(['log', '--json', '--item', 'redis-setup'], dir)).stdout).events;
    expect(log[0].type).toBe('undo');
    expect((await launch(['undo', '--as', 'nobody'], dir)).stderr).toMatch(/nothing to undo for nobody/);
  });
});
