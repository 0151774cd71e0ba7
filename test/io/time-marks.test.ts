// Time marks let a window's read start late in a long log; they must never skip an event in the window.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { readEventLog } from '../../src/io/event-log.js';
import { readEventsBetween } from '../../src/io/store/event-window.js';
import { readFoldedLog } from '../../src/io/store/fold-snapshot.js';
import { MARK_BYTES, markCollector, startFor } from '../../src/io/store/time-marks.js';
import { line, tempLog } from '../events-fixtures.js';

let dir: string;
let log: string;
beforeEach(() => ({ dir, log } = tempLog('launch-marks-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-12-09T12:00:00Z');
const from = Date.parse('2026-12-08T00:00:00Z');
const to = Date.parse('2026-12-09T00:00:00Z');
const at = (iso: string, id: string): LogEvent => createEvent({ actor: 'alice', type: 'note', item: 'redis-setup', text: 'x'.repeat(100) } as NewEvent, id, iso);
/** `n` events a minute apart from `start`, about 250 bytes each. */
const old = (n: number, tag: string, start = '2026-01-01T00:00:00Z'): string[] =>
  Array.from({ length: n }, (_, i) => line(at(new Date(Date.parse(start) + i * 60_000).toISOString(), `${tag}-${i}`)));
const slow = () => readEventLog(log).events.filter((e) => Date.parse(e.ts) >= from && Date.parse(e.ts) < to);

describe('time marks', () => {
  it('mark every MARK_BYTES with the latest time before them, and start a window after the old lines', () => {
    const c = markCollector(0, null);
    c.see(at('2026-01-01T00:00:00.000Z', 'a'), 0);
    c.see(at('2026-12-08T10:00:00.000Z', 'b'), MARK_BYTES); // a mark before it, then the latest time
    c.see(at('2026-02-01T00:00:00.000Z', 'c'), 2 * MARK_BYTES);
    expect(c.marks).toEqual([MARK_BYTES, Date.parse('2026-01-01T00:00:00Z'), 2 * MARK_BYTES, Date.parse('2026-12-08T10:00:00Z')]);
    expect(startFor(c.marks, Date.parse('2026-06-01T00:00:00Z'))).toBe(MARK_BYTES);
    expect(startFor(c.marks, Date.parse('2026-01-01T00:00:00Z'))).toBe(0);
    expect(startFor(undefined, from)).toBe(0);
  });

  it('let standup read only the end of a long log, and find what a full read finds', () => {
    const lines = [...old(3000, 'old'), line(at('2026-12-08T09:00:00.000Z', 'yesterday')), line(at('2026-12-08T09:30:00.000Z', 'yesterday-2'))];
    fs.writeFileSync(log, lines.join(''));
    const read = readFoldedLog(log, { now: NOW });
    const start = startFor(read.marks, from);
    expect(start).toBeGreaterThanOrEqual(2 * MARK_BYTES);
    expect(readEventsBetween(log, from, to, { startAt: start }).map((e) => e.id)).toEqual(['yesterday', 'yesterday-2']);
    // From the snapshot, with more appended since (a teammate's older events, synced): the marks go on
    // over the new lines, and those before them are as late as the log has been.
    fs.appendFileSync(log, [...old(1500, 'more', '2026-12-08T09:45:00Z'), line(at('2026-12-09T10:00:00.000Z', 'today'))].join(''));
    const again = readFoldedLog(log, { now: NOW, rewriteTailBytes: 1 });
    expect(again.source).toBe('cache');
    expect(again.marks!.length).toBeGreaterThan(read.marks!.length);
    expect(readEventsBetween(log, from, to, { startAt: startFor(again.marks, from) })).toEqual(slow());
    expect(readFoldedLog(log, { now: NOW }).marks).toEqual(again.marks);
  });

  it('never skip an early line whose time is late (a clock ahead, a merge)', () => {
    const lines = old(3000, 'old');
    lines.splice(5, 0, line(at('2026-12-08T11:00:00.000Z', 'early-but-late')));
    fs.writeFileSync(log, lines.join(''));
    const read = readFoldedLog(log, { now: NOW });
    expect(read.marks!.length).toBeGreaterThan(0);
    expect(startFor(read.marks, from)).toBe(0);
    expect(readEventsBetween(log, from, to, { startAt: startFor(read.marks, from) }).map((e) => e.id)).toEqual(['early-but-late']);
  });
});
