// The events of a time window without parsing the rest of the log: standup needs yesterday's events,
// and JSON-parsing every line of a long log to find them costs more than the rest of the command.
// The fold itself comes from the fold snapshot (./fold-snapshot.ts), which has already checked every
// line and reported torn, malformed and repeated ones; here they are skipped quietly, the repeated ones
// by the line numbers that read found, so the window holds exactly the events the fold took.
//
// Only the lines that may be in the window are parsed. Most logs are read by ./event-window-runs.ts
// (regex runs over the text); a log with repeated ids, or a long window, is read here line by line,
// scanning bytes.
import { isUtf8 } from 'node:buffer';
import { eventShapeProblem } from '../../core/log/shape.js';
import { type LogEvent, MAX_EVENT_LINE_BYTES } from '../../core/log/events.js';
import { parseInstant } from '../../core/calendar/instant.js';
import { load } from '../event-log.js';
import { inside, offsetOf, readByRuns } from './event-window-runs.js';

const HEAD = Buffer.from('{"v":1,"id":"');
const TS_KEY = Buffer.from(',"ts":"');
const TS_PROP = Buffer.from('"ts"');
const UNICODE_ESCAPE = Buffer.from('\\u');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function startsWith(b: Uint8Array, prefix: Uint8Array, at: number): boolean {
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

function quoteAt(b: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (b[i] === QUOTE) return i;
  return -1;
}

/**
 * Where the raw "ts" of the line [start, end) is, [tsStart, tsEnd), when the line starts as every line
 * launch writes does (createEvent's key order: v, id, ts), found without parsing the line; null for
 * any other line (hand-edited, another tool, torn), which the caller then parses to be sure.
 */
export function lineTs(b: Buffer, start: number, end: number): [number, number] | null {
  if (end - start < HEAD.length || !startsWith(b, HEAD, start)) return null;
  const idEnd = quoteAt(b, start + HEAD.length, end);
  if (idEnd < 0 || b[idEnd - 1] === BACKSLASH || !startsWith(b, TS_KEY, idEnd + 1)) return null;
  const tsStart = idEnd + 1 + TS_KEY.length;
  const tsEnd = quoteAt(b, tsStart, Math.min(end, tsStart + 41));
  if (tsEnd < 0 || b[tsEnd - 1] === BACKSLASH) return null;
  // A second "ts" key (a nested one, or a hand-edited duplicate, where JSON.parse keeps the last),
  // also spaced (`"ts" :`) or spelt with escapes (`"t\u0073"`).
  const again = b.indexOf(TS_PROP, tsEnd);
  if (again >= 0 && again < end) return null;
  const escape = b.indexOf(UNICODE_ESCAPE, tsEnd);
  if (escape >= 0 && escape < end) return null;
  return [tsStart, tsEnd];
}

/** Windows longer than this are read line by line. */
const MAX_RUN_WINDOW = 31 * 86_400_000;

/**
 * Whether the raw ts b[start, end) may fall in [from, to): decided exactly, without parsing, for the
 * fixed-width forms launch writes — record() writes local time with the zone's offset
 * (`2026-11-30T09:15:00.000+01:00`), toISOString the `Z` form — whose 23-byte local part compares as
 * bytes with the window's bounds written in the same offset (a valid instant's local part is
 * canonical, and an invalid one is dropped by the parse anyway); any other form is parsed. Parsing
 * every offset timestamp (launch's own lines never took the old `Z`-only shortcut) cost standup ~15%.
 */
export function windowTest(from: number, to: number): (b: Buffer, start: number, end: number) => boolean {
  const bounds = new Map<number, [Buffer, Buffer]>();
  const local = (t: number, offsetMin: number): Buffer => Buffer.from(new Date(t + offsetMin * 60_000).toISOString().slice(0, 23), 'latin1');
  return (b, start, end) => {
    const len = end - start;
    let offset: number | undefined;
    if (b[start + 10] === 0x54 /* T */ && b[start + 19] === 0x2e /* . */) {
      if (len === 24 && b[start + 23] === 0x5a /* Z */) offset = 0;
      else if (len === 29 && b[start + 26] === 0x3a /* : */) offset = offsetOf(b, start + 23);
    }
    if (offset === undefined) {
      const t = parseInstant(b.toString('latin1', start, end));
      return Number.isNaN(t) || inside(t, from, to);
    }
    if (Number.isNaN(offset)) return false; // not an instant: the parse would drop it
    let bound = bounds.get(offset);
    if (bound === undefined) bounds.set(offset, (bound = [local(from, offset), local(to, offset)]));
    return compare23(b, start, bound[0]) >= 0 && compare23(b, start, bound[1]) < 0;
  };
}

/** b[at, at + 23) against a 23-byte bound; equal local parts make the timestamp (longer) the greater. */
function compare23(b: Uint8Array, at: number, bound: Uint8Array): number {
  for (let i = 0; i < 23; i++) {
    const d = b[at + i]! - bound[i]!;
    if (d !== 0) return d;
  }
  return 1;
}

/**
 * The log's well-formed events whose time is in [from, to) (epoch ms), in file order, but for the lines
 * in `skip` (events whose id an earlier line has, as the read of the whole log found them). `startAt`
 * (a line start, ./time-marks.ts) skips lines known to hold nothing that late; lines before `checkedTo`
 * (the fold snapshot's offset) are events the fold has checked, not checked again. `chunkBytes` is for tests.
 */
export function readEventsBetween(
  file: string,
  from: number,
  to: number,
  opts: { skip?: readonly number[]; startAt?: number; checkedTo?: number; chunkBytes?: number } = {},
): LogEvent[] {
  const skip = opts.skip ?? [];
  // Repeated ids are known by line number, which neither a mark nor the runs count (they are rare: a
  // botched merge); such a log is read whole, line by line, as is a long window (the runs' list of
  // dates grows with it).
  const startAt = skip.length > 0 ? 0 : (opts.startAt ?? 0);
  const b = load(file, startAt)?.buf;
  if (b === undefined) return [];
  const bom = startAt === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const fast =
    skip.length > 0 || !(to - from <= MAX_RUN_WINDOW)
      ? null
      : readByRuns(b, bom, [from, to], parseLine, { checkedTo: (opts.checkedTo ?? 0) - startAt, chunkBytes: opts.chunkBytes });
  return fast ?? lineByLine(b, bom, from, to, new Set(skip));
}

function lineByLine(b: Buffer, bom: number, from: number, to: number, skipped: ReadonlySet<number>): LogEvent[] {
  const mayBeInside = windowTest(from, to);
  const events: LogEvent[] = [];
  let start = bom;
  for (let line = 1; start < b.length; line++) {
    const nl = b.indexOf(0x0a, start);
    const end = nl === -1 ? b.length : nl;
    const ts = lineTs(b, start, end);
    if ((ts === null || mayBeInside(b, ts[0], ts[1])) && !skipped.has(line)) {
      const event = parseLine(b, start, end, true);
      if (event !== null && inside(parseInstant(event.ts), from, to)) events.push(event);
    }
    start = end + 1;
  }
  return events;
}

/** An event as the log reader would accept it, or null for what it reports (torn, malformed, too long, not UTF-8). */
function parseLine(b: Buffer, start: number, end: number, checkUtf8: boolean): LogEvent | null {
  const contentEnd = end > start && b[end - 1] === 0x0d ? end - 1 : end;
  if (contentEnd - start > MAX_EVENT_LINE_BYTES || (checkUtf8 && !isUtf8(b.subarray(start, contentEnd)))) return null;
  let value: unknown;
  try {
    value = JSON.parse(b.toString('utf8', start, contentEnd));
  } catch {
    return null;
  }
  return eventShapeProblem(value) === null ? (value as LogEvent) : null;
}
