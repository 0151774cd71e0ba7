// The two times of an event: `ts` says which day it counts for, `recorded` (else `ts`) when it was
// typed. The last typed change decides an item's status; the view as of a day folds only what counts
// on or before it; a line typed "in the future" never pins a status.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar/calendar.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { foldEvents } from '../../src/core/log/fold.js';
import type { ItemStatus } from '../../src/core/log/item-state.js';

const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, 4);
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'];
const ITEMS = ['a', 'b', 'c'];
type Verb = 'check' | 'uncheck' | 'block' | 'unblock';

/** What one typed action does to an item's status. */
function effect(status: ItemStatus, verb: Verb): ItemStatus {
  if (verb === 'check') return 'done';
  if (verb === 'uncheck') return 'todo';
  if (verb === 'block') return 'blocked';
  return status === 'blocked' ? 'todo' : status;
}

interface Action {
  item: string;
  verb: Verb;
  /** The day it was typed on, and how many days back its --date sends it (0: no --date). */
  typedOn: number;
  back: number;
}

const actionArb = fc.record({
  item: fc.constantFrom(...ITEMS),
  verb: fc.constantFrom<Verb>('check', 'uncheck', 'block', 'unblock'),
  typedOn: fc.integer({ min: 0, max: DAYS.length - 1 }),
  back: fc.integer({ min: 0, max: 3 }),
});

/** The actions as events, typed in this order a minute apart within their day, as `record` writes them. */
function eventsOf(actions: Action[]): { typed: Action[]; events: LogEvent[]; countsFor: string[] } {
  const typed = [...actions].sort((x, y) => x.typedOn - y.typedOn);
  const countsFor: string[] = [];
  const events = typed.map((a, i) => {
    const typedAt = calendar.noonOf(DAYS[a.typedOn]!) - 3 * 3600_000 + i * 60_000;
    const day = DAYS[Math.max(0, a.typedOn - a.back)]!;
    countsFor.push(day);
    const backdated = day !== DAYS[a.typedOn];
    const fields = { actor: 'alice', type: a.verb, item: a.item, ...(a.verb === 'block' ? { reason: 'r' } : {}) } as NewEvent;
    const e = createEvent(fields, `e${String(i).padStart(3, '0')}`, new Date(backdated ? calendar.noonOf(day) : typedAt).toISOString());
    if (backdated) (e as Record<string, unknown>).recorded = new Date(typedAt).toISOString();
    return e;
  });
  return { typed, events, countsFor };
}

/** A git union merge or a teammate's lines: the file's order is any order. */
const shuffled = <T>(xs: T[], seed: number): T[] => xs.map((x, i) => [(i * 7919 + seed) % 104729, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

describe('the last typed change wins', () => {
  it('for any typed actions with past --dates, in any file order: each status is the effect of the actions in the order typed', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 25 }), fc.nat(), (actions, seed) => {
        const { typed, events } = eventsOf(actions);
        const { items } = foldEvents(shuffled(events, seed), { now: Date.UTC(2027, 0, 1) });
        for (const item of ITEMS) {
          const expected = typed.filter((a) => a.item === item).reduce<ItemStatus>((s, a) => effect(s, a.verb), 'todo');
          expect(items.get(item)?.status ?? 'todo', item).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the view as of any day is the fold of the events counting on or before it, still in typing order', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 25 }), fc.integer({ min: 0, max: DAYS.length - 1 }), fc.nat(), (actions, d, seed) => {
        const { typed, events, countsFor } = eventsOf(actions);
        const day = DAYS[d]!;
        const { items } = foldEvents(shuffled(events, seed), { now: Date.UTC(2027, 0, 1), before: calendar.dayEnd(day) });
        for (const item of ITEMS) {
          const expected = typed.filter((a, i) => a.item === item && countsFor[i]! <= day).reduce<ItemStatus>((s, a) => effect(s, a.verb), 'todo');
          expect(items.get(item)?.status ?? 'todo', `${item} as of ${day}`).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the two times, case by case', () => {
  const at = (day: string, hour: number) => new Date(calendar.noonOf(day) + (hour - 12) * 3600_000).toISOString();
  const e = (id: string, type: Verb, ts: string, recorded?: string): LogEvent =>
    ({ v: 1, id, ts, actor: 'alice', type, item: 'x', ...(type === 'block' ? { reason: 'r' } : {}), ...(recorded ? { recorded } : {}) }) as LogEvent;

  it('a check dated tomorrow typed before an uncheck does not pin the item done (seen: show said done)', () => {
    const check = e('e1', 'check', at('2026-12-02', 12), at('2026-12-01', 9));
    const uncheck = e('e2', 'uncheck', at('2026-12-01', 10));
    expect(foldEvents([check, uncheck]).items.get('x')!.status).toBe('todo');
  });

  it('an uncheck dated Monday, typed after a check, leaves the item open', () => {
    const check = e('e1', 'check', at('2026-12-02', 9));
    const uncheck = e('e2', 'uncheck', at('2026-11-30', 12), at('2026-12-02', 10));
    expect(foldEvents([uncheck, check]).items.get('x')!.status).toBe('todo');
    // As of Monday only the uncheck counts; as of Tuesday still only it; from Wednesday both.
    expect(foldEvents([check, uncheck], { before: calendar.dayEnd('2026-12-01') }).items.get('x')!.status).toBe('todo');
    expect(foldEvents([check, uncheck], { before: calendar.dayEnd('2026-11-29') }).items.get('x')).toBeUndefined();
  });

  it('a line typed after now (a clock ahead, a hand edit) sorts first, so any real change overrides it', () => {
    const now = Date.parse(at('2026-12-01', 10));
    const ahead = e('e9', 'check', at('2026-12-01', 11));
    const uncheck = e('e1', 'uncheck', at('2026-12-01', 9));
    expect(foldEvents([uncheck, ahead], { now }).items.get('x')!.status).toBe('todo');
    // Alone it still counts; and once its time has come it takes its place.
    expect(foldEvents([ahead], { now }).items.get('x')!.status).toBe('done');
    expect(foldEvents([uncheck, ahead], { now: now + 2 * 3600_000 }).items.get('x')!.status).toBe('done');
  });

  it('the timeline is in typing order: newest typed last, whatever day each counts for', () => {
    const first = e('e1', 'check', at('2026-12-02', 9));
    const backdated = e('e2', 'block', at('2026-11-30', 12), at('2026-12-02', 10));
    expect(foldEvents([backdated, first]).timeline.map((x) => x.id)).toEqual(['e1', 'e2']);
  });
});
