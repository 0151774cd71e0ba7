import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendFold, type FoldSnapshot, snapshotOf } from '../../src/core/log/fold-incremental.js';
import { foldEvents } from '../../src/core/log/fold.js';
import { type LogEvent } from '../../src/core/log/events.js';
import { comparable } from '../events-fixtures.js';

// ---------------------------------------------------------------------------------------------------
// Equality: everything a history-less session hands out, Maps compared in insertion order.



function expectSameFold(actual: FoldSnapshot, expected: FoldSnapshot): void {
  expect(comparable(actual)).toStrictEqual(comparable(expected));
  expect(actual.last).toStrictEqual(expected.last);
  expect(actual.maxTs).toStrictEqual(expected.maxTs);
}

/** Every event here was typed before this: none is from the future. */
const NOW = Date.UTC(2026, 11, 31);

/** A deep copy that keeps Maps and Sets, to show a snapshot was not changed. */
const copy = (s: FoldSnapshot) => structuredClone(comparable(s));

// ---------------------------------------------------------------------------------------------------
// Events: few items, ids, instants and actors, so that ties, repeats, undos of undos and re-checks
// happen often. Offsets vary so the same instant is also written differently.

const ITEMS = ['a', 'b', 'c', 'd'];
const IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'];

function timestamp(minute: number, offsetHours: number): string {
  const local = new Date(Date.UTC(2026, 10, 30, 9, minute) + offsetHours * 3600_000).toISOString().slice(0, 19);
  return offsetHours === 0 ? `${local}Z` : `${local}+${String(offsetHours).padStart(2, '0')}:00`;
}

const instant = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0, 1, 2)).map(([m, o]) => timestamp(m, o));
const base = {
  v: fc.constant(1 as const),
  id: fc.constantFrom(...IDS),
  ts: instant,
  // A backdated event says when it was typed; the fold orders by that.
  recorded: fc.option(instant, { nil: undefined }),
  actor: fc.constantFrom('alice', 'bob'),
};
const item = fc.constantFrom(...ITEMS);
const text = fc.constantFrom('x', 'y', 'z');

const eventArb: fc.Arbitrary<LogEvent> = fc.oneof(
  fc.record({ ...base, type: fc.constant('check'), item }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'item'] }),
  fc.record({ ...base, type: fc.constant('check'), item, note: text, missed: fc.constant(true), values: fc.constant([{ text: '5ms', status: 'missed' as const }]) }),
  fc.record({ ...base, type: fc.constant('uncheck'), item }),
  fc.record({ ...base, type: fc.constant('block'), item, reason: text }),
  fc.record({ ...base, type: fc.constant('unblock'), item }),
  fc.record({ ...base, type: fc.constant('note'), item, text }),
  fc.record({ ...base, type: fc.constant('assign'), item, owner: fc.constantFrom('', 'erin', 'bob') }),
  fc.record({ ...base, type: fc.constant('kpi'), metric: fc.constantFrom('lcp', 'ttfb'), value: text, week: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ ...base, type: fc.constant('standup'), date: fc.constant('2026-11-30'), answers: fc.constant({ q: 'a' }) }),
  fc.record({ ...base, type: fc.constant('escalate'), item, level: fc.constant('high'), reason: text }),
  fc.record({ ...base, type: fc.constant('escalate'), item, resolve: fc.constant(true) }),
  fc.record({ ...base, type: fc.constant('escalate'), level: fc.constant('critical'), reason: text }),
  fc.record({ ...base, type: fc.constant('undo'), target: fc.constantFrom(...IDS) }),
  fc.record({ ...base, type: fc.constant('from-the-future'), item }),
) as fc.Arbitrary<LogEvent>;

/**
 * The same kinds of events, typed in order (strictly increasing recorded times) with unique ids and no
 * undo; every third counts for an earlier day than it was typed (a backdated --date).
 */
const inOrderArb = fc
  .array(eventArb.filter((e) => e.type !== 'undo'), { maxLength: 40 })
  .map((events) =>
    events.map((e, i) => {
      const { recorded: _, ...rest } = e;
      return (i % 3 === 2 ? { ...rest, id: `n${String(i).padStart(3, '0')}`, ts: timestamp(0, 0), recorded: timestamp(i, i % 3) } : { ...rest, id: `n${String(i).padStart(3, '0')}`, ts: timestamp(i, i % 3) }) as LogEvent;
    }),
  );

const foldSnapshot = (events: LogEvent[]) => snapshotOf(foldEvents(events, { now: NOW }), NOW)!;

describe('extendFold', () => {
  it('either declines or gives exactly the fold of prefix and suffix together, leaving its input alone', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), fc.nat(), (events, cut) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const prefix = events.slice(0, at);
        const suffix = events.slice(at);
        const before = foldSnapshot(prefix);
        const untouched = copy(before);
        const extended = extendFold(before, suffix, NOW);
        expect(copy(before)).toStrictEqual(untouched);
        if (extended !== null) expectSameFold(extended, foldSnapshot(events));
      }),
      { numRuns: 2000 },
    );
  });

  it('extends every in-order append without undo', () => {
    fc.assert(
      fc.property(inOrderArb, fc.nat(), fc.nat(), (events, cut1, cut2) => {
        const a = events.length === 0 ? 0 : cut1 % (events.length + 1);
        const b = a + (events.length - a === 0 ? 0 : cut2 % (events.length - a + 1));
        // Twice in a row, as on disk: a snapshot extended, then extended again.
        const once = extendFold(foldSnapshot(events.slice(0, a)), events.slice(a, b), NOW);
        expect(once).not.toBeNull();
        const twice = extendFold(once!, events.slice(b), NOW);
        expect(twice).not.toBeNull();
        expectSameFold(twice!, foldSnapshot(events));
      }),
      { numRuns: 1000 },
    );
  });

  it('extends an in-order tail whatever order its own lines are in, counting its repeats', () => {
    fc.assert(
      fc.property(inOrderArb, fc.nat(), fc.nat(), (events, cut, seed) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const tail = events.slice(at);
        // Shuffle the tail and repeat one of its lines (a git union merge can do both).
        const shuffled = tail.map((e, i) => [(i * 7919 + seed) % 101, e] as const).sort((x, y) => x[0] - y[0]).map(([, e]) => e);
        if (shuffled.length > 0) shuffled.push(shuffled[seed % shuffled.length]!);
        const extended = extendFold(foldSnapshot(events.slice(0, at)), shuffled, NOW);
        expect(extended).not.toBeNull();
        expectSameFold(extended!, foldSnapshot([...events.slice(0, at), ...shuffled]));
      }),
      { numRuns: 500 },
    );
  });

  const e = (id: string, minute: number, fields: Record<string, unknown>): LogEvent =>
    ({ v: 1, id, ts: timestamp(minute, 0), actor: 'alice', ...fields }) as LogEvent;

  it('applies an earlier undo to a tail event it targets', () => {
    const prefix = [e('u1', 1, { type: 'undo', target: 'c1' })];
    const tail = [e('c1', 2, { type: 'check', item: 'a' }), e('n1', 3, { type: 'note', item: 'a', text: 'hi' })];
    const extended = extendFold(foldSnapshot(prefix), tail, NOW);
    expect(extended).not.toBeNull();
    expectSameFold(extended!, foldSnapshot([...prefix, ...tail]));
    expect(extended!.items.get('a')).toMatchObject({ status: 'todo', events: 1 });
  });

  it('declines an undo, an event typed earlier, one typed after now, a repeat of the last event and a tie that sorts first', () => {
    const prefix = [e('m5', 5, { type: 'check', item: 'a' })];
    const snap = foldSnapshot(prefix);
    expect(extendFold(snap, [e('u1', 6, { type: 'undo', target: 'm5' })], NOW)).toBeNull();
    expect(extendFold(snap, [e('b1', 4, { type: 'uncheck', item: 'a' })], NOW)).toBeNull();
    expect(extendFold(snap, [e('m5', 5, { type: 'check', item: 'a' })], NOW)).toBeNull();
    expect(extendFold(snap, [e('m4', 5, { type: 'uncheck', item: 'a' })], NOW)).toBeNull();
    expect(extendFold(snap, [e('f1', 6, { type: 'uncheck', item: 'a' })], Date.parse(timestamp(5, 0)) + 1)).toBeNull();
    // A later id at the same instant sorts after, so it can be folded on.
    const later = extendFold(snap, [e('m6', 5, { type: 'uncheck', item: 'a' })], NOW);
    expect(later?.items.get('a')?.status).toBe('todo');
  });

  it('folds on a backdated event: it counts for an earlier day, but was typed after the snapshot', () => {
    const snap = foldSnapshot([e('m5', 5, { type: 'check', item: 'a' })]);
    const backdated = e('b1', 1, { type: 'uncheck', item: 'a', recorded: timestamp(6, 0) });
    const extended = extendFold(snap, [backdated], NOW);
    expect(extended?.items.get('a')?.status).toBe('todo');
    expect(extended!.maxTs).toBe(Date.parse(timestamp(5, 0)));
  });

  it('keeps no snapshot of a fold with an event typed after now', () => {
    const events = [e('f1', 5, { type: 'check', item: 'a' })];
    expect(snapshotOf(foldEvents(events, { now: Date.parse(timestamp(4, 0)) }), Date.parse(timestamp(4, 0)))).toBeNull();
  });

  it('returns the snapshot itself for an empty tail, and starts from an empty log', () => {
    const snap = foldSnapshot([]);
    expect(snap.last).toBeNull();
    expect(extendFold(snap, [], NOW)).toBe(snap);
    const tail = [e('x1', 1, { type: 'block', item: 'a', reason: 'r' })];
    expectSameFold(extendFold(snap, tail, NOW)!, foldSnapshot(tail));
  });
});
