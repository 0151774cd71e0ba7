import { describe, expect, it } from 'vitest';
import { countByActor, countByType, describeCounts } from '../../src/core/log/counts.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';

let n = 0;
const ev = (fields: Record<string, unknown>, id = `e${++n}`): LogEvent =>
  createEvent(fields as NewEvent, id, '2026-11-30T09:00:00Z');

describe('event summaries', () => {
  it('counts per type once per id, and per actor in name order', () => {
    const dup = ev({ actor: 'bob', type: 'check', item: 'a' });
    const events = [dup, dup, ev({ actor: 'bob', type: 'block', item: 'b', reason: 'r' }), ev({ actor: 'alice', type: 'check', item: 'c' })];
    expect(countByType(events)).toEqual({ check: 2, block: 1 });
    expect(countByActor(events)).toEqual([
      { actor: 'alice', counts: { check: 1 } },
      { actor: 'bob', counts: { check: 1, block: 1 } },
    ]);
  });

  it('words counts for commit messages and for the report', () => {
    const counts = { block: 1, check: 3, kpi: 2, standup: 1, mystery: 2 };
    expect(describeCounts(counts, { nouns: false })).toBe('checked 3, blocked 1, recorded 2, answered 1, 2 mystery events');
    expect(describeCounts(counts, { nouns: true })).toBe('checked 3 items, blocked 1, recorded 2 KPI values, answered 1 standup, 2 mystery events');
    expect(describeCounts({ check: 1 }, { nouns: true })).toBe('checked 1 item');
    expect(describeCounts({}, { nouns: true })).toBe('');
  });
});
