// Which of your changes a merge overrode: the item's status changed, and the change deciding it now
// is a teammate's, typed after your last change to the item.
import { describe, expect, it } from 'vitest';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { overriddenChanges } from '../../src/core/log/overrides.js';

let n = 0;
/** An event typed at minute `minute` of Tue 1 Dec, counting then unless `ts` says otherwise. */
function at(minute: number, actor: string, fields: Partial<NewEvent> & { ts?: string }): LogEvent {
  const typed = new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
  const { ts, ...rest } = fields;
  const e = createEvent({ actor, type: 'check', ...rest } as NewEvent, `e${String(++n).padStart(15, '0')}`, ts ?? typed);
  return ts ? { ...e, recorded: typed } : e;
}
const words = (before: LogEvent[], arrived: LogEvent[], actor = 'alice') =>
  overriddenChanges(before, [...before, ...arrived], actor).map((o) => `${o.theirs.actor} ${o.theirs.type} ${o.item} over ${o.yours.type} (${o.before}→${o.after})`);

describe('overriddenChanges', () => {
  it('reports a teammate\'s later status change to an item you changed, in the order they were typed', () => {
    const mine = [at(1, 'alice', { item: 'a' }), at(2, 'alice', { item: 'b' })];
    expect(words(mine, [at(5, 'bob', { type: 'block', item: 'b', reason: 'x' }), at(4, 'bob', { type: 'uncheck', item: 'a' })])).toEqual([
      'bob uncheck a over check (done→todo)',
      'bob block b over check (done→blocked)',
    ]);
  });

  it('is decided by when changes were typed, not the day they count for', () => {
    const mine = [at(1, 'alice', { item: 'a' })];
    expect(words(mine, [at(5, 'bob', { type: 'uncheck', item: 'a', ts: '2026-11-30T12:00:00Z' })])).toEqual(['bob uncheck a over check (done→todo)']);
    expect(words(mine, [at(0, 'bob', { type: 'uncheck', item: 'a' })])).toEqual([]);
  });

  it('leaves out items whose status did not change, items you never changed, and notes', () => {
    const mine = [at(1, 'alice', { item: 'a' })];
    expect(words(mine, [at(5, 'bob', { item: 'a' })])).toEqual([]);
    expect(words(mine, [at(5, 'bob', { type: 'uncheck', item: 'z' })])).toEqual([]);
    expect(words(mine, [at(5, 'bob', { type: 'note', item: 'a', text: 'nice' })])).toEqual([]);
  });

  it('a change of yours that changed nothing is not your last change', () => {
    // Alice's unblock of a done item is typed after Bob's uncheck but changes nothing: her check was overridden.
    const mine = [at(1, 'alice', { item: 'a' }), at(6, 'alice', { type: 'unblock', item: 'a' })];
    expect(words(mine, [at(5, 'bob', { type: 'uncheck', item: 'a' })])).toEqual(['bob uncheck a over check (done→todo)']);
  });

  it('your own changes from another clone are yours, whatever the case of the name', () => {
    const mine = [at(1, 'alice', { item: 'a' })];
    expect(words(mine, [at(5, 'Alice', { type: 'uncheck', item: 'a' })])).toEqual([]);
  });
});
