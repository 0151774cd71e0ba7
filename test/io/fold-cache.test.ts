import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/core/log/fold-incremental.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { foldEvents } from '../../src/core/log/fold.js';
import { readEventLog } from '../../src/io/event-log.js';
import { appendEvent, appendEvents, newEventId } from '../../src/io/event-log-append.js';
import { FOLD_CACHE_NAME, foldCachePath, type FoldedLogRead, readFoldedLog, rewriteTailBytes } from '../../src/io/store/fold-snapshot.js';
import { countingReads } from '../bytes-read.js';
import { comparable } from '../events-fixtures.js';

let dir: string;
let log: string;
let cache: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-fold-'));
  log = path.join(dir, 'events.jsonl');
  cache = path.join(dir, FOLD_CACHE_NAME);
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const ITEMS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
/** Events a second apart, in time order, over a few items, with notes, blocks, owners, KPIs and escalations. */
function ev(fields: Partial<NewEvent> = {}): LogEvent {
  n++;
  const ts = new Date(Date.UTC(2026, 10, 30, 9, 0, 0) + n * 1000).toISOString();
  const kinds: Partial<NewEvent>[] = [
    { type: 'check' },
    { type: 'note', text: `note ${n}` },
    { type: 'block', reason: `waiting ${n}` },
    { type: 'unblock' },
    { type: 'check', note: 'measured', values: [{ label: 'LCP', text: '2.1s', status: 'met' }] },
    { type: 'kpi', item: undefined, metric: 'lcp', value: `${n}ms`, week: 1 } as Partial<NewEvent>,
    { type: 'escalate', level: 'high', reason: `slow ${n}` } as Partial<NewEvent>,
    { type: 'standup', item: undefined, date: '2026-11-30', answers: { q: `a${n}` } } as Partial<NewEvent>,
    { type: 'assign', owner: n % 3 === 0 ? '' : `owner-${n}` } as Partial<NewEvent>,
  ];
  const kind = kinds[n % kinds.length]!;
  const e = createEvent({ actor: n % 2 ? 'alice' : 'bob', item: ITEMS[n % ITEMS.length], ...kind, ...fields } as NewEvent, newEventId(), ts);
  for (const [k, v] of Object.entries(e)) if (v === undefined) delete (e as Record<string, unknown>)[k];
  return e;
}
const lines = (events: LogEvent[]) => events.map((e) => JSON.stringify(e) + '\n').join('');
const many = (count: number) => Array.from({ length: count }, () => ev());

/** Every event here was typed before this. */
const NOW = Date.UTC(2027, 0, 1);

function comparableWithMaxTs(s: FoldedLogRead) {
  return { ...comparable(s.fold), maxTs: s.maxTs };
}

/** Whatever path it took, the result is what reading and folding the whole log gives. */
function expectSameAsFullRead(r: FoldedLogRead): void {
  const full = readEventLog(log);
  expect(r.warnings).toEqual(full.warnings);
  expect(r.repeats).toEqual(full.repeats);
  expect(r.errors).toEqual(full.errors);
  expect(r.stamp).toEqual(full.stamp);
  const whole = snapshotOf(foldEvents(full.events, { now: NOW }), NOW)!;
  expect(comparableWithMaxTs(r)).toStrictEqual({ ...comparable(whole), maxTs: whole.maxTs });
}

function read(opts: { rewriteTailBytes?: number } = {}): FoldedLogRead {
  const r = readFoldedLog(log, { now: NOW, ...opts });
  expectSameAsFullRead(r);
  return r;
}

describe('readFoldedLog', () => {
  it('reads a missing log as empty and writes nothing', () => {
    const r = read();
    expect(r).toMatchObject({ source: 'none', stamp: null, wrote: false, warnings: [], errors: [] });
    expect(fs.existsSync(cache)).toBe(false);
  });

  it('keeps its snapshot next to the log, under a name init\'s .gitignore already ignores', () => {
    expect(foldCachePath(log)).toBe(cache);
    expect(FOLD_CACHE_NAME).toMatch(/^\..*\.snapshot\.json$/);
  });

  it('folds the whole log once, then only what was appended since', async () => {
    fs.writeFileSync(log, lines(many(50)));
    expect(read()).toMatchObject({ source: 'full', wrote: true });
    expect(read()).toMatchObject({ source: 'cache', tailBytes: 0, wrote: false });

    const appended = many(3);
    await appendEvents(log, appended);
    const r = read();
    expect(r).toMatchObject({ source: 'cache', tailBytes: Buffer.byteLength(lines(appended)), wrote: false });

    // A long enough tail is folded into a new snapshot, so the next read starts after it.
    await appendEvents(log, many(3));
    expect(read({ rewriteTailBytes: 1 })).toMatchObject({ source: 'cache', wrote: true });
    expect(read()).toMatchObject({ source: 'cache', tailBytes: 0 });
  });

  it('rewrites the snapshot once the tail passes an eighth of its body, within 4–64 KB', async () => {
    expect([1_000, 32 * 1024, 64 * 1024, 400 * 1024, 2_000_000].map(rewriteTailBytes)).toEqual([4096, 4096, 8192, 51_200, 65_536]);

    // A small snapshot: a tail just under 4 KB is read again each time; one past it is folded in.
    fs.writeFileSync(log, lines(many(5)));
    expect(read()).toMatchObject({ source: 'full', wrote: true });
    const body = fs.readFileSync(cache, 'utf8').split('\n')[1]!.length;
    expect(rewriteTailBytes(body)).toBe(4096);
    const under: LogEvent[] = [];
    while (Buffer.byteLength(lines([...under, ev()])) < 4096) under.push(ev());
    await appendEvents(log, under);
    expect(read()).toMatchObject({ source: 'cache', wrote: false });
    expect(read().tailBytes).toBe(Buffer.byteLength(lines(under)));
    await appendEvents(log, many(2));
    expect(read()).toMatchObject({ source: 'cache', wrote: true });
    expect(read()).toMatchObject({ source: 'cache', tailBytes: 0 });
  });

  it('gives a stamp that an append can trust, as a full read does', async () => {
    fs.writeFileSync(log, lines(many(10)));
    read();
    await appendEvent(log, ev());
    const r = read();
    await appendEvent(log, ev(), { after: r.stamp });
    expect(read().source).toBe('cache');
  });

  it('folds everything again when the tail has an undo, a backdated event or a repeated line', async () => {
    const events = many(20);
    fs.writeFileSync(log, lines(events));
    read();
    await appendEvent(log, ev({ type: 'undo', target: events[19]!.id } as Partial<NewEvent>));
    expect(read()).toMatchObject({ source: 'full', wrote: true });
    await appendEvent(log, { ...ev(), ts: '2026-11-30T08:00:00Z' });
    expect(read().source).toBe('full');
    // A line repeated within the tail is counted there; a repeat of a line in the snapshot is not.
    const latest = ev();
    await appendEvents(log, [latest, latest]);
    expect(read({ rewriteTailBytes: 1 })).toMatchObject({ source: 'cache', wrote: true });
    expect(read().fold.duplicates).toBe(1);
    fs.appendFileSync(log, lines([latest]));
    expect(read()).toMatchObject({ source: 'full', wrote: true });
    expect(read().fold.duplicates).toBe(2);
    await appendEvent(log, ev());
    expect(read().source).toBe('cache');
  });

  describe('notices a rewritten log', () => {
    const big = () => many(600); // > 36 KB, so a change early on is outside both kept copies

    it('of the same size, changed near the end (caught by the ctime)', () => {
      const events = big();
      fs.writeFileSync(log, lines(events));
      read();
      const text = fs.readFileSync(log, 'utf8');
      const last = events.at(-1)!;
      const changed = text.replace(last.id, last.id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')));
      expect(changed.length).toBe(text.length);
      const { ino } = fs.statSync(log);
      fs.writeFileSync(log, changed); // in place: same inode, same size
      expect(fs.statSync(log).ino).toBe(ino);
      expect(read().source).toBe('full');
    });

    it('changed near the end, then appended to (caught by the copy of the last bytes)', async () => {
      const events = big();
      fs.writeFileSync(log, lines(events));
      read();
      const text = fs.readFileSync(log, 'utf8');
      const last = events.at(-1)!;
      fs.writeFileSync(log, text.replace(last.id, last.id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))));
      await appendEvent(log, ev());
      expect(read().source).toBe('full');
    });

    it('changed near the start, then appended to (caught by the copy of the first bytes)', async () => {
      const events = big();
      fs.writeFileSync(log, lines(events));
      read();
      const text = fs.readFileSync(log, 'utf8');
      fs.writeFileSync(log, text.replace(events[0]!.id, events[0]!.id.split('').reverse().join('')));
      await appendEvent(log, ev());
      expect(read().source).toBe('full');
    });

    it('of the same size, changed in the middle (caught by the ctime)', async () => {
      const events = big();
      fs.writeFileSync(log, lines(events));
      read();
      await new Promise((r) => setTimeout(r, 30)); // past the file system's timestamp granularity
      const text = fs.readFileSync(log, 'utf8');
      const middle = events[300]!;
      fs.writeFileSync(log, text.replace(middle.id, middle.id.split('').reverse().join('')));
      expect(fs.statSync(log).size).toBe(Buffer.byteLength(text));
      expect(read().source).toBe('full');
    });

    it('smaller', () => {
      const events = many(30);
      fs.writeFileSync(log, lines(events));
      read();
      fs.writeFileSync(log, lines(events.slice(0, 20)));
      expect(read().source).toBe('full');
    });

    it('replaced by another file (new inode), even with the same bytes and more', () => {
      const events = many(30);
      fs.writeFileSync(log, lines(events));
      read();
      const other = path.join(dir, 'other.jsonl');
      fs.writeFileSync(other, lines([...events, ev()]));
      fs.renameSync(other, log);
      expect(read().source).toBe('full');
    });

    it('after doctor --repair-like rewriting: fewer lines, one moved', () => {
      const events = many(30);
      fs.writeFileSync(log, lines(events));
      read();
      fs.writeFileSync(log, lines([...events.slice(0, 10), ...events.slice(11), events[10]!, ev()]));
      expect(read().source).toBe('full');
    });
  });

  it('still skips a torn last line with a warning, before and after it is in the snapshot', async () => {
    const good = many(5);
    fs.writeFileSync(log, lines(good) + JSON.stringify(ev()).slice(0, 30));
    const first = read();
    expect(first.warnings).toEqual([expect.stringContaining(`${log}:6: skipped a torn line`)]);
    expect(first.stamp!.checkedTo).toBeLessThan(first.stamp!.size);
    expect(read()).toMatchObject({ source: 'cache', warnings: first.warnings });
    // The next append starts a fresh line: the torn one is now in the middle, and still a warning.
    await appendEvent(log, ev(), { after: read().stamp });
    expect(read()).toMatchObject({ source: 'cache', warnings: first.warnings });
    // Folded into the snapshot, it is remembered and warned about on every read.
    expect(read({ rewriteTailBytes: 1 }).wrote).toBe(true);
    const later = read();
    expect(later).toMatchObject({ source: 'cache', tailBytes: 0, warnings: first.warnings });
  });

  it('still reports a malformed middle line, with the full read\'s numbers, and never snapshots it', () => {
    fs.writeFileSync(log, lines(many(10)));
    read();
    fs.appendFileSync(log, 'garbage\n' + lines(many(2)));
    const before = fs.readFileSync(cache);
    const r = read();
    expect(r.errors).toEqual([{ file: log, line: 11, message: expect.stringMatching(/not valid JSON/) }]);
    expect(r.stamp).toBeNull();
    expect(r.wrote).toBe(false);
    expect(fs.readFileSync(cache).equals(before)).toBe(true);
    expect(read().errors).toHaveLength(1); // and on every read after
  });

  it('reports a malformed line written over the snapshot\'s part of the log', () => {
    const events = many(10);
    fs.writeFileSync(log, lines(events));
    read();
    const text = fs.readFileSync(log, 'utf8');
    const last = JSON.stringify(events[9]);
    fs.writeFileSync(log, text.replace(last, 'x'.repeat(last.length)) + lines([ev()]));
    const r = read();
    expect(r.source).toBe('full');
    expect(r.errors).toEqual([{ file: log, line: 10, message: expect.stringMatching(/not valid JSON/) }]);
  });

  it('ignores a truncated, garbled or foreign snapshot and writes a good one', () => {
    fs.writeFileSync(log, lines(many(10)));
    read();
    const good = fs.readFileSync(cache, 'utf8');
    for (const bad of [good.slice(0, -5), good.replace('"items"', '"itemz"'), 'not json\n{}', '', good.replace(/"ino":\d+/, '"ino":1')]) {
      fs.writeFileSync(cache, bad);
      expect(read()).toMatchObject({ source: 'full', wrote: true });
      expect(read().source).toBe('cache');
    }
    // Same length, wrong shape: one status letter changed to one the fold never writes.
    fs.writeFileSync(cache, good.replace(/"status":"(.)/, '"status":"x'));
    expect(read().source).toBe('full');
  });

  it('does not believe a snapshot edited by hand to the same length (5 done instead of 2)', () => {
    const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, i)).toISOString();
    const made = ITEMS.map((item, i) =>
      createEvent(i < 2 ? { actor: 'alice', type: 'check', item } : { actor: 'alice', type: 'block', item, reason: 'waiting' }, newEventId(), at(i)),
    );
    fs.writeFileSync(log, lines(made));
    read();
    const text = fs.readFileSync(cache, 'utf8');
    expect(text).toContain('"status":"ddbbb"');
    const edited = text.replace('"status":"ddbbb"', '"status":"ddddd"');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(cache, edited);
    const r = read(); // the same as a full read: 2 done
    expect(r.source).toBe('full');
    expect([...r.fold.items.values()].filter((s) => s.status === 'done')).toHaveLength(2);
    // Its ids, read only when something was appended, are vouched for the same way.
    const parts = fs.readFileSync(cache, 'utf8').split('\n');
    parts[2] = `${parts[2]![0] === 'A' ? 'B' : 'A'}${parts[2]!.slice(1)}`;
    fs.writeFileSync(cache, parts.join('\n'));
    fs.appendFileSync(log, lines([ev()]));
    expect(read().source).toBe('full');
  });

  it('reads notes from their own part only when asked for, the same as a full read; an edited part is caught', () => {
    const events = many(40);
    fs.writeFileSync(log, lines(events));
    const cold = read();
    const warm = readFoldedLog(log, { now: NOW });
    expect(warm.source).toBe('cache');
    const noted = [...warm.fold.items.values()].filter((s) => !Object.hasOwn(s, 'notes'));
    expect(noted.length).toBeGreaterThan(0); // not parsed yet
    expect(comparable(warm.fold)).toEqual(comparable(cold.fold));
    expect([...warm.fold.items.values()].some((s) => s.notes.length > 0)).toBe(true);
    expectSameAsFullRead(read());
    // A note appended since the snapshot goes after the snapshot's notes of that item.
    fs.appendFileSync(log, lines([ev({ type: 'note', text: 'appended', item: 'beta' })]));
    expectSameAsFullRead(read());
    // The notes part edited to the same length: not believed when read.
    read({ rewriteTailBytes: 0 });
    const text = fs.readFileSync(cache, 'utf8');
    const edited = text.replace(/"note (\d)/, '"NOTE $1');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(cache, edited);
    const r = readFoldedLog(log, { now: NOW });
    expect(r.source).toBe('cache'); // the body is intact: notes are checked only when read
    expect(() => [...r.fold.items.values()].map((s) => s.notes.length)).toThrow(/notes of the event log's snapshot are damaged; it has been removed/);
    expect(fs.existsSync(cache)).toBe(false);
    expectSameAsFullRead(read());
  });

  it('reads notes from the snapshot it opened, even after another run has replaced it', () => {
    fs.writeFileSync(log, lines(many(40)));
    const cold = read();
    const warm = readFoldedLog(log, { now: NOW });
    expect(warm.source).toBe('cache');
    // Another run folds a tail into a new snapshot, renamed over this one, before the notes are read.
    fs.appendFileSync(log, lines([ev({ type: 'note', text: 'later', item: 'alpha' })]));
    expect(readFoldedLog(log, { now: NOW, rewriteTailBytes: 1 }).wrote).toBe(true);
    expect(comparable(warm.fold)).toEqual(comparable(cold.fold));
  });

  it('reads the notes of many items in one go, as a rewrite does, and still checks each', () => {
    const events = Array.from({ length: 150 }, (_, k) => ev({ type: 'note', item: `item-${k % 100}`, text: `n${k} ü` }));
    fs.writeFileSync(log, lines(events));
    const cold = read();
    const warm = readFoldedLog(log, { now: NOW });
    expect(comparable(warm.fold)).toEqual(comparable(cold.fold));
    const text = fs.readFileSync(cache, 'utf8');
    const edited = text.replace('"n99 ü"', '"N99 ü"');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(cache, edited);
    const r = readFoldedLog(log, { now: NOW });
    const item = (k: number) => r.fold.items.get(`item-${k}`)!;
    for (let k = 0; k < 99; k++) expect(item(k).notes.length).toBe(k < 50 ? 2 : 1);
    expect(() => item(99).notes).toThrow(/damaged/);
  });

  it('reads neither the ids nor the notes when nothing was appended since the snapshot', async () => {
    // 400 KB of notes: the snapshot is most of it, its header and body a few KB past the first read.
    fs.writeFileSync(log, lines(Array.from({ length: 400 }, (_, k) => ev({ type: 'note', item: ITEMS[k % 5], text: `${k} `.padEnd(1000, 'x') }))));
    read();
    const snapshot = fs.statSync(cache).size;
    const bytes = await countingReads(() => expect(readFoldedLog(log, { now: NOW }).source).toBe('cache'));
    // The log's last 32 KB and first 4 KB, and the snapshot's first 128 KB at most.
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(36 * 1024 + 128 * 1024);
    expect(snapshot).toBeGreaterThan(400_000);
  });

  it("checks each item's notes on their own: another item's damaged notes do not stop a fold that touches this one", () => {
    // Notes past ASCII: the part's offsets count bytes.
    const events = [
      ev({ type: 'note', item: 'alpha', text: 'alpha é 🚀 one' }),
      ev({ type: 'note', item: 'beta', text: 'beta ü 日本 two' }),
      ev({ type: 'note', item: 'gamma', text: 'gamma three' }),
      ev({ type: 'note', item: 'alpha', text: 'alpha four' }),
    ];
    fs.writeFileSync(log, lines(events));
    read();
    const text = fs.readFileSync(cache, 'utf8');
    const edited = text.replace('gamma three', 'gamma THREE');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(cache, edited);
    // A note on beta since the snapshot: the fold copies beta's state, notes and all.
    fs.appendFileSync(log, lines([ev({ type: 'note', item: 'beta', text: 'beta later' })]));
    const r = readFoldedLog(log, { now: NOW });
    expect(r.source).toBe('cache');
    expect(r.fold.items.get('beta')!.notes.map((x) => x.text)).toEqual(['beta ü 日本 two', 'beta later']);
    expect(r.fold.items.get('alpha')!.notes.map((x) => x.text)).toEqual(['alpha é 🚀 one', 'alpha four']);
    expect(() => r.fold.items.get('gamma')!.notes).toThrow(/notes of the event log's snapshot are damaged/);
    expectSameAsFullRead(read());
  });

  it('skips an event whose id a folded or appended line has with other content, as a full read does', async () => {
    const events = many(20);
    fs.writeFileSync(log, lines(events));
    read();
    // The first line with the id is in the snapshot: only a full read can tell.
    const forged = { ...events[5]!, ts: new Date(Date.UTC(2026, 11, 1)).toISOString(), actor: 'mallory' };
    fs.appendFileSync(log, lines([forged]));
    const r = read();
    expect(r).toMatchObject({ source: 'full', wrote: true, repeats: [21] });
    expect(r.warnings).toEqual([expect.stringContaining(`${log}:21: skipped an event whose id line 6 already has`)]);
    // Remembered by the snapshot, warned about on every read.
    expect(read()).toMatchObject({ source: 'cache', tailBytes: 0, repeats: [21], warnings: r.warnings });
    // Both lines appended since the snapshot: the tail's own check finds it.
    const later = ev();
    await appendEvents(log, [later, { ...later, actor: 'mallory' }]);
    expect(read()).toMatchObject({ source: 'cache', repeats: [21, 23] });
    expect(read({ rewriteTailBytes: 1 }).wrote).toBe(true);
    expect(read()).toMatchObject({ source: 'cache', tailBytes: 0, repeats: [21, 23] });
  });

  it('never fails a read when the snapshot cannot be written', () => {
    fs.writeFileSync(log, lines(many(10)));
    fs.chmodSync(dir, 0o555);
    const r = readFoldedLog(log, { now: NOW });
    expect(r).toMatchObject({ source: 'full', wrote: process.getuid?.() === 0 });
    expectSameAsFullRead(r);
    const elsewhere = readFoldedLog(log, { now: NOW, cacheFile: path.join(dir, 'no-such-dir', 'x.json') });
    expect(elsewhere).toMatchObject({ source: 'full', wrote: false });
  });
});
