// The reader's check of every line (shape.ts, no zod) and doctor's zod schema (schema.ts) are made from
// one spec (fields.ts): here random lines, well-formed ones with a field broken and arbitrary JSON,
// must be taken by both or by neither.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../src/core/log/schema.js';
import { eventShapeProblem } from '../../src/core/log/shape.js';

const instant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const name = fc.string({ minLength: 1, maxLength: 20 });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
const value = fc.record({ label: fc.option(name, { nil: undefined }), text, status: fc.constantFrom('met', 'missed') }, { requiredKeys: ['text', 'status'] });

const hex = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength, maxLength });
const base = { v: fc.constant(1), id: hex(16, 16), ts: instant, actor: name };
const withItem = { ...base, item: name };
/** Events as launch (or a careful tool) writes them, of every type and one it does not know. */
const wellFormed = fc.oneof(
  fc.record({ ...withItem, type: fc.constant('check'), note: text, values: fc.array(value, { maxLength: 3 }), missed: fc.boolean() }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'item'] }),
  fc.record({ ...withItem, type: fc.constantFrom('uncheck', 'unblock') }),
  fc.record({ ...withItem, type: fc.constant('block'), reason: text }),
  fc.record({ ...withItem, type: fc.constant('note'), text }),
  fc.record({ ...withItem, type: fc.constant('assign'), owner: fc.oneof(fc.constant(''), name) }),
  fc.record({ ...base, type: fc.constant('kpi'), metric: name, value: fc.string({ minLength: 1, maxLength: 8 }), week: fc.integer({ min: 1, max: 200 }), note: text }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'metric', 'value', 'week'] }),
  fc.record({ ...base, type: fc.constant('standup'), date: instant.map((t) => t.slice(0, 10)), answers: fc.dictionary(fc.string(), text) }),
  fc.record({ ...base, type: fc.constant('escalate'), item: name, level: name, reason: text, resolve: fc.constant(false) }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'level', 'reason'] }),
  fc.record({ ...base, type: fc.constant('escalate'), item: name, resolve: fc.constant(true) }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'resolve'] }),
  fc.record({ ...base, type: fc.constant('undo'), target: hex(1, 16), item: name }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type', 'target'] }),
  fc.record({ ...base, type: fc.constantFrom('deploy', 'x'), item: name, extra: fc.jsonValue() }, { requiredKeys: ['v', 'id', 'ts', 'actor', 'type'] }),
  fc.record({ ...base, recorded: instant, type: fc.constant('check'), item: name }),
);

/** What hand edits and other tools put in a field: the values the reader once took and doctor did not. */
const hostile = fc.oneof(
  fc.constantFrom(-3, 0, 1, 1.5, 1e308, -0, 2 ** 53, 2 ** 53 - 1, '', ' ', 'not-a-date', '2026-02-30', '2026-11-30', '2026-11-30T09:00:00Z', '2026-11-30T09:00:00', null, true, [], {}, [{}], { q: 1 }, 'met', 'x'.repeat(257), '😀'.repeat(200), '😀'.repeat(129), '\ud800'.repeat(257), 'a'.repeat(129)),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer(),
  fc.double(),
);
const FIELDS = ['v', 'id', 'ts', 'recorded', 'actor', 'type', 'item', 'note', 'values', 'missed', 'reason', 'text', 'metric', 'value', 'week', 'date', 'answers', 'level', 'resolve', 'target', 'owner'];

type Json = Record<string, unknown>;
const mutated = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.constantFrom(...FIELDS, 'values.0.text', 'values.0.status', 'values.0.label', 'answers.q'), fc.option(hostile, { nil: undefined })), { minLength: 1, maxLength: 3 }))
  .map(([event, edits]) => {
    const e: Json = structuredClone(event);
    for (const [path, v] of edits) {
      const [head, index, leaf] = path.split('.');
      // head: a top-level field; head.key: a field of the object at head (answers.q); head.i.leaf: a
      // field of the i-th element of the array at head (values.0.text).
      const target = (index === undefined ? e : leaf === undefined ? e[head!] : (e[head!] as Json[] | undefined)?.[Number(index)]) as Json | undefined;
      const key = leaf ?? index ?? head!;
      if (target === undefined || typeof target !== 'object' || target === null) continue;
      if (v === undefined) delete target[key];
      else target[key] = v;
    }
    return e;
  });

/** What the reader sees: the line as JSON parses it. */
const asRead = (x: unknown): unknown => JSON.parse(JSON.stringify(x) ?? 'null');

function agree(x: unknown): void {
  const line = asRead(x);
  const hot = eventShapeProblem(line);
  const zod = validateEvent(line);
  expect(hot === null, `reader: ${hot}; doctor: ${zod.ok ? 'ok' : zod.message}; line: ${JSON.stringify(line)}`).toBe(zod.ok);
}

describe('the reader and doctor', () => {
  it('take the same lines: well-formed ones', () => {
    fc.assert(fc.property(wellFormed, (e) => {
      agree(e);
      expect(eventShapeProblem(asRead(e))).toBeNull();
    }), { numRuns: 500 });
  });

  it('take the same lines: well-formed ones with fields changed or dropped', () => {
    fc.assert(fc.property(mutated, agree), { numRuns: 3000 });
  });

  it('take the same lines: any JSON at all', () => {
    fc.assert(fc.property(fc.jsonValue(), agree), { numRuns: 500 });
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...FIELDS), hostile), (x) => agree({ v: 1, ...x })), { numRuns: 1000 });
  });

  it('both refuse what the reader once took and doctor did not', () => {
    const kpi = { v: 1, id: 'a1', ts: '2026-11-30T09:00:00+01:00', actor: 'alice', type: 'kpi', metric: 'lcp', value: '2.1s', week: 2 };
    const standup = { v: 1, id: 'a2', ts: '2026-11-30T09:00:00+01:00', actor: 'alice', type: 'standup', date: '2026-11-30', answers: { q: 'a' } };
    expect(eventShapeProblem(kpi)).toBeNull();
    expect(eventShapeProblem(standup)).toBeNull();
    for (const bad of [{ week: -3 }, { week: 1e308 }, { week: 1.5 }, { metric: '' }, { value: '' }, { item: '' }, { actor: 'x'.repeat(257) }]) {
      expect(eventShapeProblem({ ...kpi, ...bad }), JSON.stringify(bad)).not.toBeNull();
      expect(validateEvent({ ...kpi, ...bad }).ok, JSON.stringify(bad)).toBe(false);
    }
    for (const date of ['not-a-date', '2026-02-30', '2026-13-01']) {
      expect(eventShapeProblem({ ...standup, date })).toMatch(/date/);
      expect(validateEvent({ ...standup, date }).ok).toBe(false);
    }
    expect(eventShapeProblem({ ...kpi, week: 1.5 })).toBe('kpi: "week": expected a whole number, at least 1');
  });
});
