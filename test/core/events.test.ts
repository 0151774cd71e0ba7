import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { describeEvent } from '../../src/core/log/event-types.js';
import { eventShapeProblem } from '../../src/core/log/shape.js';
import { findLastChange } from '../../src/core/log/history.js';
import { foldEvents } from '../../src/core/log/fold.js';
import { parseInstant } from '../../src/core/calendar/instant.js';
import { validateEvent } from '../../src/core/log/schema.js';

let seq = 0;
/** Events with readable ids and a clock in minutes after 09:00 UTC on 2026-11-30. */
function ev(fields: NewEvent, minute = seq, id = `e${String(++seq).padStart(4, '0')}`): LogEvent {
  const ts = new Date(Date.UTC(2026, 10, 30, 9, minute)).toISOString();
  return createEvent(fields, id, ts);
}
const check = (item: string, minute?: number, extra: Partial<NewEvent> = {}) =>
  ev({ actor: 'alice', type: 'check', item, ...extra } as NewEvent, minute);

describe('parseInstant', () => {
  it('agrees with Date.parse for ISO times with an offset', () => {
    for (const ts of [
      '2026-11-30T09:15:00Z',
      '2026-11-30T09:15:00.123Z',
      '2026-11-30T09:15:00.1+01:00',
      '2026-11-30T09:15:00.123456-05:30',
      '2026-11-30T09:15+14:00',
      '2024-02-29T23:59:59.999Z',
    ]) {
      expect(parseInstant(ts), ts).toBe(Date.parse(ts));
    }
  });

  it('agrees with Date.parse on generated times and offsets', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-01-01'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const abs = Math.abs(offset);
          const two = (x: number) => String(x).padStart(2, '0');
          const ts = `${local}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
          expect(parseInstant(ts)).toBe(date.getTime());
        },
      ),
    );
  });

  it('rejects times without an offset (they would depend on the machine zone) and impossible dates', () => {
    for (const ts of [
      '2026-11-30T09:15:00',
      '2026-11-30',
      '2026-02-29T10:00:00Z',
      '2026-11-31T10:00:00Z',
      '2026-11-30T24:00:00Z',
      '2026-11-30T09:15:00+0100',
      '2026-11-30T09:15:00.Z',
      '2026-11-30T09:15:00Zjunk',
      'yesterday',
      '',
    ]) {
      expect(parseInstant(ts), ts).toBeNaN();
    }
  });
});

describe('event shape', () => {
  const base = { v: 1, id: 'a1', ts: '2026-11-30T09:00:00+01:00', actor: 'alice' };

  it('accepts the documented events and keeps unknown fields and types', () => {
    expect(eventShapeProblem({ ...base, type: 'check', item: 'x', extra: { any: 1 } })).toBeNull();
    expect(eventShapeProblem({ ...base, type: 'future-thing' })).toBeNull();
    expect(eventShapeProblem({ ...base, type: 'standup', date: '2026-11-30', answers: { q: 'a' } })).toBeNull();
    expect(eventShapeProblem({ ...base, type: 'escalate', item: 'x', resolve: true })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(eventShapeProblem([])).toMatch(/object/);
    expect(eventShapeProblem({ ...base, v: 2, type: 'check', item: 'x' })).toMatch(/version/);
    expect(eventShapeProblem({ ...base, ts: '2026-11-30 09:00', type: 'check', item: 'x' })).toMatch(/ts/);
    expect(eventShapeProblem({ ...base, type: 'check' })).toMatch(/item/);
    expect(eventShapeProblem({ ...base, type: 'block', item: 'x' })).toMatch(/reason/);
    expect(eventShapeProblem({ ...base, type: 'note', item: 'x' })).toMatch(/text/);
    expect(eventShapeProblem({ ...base, type: 'undo' })).toMatch(/target/);
    expect(eventShapeProblem({ ...base, type: 'kpi', metric: 'm', value: '1' })).toMatch(/week/);
    expect(eventShapeProblem({ ...base, type: 'check', item: 'x', values: [{ text: '1' }] })).toMatch(/status/);
    expect(eventShapeProblem({ ...base, type: 'escalate', item: 'x' })).toMatch(/level/);
  });

  it('validates fully with zod for doctor', () => {
    expect(validateEvent({ ...base, type: 'kpi', metric: 'm', value: '1', week: 2 })).toEqual({ ok: true });
    expect(validateEvent({ ...base, type: 'kpi', metric: 'm', value: '1', week: 0 })).toMatchObject({ ok: false });
    expect(validateEvent({ ...base, type: 'standup', date: 'today', answers: {} })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/date/),
    });
    expect(validateEvent({ ...base, type: 'escalate' })).toMatchObject({ ok: false });
    expect(validateEvent({ ...base, type: 'escalate', resolve: true })).toEqual({ ok: true });
    expect(validateEvent({ ...base, type: 'newer-tool', whatever: [1] })).toEqual({ ok: true });
    expect(validateEvent({ ...base, type: 'newer-tool', ts: 'noon' })).toMatchObject({ ok: false });
  });

  it("a kpi event's optional source (kpi record --from): accepted on the hot path and by doctor, old events without one too", () => {
    const kpi = { ...base, type: 'kpi', metric: 'm', value: '83.27%', week: 3 };
    const source = { file: 'coverage/coverage-summary.json', kind: 'coverage-summary', field: 'lines', sha256: 'a'.repeat(64), tool: 'Istanbul coverage summary' };
    for (const e of [kpi, { ...kpi, source }, { ...kpi, source: { ...source, tool: undefined, kind: 'a-kind-from-a-newer-version' } }]) {
      expect(eventShapeProblem(e)).toBeNull();
      expect(validateEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true });
    }
    for (const bad of [{ ...source, sha256: 'abc' }, { ...source, file: 1 }, 'report.json', { ...source, tool: 2 }]) {
      expect(eventShapeProblem({ ...kpi, source: bad }), JSON.stringify(bad)).toMatch(/"source/);
      expect(validateEvent({ ...kpi, source: bad })).toMatchObject({ ok: false, message: expect.stringMatching(/^source/) });
    }
    const folded = foldEvents([{ ...kpi, source } as LogEvent]).kpis.get('m')!;
    expect(folded[0]!.source).toEqual(source);
    expect(describeEvent({ ...kpi, source } as LogEvent)).toBe('recorded m = 83.27% for week 3 from coverage/coverage-summary.json (coverage-summary lines)');
  });

  it('createEvent writes the documented key order', () => {
    const e = createEvent({ actor: 'bob', type: 'block', reason: 'keys', item: 'api' }, 'id1', '2026-11-30T09:00:00Z');
    expect(JSON.stringify(e)).toBe(
      '{"v":1,"id":"id1","ts":"2026-11-30T09:00:00Z","actor":"bob","type":"block","item":"api","reason":"keys"}',
    );
  });
});

describe('foldEvents', () => {
  it('folds check, uncheck, block and unblock; the later timestamp wins', () => {
    const events = [
      check('a', 1),
      ev({ actor: 'bob', type: 'block', item: 'b', reason: 'waiting on keys' }, 2),
      ev({ actor: 'bob', type: 'uncheck', item: 'a' }, 3),
      check('c', 4),
      ev({ actor: 'bob', type: 'block', item: 'c', reason: 'regressed' }, 5),
      check('d', 6),
    ];
    const { items } = foldEvents(events.slice().reverse());
    expect(items.get('a')).toMatchObject({ status: 'todo', by: 'bob', events: 2 });
    expect(items.get('b')).toMatchObject({ status: 'blocked', reason: 'waiting on keys', by: 'bob' });
    expect(items.get('c')).toMatchObject({ status: 'blocked', reason: 'regressed' });
    expect(items.get('d')).toMatchObject({ status: 'done', by: 'alice', at: events[5]!.ts });
    expect(items.has('never-touched')).toBe(false);
  });

  it('a check clears a block; unblock only undoes a block', () => {
    const { items } = foldEvents([
      ev({ actor: 'bob', type: 'block', item: 'a', reason: 'r' }, 1),
      check('a', 2),
      ev({ actor: 'bob', type: 'unblock', item: 'a' }, 3),
      ev({ actor: 'bob', type: 'block', item: 'b', reason: 'r' }, 4),
      ev({ actor: 'bob', type: 'unblock', item: 'b' }, 5),
    ]);
    expect(items.get('a')).toMatchObject({ status: 'done', reason: undefined, by: 'alice' });
    expect(items.get('b')).toMatchObject({ status: 'todo', reason: undefined, by: 'bob' });
  });

  it('keeps notes, measured values and missed thresholds', () => {
    const values = [{ label: 'LCP', text: '2.1s', status: 'met' as const }];
    const { items } = foldEvents([
      ev({ actor: 'bob', type: 'note', item: 'a', text: 'started' }, 1),
      check('a', 2, { note: 'shipped', values, missed: true }),
    ]);
    const a = items.get('a')!;
    expect(a.notes.map((n) => n.text)).toEqual(['started', 'shipped']);
    expect(a.notes[0]).toMatchObject({ actor: 'bob' });
    expect(a).toMatchObject({ status: 'done', values, missed: true });
  });

  it('collects KPI records, standups and escalations', () => {
    const r = foldEvents([
      ev({ actor: 'a', type: 'kpi', metric: 'bundle-size', value: '540KB', week: 1 }, 1),
      ev({ actor: 'a', type: 'kpi', metric: 'bundle-size', value: '480KB', week: 2 }, 2),
      ev({ actor: 'a', type: 'standup', date: '2026-11-30', answers: { 'What did you do?': 'tests' } }, 3),
      ev({ actor: 'a', type: 'escalate', item: 'x', level: 'critical', reason: 'down' }, 4),
      ev({ actor: 'b', type: 'escalate', item: 'x', resolve: true }, 5),
      ev({ actor: 'a', type: 'escalate', item: 'y', level: 'high', reason: 'slow' }, 6),
    ]);
    expect(r.kpis.get('bundle-size')!.map((k) => [k.week, k.value])).toEqual([
      [1, '540KB'],
      [2, '480KB'],
    ]);
    expect(r.standups).toHaveLength(1);
    expect(r.escalations.get('x')).toMatchObject({ open: false, level: 'critical', resolvedBy: 'b' });
    expect(r.escalations.get('y')).toMatchObject({ open: true, level: 'high', reason: 'slow' });
  });

  it('ignores unknown types but keeps them in the timeline', () => {
    const odd = { v: 1, id: 'zz', ts: '2026-11-30T10:00:00Z', actor: 'bot', type: 'deploy', item: 'a' } as LogEvent;
    const r = foldEvents([check('a', 1), odd]);
    expect(r.items.get('a')!.status).toBe('done');
    expect(r.timeline).toContain(odd);
  });

  it('orders equal timestamps by id', () => {
    const block = ev({ actor: 'bob', type: 'block', item: 'a', reason: 'r' }, 1, 'b');
    const done = ev({ actor: 'alice', type: 'check', item: 'a' }, 1, 'a');
    expect(foldEvents([block, done]).items.get('a')!.status).toBe('blocked');
    expect(foldEvents([done, block]).items.get('a')!.status).toBe('blocked');
  });

  it('orders by instant, not by the text of ts', () => {
    // 10:30+02:00 is 08:30Z: earlier than 09:00Z although it sorts later as text.
    const late = createEvent({ actor: 'a', type: 'check', item: 'x' }, 'a', '2026-11-30T09:00:00Z');
    const early = createEvent({ actor: 'a', type: 'uncheck', item: 'x' }, 'b', '2026-11-30T10:30:00+02:00');
    expect(foldEvents([late, early]).items.get('x')!.status).toBe('done');
  });

  it('counts the same event twice (a union merge) once', () => {
    const note = ev({ actor: 'bob', type: 'note', item: 'a', text: 'once' }, 1);
    const r = foldEvents([note, check('a', 2), { ...note }]);
    expect(r.items.get('a')!.notes).toHaveLength(1);
    expect(r.duplicates).toBe(1);
    expect(r.timeline).toHaveLength(2);
  });

  it('undo cancels its target; undo of an undo re-applies it', () => {
    const c = check('a', 1);
    const u1 = ev({ actor: 'alice', type: 'undo', target: c.id, item: 'a' }, 2);
    expect(foldEvents([c, u1]).items.get('a')?.status ?? 'todo').toBe('todo');
    const u2 = ev({ actor: 'alice', type: 'undo', target: u1.id }, 3);
    const r = foldEvents([c, u1, u2]);
    expect(r.items.get('a')!.status).toBe('done');
    expect([...r.cancelled]).toEqual([u1.id]);
  });

  it('undoing a block restores what was before it', () => {
    const c = check('a', 1);
    const b = ev({ actor: 'bob', type: 'block', item: 'a', reason: 'r' }, 2);
    const u = ev({ actor: 'bob', type: 'undo', target: b.id }, 3);
    expect(foldEvents([c, b, u]).items.get('a')).toMatchObject({ status: 'done', by: 'alice' });
  });

  it('undoing a note removes it', () => {
    const n = ev({ actor: 'bob', type: 'note', item: 'a', text: 'typo' }, 1);
    const u = ev({ actor: 'bob', type: 'undo', target: n.id }, 2);
    expect(foldEvents([n, u]).items.get('a')?.notes ?? []).toEqual([]);
  });

  it('any permutation of the log folds to the same state', () => {
    const actors = ['alice', 'bob'];
    const items = ['a', 'b', 'c'];
    const spec = fc.record({
      kind: fc.constantFrom('check', 'uncheck', 'block', 'unblock', 'note', 'assign', 'kpi', 'undo', 'escalate', 'dup'),
      actor: fc.constantFrom(...actors),
      item: fc.constantFrom(...items),
      // A narrow clock, so equal timestamps (ordered by id) are common.
      minute: fc.integer({ min: 0, max: 5 }),
      back: fc.nat(),
    });
    type Spec = { kind: string; actor: string; item: string; minute: number; back: number };
    const build = (specs: Spec[]): LogEvent[] => {
      const out: LogEvent[] = [];
      specs.forEach((s, i) => {
        const id = `id${String(i).padStart(3, '0')}`;
        const at = (f: NewEvent) => out.push(createEvent(f, id, `2026-11-30T09:0${s.minute}:00Z`));
        const { actor, item } = s;
        switch (s.kind) {
          case 'block': return at({ actor, type: 'block', item, reason: `r${i}` });
          case 'note': return at({ actor, type: 'note', item, text: `n${i}` });
          case 'assign': return at({ actor, type: 'assign', item, owner: i % 3 === 0 ? '' : `o${i}` });
          case 'kpi': return at({ actor, type: 'kpi', metric: item, value: `${i}`, week: 1 });
          case 'escalate':
            return at({ actor, type: 'escalate', item, level: 'high', reason: `x${i}`, resolve: i % 2 === 0 });
          case 'undo':
            if (out.length === 0) return;
            return at({ actor, type: 'undo', target: out[s.back % out.length]!.id });
          case 'dup':
            if (out.length > 0) out.push({ ...out[s.back % out.length]! });
            return;
          default: return at({ actor, type: s.kind as 'check', item });
        }
      });
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 40 }).map(build).chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([events, shuffled]) => {
          expect(foldEvents(shuffled)).toEqual(foldEvents(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds 100,000 events over 10,000 items', () => {
    const events: LogEvent[] = [];
    const t0 = Date.UTC(2026, 10, 30);
    for (let i = 0; i < 100_000; i++) {
      const item = `item-${i % 10_000}`;
      const ts = new Date(t0 + i * 1000).toISOString();
      const id = i.toString(16).padStart(16, '0');
      events.push(
        i % 3 === 0
          ? createEvent({ actor: 'a', type: 'note', item, text: 'n' }, id, ts)
          : createEvent({ actor: 'a', type: i % 3 === 1 ? 'check' : 'uncheck', item }, id, ts),
      );
    }
    const { items } = foldEvents(events);
    expect(items.size).toBe(10_000);
    expect(items.get('item-9999')!.status).toBe('todo'); // last event 99,999 is an uncheck
    expect(items.get('item-9997')!.status).toBe('done');
  });
});

describe('undo helpers and words', () => {
  it('finds the actor’s last change still in effect: the last one typed, whatever day it counts for', () => {
    const c1 = check('a', 5);
    // `check --date yesterday`: an older ts, typed after c1.
    const backdated = { ...check('b', 1), recorded: ev({}, 6).ts } as LogEvent;
    const other = ev({ actor: 'bob', type: 'check', item: 'c' }, 7);
    const last = (events: LogEvent[], actor: string) => findLastChange(events, foldEvents(events).timeline, actor);
    expect(last([other, backdated, c1], 'alice')).toBe(backdated);
    const u = ev({ actor: 'alice', type: 'undo', target: backdated.id }, 8);
    expect(last([c1, backdated, other, u], 'alice')).toBe(c1);
    expect(last([c1], 'carol')).toBeUndefined();
    // Typed in the same millisecond (one command, or a test's fixed clock): the later line.
    const twin = { ...check('d', 5), id: 'a-smaller-id' } as LogEvent;
    expect(last([c1, twin], 'alice')).toBe(twin);
  });

  it('describes events in words', () => {
    const c = check('skeleton-loading-setup');
    expect(describeEvent(c)).toBe('checked skeleton-loading-setup');
    expect(describeEvent(ev({ actor: 'a', type: 'block', item: 'x', reason: 'no keys' }))).toBe('blocked x: no keys');
    expect(describeEvent(ev({ actor: 'a', type: 'unblock', item: 'x' }))).toBe('unblocked x');
    expect(describeEvent(ev({ actor: 'a', type: 'note', item: 'x', text: 'hi' }))).toBe('noted on x: hi');
    expect(
      describeEvent(check('bundle', 1, { values: [{ text: '540KB', status: 'missed' }], missed: true })),
    ).toBe('checked bundle (540KB, missed target)');
    expect(describeEvent(ev({ actor: 'a', type: 'kpi', metric: 'bundle-size', value: '540KB', week: 1 }))).toBe(
      'recorded bundle-size = 540KB for week 1',
    );
    const u = ev({ actor: 'a', type: 'undo', target: c.id });
    expect(describeEvent(u, (id) => (id === c.id ? c : undefined))).toBe('undid "checked skeleton-loading-setup"');
    expect(describeEvent(u)).toBe('undid an event not in the log');
  });
});
