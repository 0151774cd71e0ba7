import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as instant from '../../src/core/calendar/instant.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';

vi.mock('../../src/core/calendar/instant.js', async (original) => {
  const real = await original<typeof import('../../src/core/calendar/instant.js')>();
  return { ...real, parseInstant: vi.fn(real.parseInstant) };
});
const { parseInstant } = instant;
import { readEventLog } from '../../src/io/event-log.js';
import { lineTs, readEventsBetween } from '../../src/io/store/event-window.js';
import { line, tempLog } from '../events-fixtures.js';

let dir: string;
let log: string;
beforeEach(() => ({ dir, log } = tempLog('launch-window-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (iso: string, fields: Partial<NewEvent> = {}, id = `id-${iso}`): LogEvent =>
  createEvent({ actor: 'alice', type: 'check', item: 'redis-setup', ...fields } as NewEvent, id, iso);
const ms = (iso: string) => Date.parse(iso);
/** What a full read finds in the window: the reference the fast path must match. */
const slow = (from: number, to: number) =>
  readEventLog(log).events.filter((e) => parseInstant(e.ts) >= from && parseInstant(e.ts) < to);

/** The ids of the events in the text handed to JSON.parse, however many calls it took. */
const parsedIds = (parse: { mock: { calls: unknown[][] } }): string[] => parse.mock.calls.flatMap(([text]) => [...String(text).matchAll(/"id":"([^"]*)"/g)].map((m) => m[1]!));

describe('lineTs', () => {
  const of = (text: string) => {
    const b = Buffer.from(`x\n${text}\n{"v":1,"id":"b","ts":"2030-01-01T00:00:00Z"}`);
    const at = lineTs(b, 2, 2 + Buffer.byteLength(text));
    return at === null ? undefined : b.toString('utf8', at[0], at[1]);
  };
  it('reads the time of a line as launch writes it, with Z or an offset', () => {
    expect(of(JSON.stringify(at('2026-12-08T09:00:00.000Z')))).toBe('2026-12-08T09:00:00.000Z');
    expect(of('{"v":1,"id":"a","ts":"2026-12-08T10:00:00+01:00","actor":"x"}')).toBe('2026-12-08T10:00:00+01:00');
  });
  it('declines a line with a second "ts" key, nested or duplicated (JSON.parse keeps the last)', () => {
    expect(of('{"v":1,"id":"a","ts":"2026-12-08T10:00:00Z","answers":{"ts":"no"}}')).toBeUndefined();
    expect(of('{"v":1,"id":"a","ts":"2020-01-01T00:00:00Z","actor":"x","ts":"2026-12-08T10:00:00Z"}')).toBeUndefined();
  });
  it('declines any other line, which is then parsed to be sure', () => {
    expect(of('{"v":1, "id":"a", "ts":"2026-12-08T09:00:00Z"}')).toBeUndefined(); // spaced
    expect(of('{"ts":"2026-12-08T09:00:00Z","v":1,"id":"a"}')).toBeUndefined(); // another key order
    expect(of('{"v":1,"id":"a\\","ts":"x","ts":"2026-12-08T09:00:00Z"}')).toBeUndefined(); // a quote in the id
    expect(of('{"v":1,"id":"a","note":"\\"ts\\":\\"2020-01-01T00:00:00Z\\""}')).toBeUndefined(); // only inside a string
    expect(of('{"v":1,"id":"a","ts":"2026-12-08T09:00:00Z')).toBeUndefined(); // torn: the next line's quotes do not count
    expect(of('{"v":1,"id":"a')).toBeUndefined();
  });
});

describe('readEventsBetween', () => {
  const from = ms('2026-12-08T00:00:00Z');
  const to = ms('2026-12-09T00:00:00Z');

  it('finds exactly what a full read finds in the window, whatever the lines look like', () => {
    const inside = at('2026-12-08T09:00:00.000Z');
    const nested = at('2026-12-08T10:00:00.000Z', { type: 'standup', item: undefined, date: '2026-12-08', answers: { ts: '2020-01-01T00:00:00Z' } } as Partial<NewEvent>);
    const spaced = JSON.stringify(at('2026-12-08T11:00:00+02:00')).replace('"ts":', '"ts" :');
    const lines = [
      '\uFEFF' + line(at('2026-12-07T23:59:59.999Z')),
      line(inside),
      line(nested),
      `${spaced}\r\n`,
      '{"v":1,"id":"torn","ts":"2026-12-08T12:00:00Z","actor":"a"\n', // an interrupted write
      'garbage in the window\n',
      line(at('2026-12-09T00:00:00.000Z')), // the window's end is open
      line(at('2026-12-08T23:59:59.999Z')),
      '{"v":1,"id":"dup","ts":"2020-01-01T00:00:00Z","actor":"a","type":"check","item":"x","ts":"2026-12-08T12:15:00Z"}\n',
      line(at('2026-12-08T12:30:00.000Z')).trimEnd(), // last line, no newline
    ];
    fs.writeFileSync(log, lines.join(''));
    const fast = readEventsBetween(log, from, to);
    expect(fast).toEqual(slow(from, to));
    expect(fast.map((e) => e.ts)).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-08T10:00:00.000Z', '2026-12-08T11:00:00+02:00', '2026-12-08T23:59:59.999Z', '2026-12-08T12:15:00Z', '2026-12-08T12:30:00.000Z']);
  });

  it('parses only the lines whose time is in the window', () => {
    const days = Array.from({ length: 30 }, (_, d) => at(`2026-11-${String(d + 1).padStart(2, '0')}T09:00:00.000Z`));
    fs.writeFileSync(log, days.map(line).join(''));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(readEventsBetween(log, ms('2026-11-10T00:00:00Z'), ms('2026-11-12T00:00:00Z')).map((e) => e.ts.slice(0, 10))).toEqual(['2026-11-10', '2026-11-11']);
      expect(parsedIds(parse)).toEqual(['id-2026-11-10T09:00:00.000Z', 'id-2026-11-11T09:00:00.000Z']);
    } finally {
      parse.mockRestore();
    }
  });

  it('reads the times of lines as launch writes them (offsets, not Z) without parsing them', () => {
    // record() writes the workspace's offset: `+00:00` in UTC, `+01:00` in Berlin's winter.
    const days = Array.from({ length: 30 }, (_, d) => at(`2026-11-${String(d + 1).padStart(2, '0')}T09:00:00.000${d % 2 ? '+00:00' : '+01:00'}`));
    fs.writeFileSync(log, days.map(line).join(''));
    const parse = vi.spyOn(JSON, 'parse');
    vi.mocked(parseInstant).mockClear();
    try {
      expect(readEventsBetween(log, ms('2026-11-10T00:00:00Z'), ms('2026-11-12T00:00:00Z')).map((e) => e.ts.slice(0, 10))).toEqual(['2026-11-10', '2026-11-11']);
      expect(parsedIds(parse)).toEqual(['id-2026-11-10T09:00:00.000+00:00', 'id-2026-11-11T09:00:00.000+01:00']);
      // Twice for each event found (the shape check, then its exact time); none for the 28 lines outside.
      expect(parseInstant).toHaveBeenCalledTimes(4);
    } finally {
      parse.mockRestore();
    }
  });

  it('skips what a full read skips: a line that is not UTF-8, and an event repeating an earlier id', () => {
    const first = at('2026-12-08T09:00:00.000Z', {}, 'same-id');
    const notUtf8 = Buffer.from(line(at('2026-12-08T09:30:00.000Z', { note: 'caf?' } as Partial<NewEvent>)));
    notUtf8[notUtf8.indexOf('?')] = 0xe9;
    fs.writeFileSync(log, Buffer.concat([Buffer.from(line(first)), notUtf8, Buffer.from(line(at('2026-12-08T10:00:00.000Z', { item: 'other' }, 'same-id')))]));
    const full = readEventLog(log);
    expect(full.repeats).toEqual([3]);
    expect(readEventsBetween(log, from, to, { skip: full.repeats })).toEqual([first]);
    expect(slow(from, to)).toEqual([first]);
    // The fast path, on a log that is all UTF-8.
    fs.writeFileSync(log, line(first) + line(at('2026-12-08T10:00:00.000Z', { item: 'other' }, 'same-id')));
    expect(readEventsBetween(log, from, to, { skip: readEventLog(log).repeats })).toEqual([first]);
  });

  it('finds the time JSON.parse keeps when a hand edit adds a second ts, spaced or spelt with an escape', () => {
    const base = JSON.stringify(at('2020-01-01T00:00:00.000Z', {}, 'edited'));
    for (const key of ['"ts" :', '"t\\u0073":', '"\\u0074s":']) {
      fs.writeFileSync(log, `${line(at('2026-12-08T08:00:00.000Z'))}${base.slice(0, -1)},${key}"2026-12-08T10:00:00.000Z"}\n`);
      expect(readEventsBetween(log, from, to).map((e) => e.id)).toEqual(['id-2026-12-08T08:00:00.000Z', 'edited']);
      expect(readEventsBetween(log, from, to, { skip: [99] })).toEqual(slow(from, to)); // line by line
    }
  });

  it('reads long logs the same in runs and chunks: hundreds of lines outside the window on both sides', () => {
    const day = (d: number, h: number) => `2026-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000+00:00`;
    const lines: string[] = [];
    for (let i = 0; i < 700; i++) lines.push(line(at(day(1 + (i % 5), i % 24), {}, `before-${i}`)));
    for (let i = 0; i < 30; i++) lines.push(line(at(day(8, i % 24), { note: i % 7 ? 'plain' : 'café ☕' } as Partial<NewEvent>, `in-${i}`)).replace(/\n$/, i % 2 ? '\r\n' : '\n'));
    lines.splice(710, 0, 'not an event\n', line(at(day(8, 23), {}, 'alone')).replace('"ts":', '"ts": '));
    for (let i = 0; i < 400; i++) lines.push(line(at(day(10 + (i % 5), i % 24), {}, `after-${i}`)));
    fs.writeFileSync(log, lines.join(''));
    const expected = slow(from, to);
    expect(expected).toHaveLength(31);
    for (const chunk of [undefined, 100, 4096]) expect(readEventsBetween(log, from, to, { chunkBytes: chunk })).toEqual(expected);
  });

  it('does not check again the lines the fold has checked (before its snapshot\'s offset), and checks the rest', () => {
    // A wrong shape no launch line has: only a line after the offset can hold one and be dropped.
    const odd = (id: string) => `{"v":1,"id":"${id}","ts":"2026-12-08T10:00:00.000Z","actor":"","type":"check","item":"x"}\n`;
    const text = line(at('2026-12-08T09:00:00.000Z')) + odd('before') + odd('after');
    fs.writeFileSync(log, text);
    const offset = text.indexOf('{"v":1,"id":"after"');
    expect(readEventsBetween(log, from, to, { checkedTo: offset }).map((e) => e.id)).toEqual(['id-2026-12-08T09:00:00.000Z', 'before']);
    expect(readEventsBetween(log, from, to).map((e) => e.id)).toEqual(['id-2026-12-08T09:00:00.000Z']);
  });

  it('is empty for a missing log', () => {
    expect(readEventsBetween(`${log}.missing`, from, to)).toEqual([]);
  });

  it('matches a full read on random logs and windows', () => {
    const instant = fc.integer({ min: ms('2026-12-01T00:00:00Z'), max: ms('2026-12-15T00:00:00Z') });
    const offset = fc.constantFrom('Z', '+00:00', '+01:00', '-05:30', '+05:45', '-12:00', '+14:00');
    // A second ts key as a hand edit could add one: spaced, or spelt with an escape; JSON.parse keeps it.
    const again = fc.constantFrom(undefined, '"ts" :', '"t\\u0073":', '"\\u0074s":');
    const event = fc.record({ t: instant, offset, spaced: fc.boolean(), nested: fc.boolean(), note: fc.string(), hour24: fc.boolean(), again, t2: instant });
    // Chunks of a few lines, so that runs, adjacent lines and chunk ends meet.
    const chunkBytes = fc.constantFrom(undefined, 64, 300, 1000);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), instant, fc.integer({ min: 0, max: 3 * 86_400_000 }), chunkBytes, (specs, start, span, chunk) => {
        const text = specs
          .map(({ t, offset: o, spaced, nested, note, hour24, again: key, t2 }, i) => {
            const shift = o === 'Z' ? 0 : (o.startsWith('+') ? 1 : -1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4))) * 60_000;
            const local = new Date(t + shift).toISOString().slice(0, 23);
            // Now and then a time no clock shows (24:mm), which is no instant at all.
            const iso = (hour24 && i % 4 === 1 ? `${local.slice(0, 11)}24${local.slice(13)}` : local) + o;
            const e = nested
              ? at(iso, { type: 'standup', item: undefined, date: '2026-12-08', answers: { ts: note } } as Partial<NewEvent>, `e${i}`)
              : at(iso, { note } as Partial<NewEvent>, `e${i}`);
            let json = JSON.stringify(e);
            if (key && i % 5 === 2) json = `${json.slice(0, -1)},${key}"${new Date(t2).toISOString()}"}`;
            return `${spaced ? json.replace('"ts":', '"ts": ') : json}${i % 3 === 0 ? '\r' : ''}\n`;
          })
          .join('');
        fs.writeFileSync(log, text);
        expect(readEventsBetween(log, start, start + span, { chunkBytes: chunk })).toEqual(slow(start, start + span));
      }),
      { numRuns: 150 },
    );
  });
});
