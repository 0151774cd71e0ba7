// The events of a time window without parsing the rest of the log: standup needs yesterday's events,
// and JSON-parsing every line of a long log to find them costs more than the rest of the command.
// The fold itself comes from the fold snapshot (./fold-snapshot.ts), which has already checked every
// line and reported torn, malformed and repeated ones; here they are skipped quietly, the repeated ones
// by the line numbers that read found, so the window holds exactly the events the fold took.
import { eventShapeProblem } from '../../core/log/shape.js';
import { isUtf8 } from 'node:buffer';
import { type LogEvent, MAX_EVENT_LINE_BYTES } from '../../core/log/events.js';
import { parseInstant } from '../../core/calendar/instant.js';
import { checkLines, load } from '../event-log.js';

const HEAD = '{"v":1,"id":"';
const TS_KEY = ',"ts":"';
const BACKSLASH = 0x5c;

/**
 * The raw "ts" of the line [start, end) when it starts as every line launch writes does (createEvent's
 * key order: v, id, ts), found without parsing the line; undefined for any other line (hand-edited,
 * another tool, torn), which the caller then parses to be sure.
 */
export function lineTs(text: string, start: number, end: number): string | undefined {
  if (!text.startsWith(HEAD, start)) return undefined;
  const idEnd = text.indexOf('"', start + HEAD.length);
  if (idEnd < 0 || idEnd >= end || text.charCodeAt(idEnd - 1) === BACKSLASH || !text.startsWith(TS_KEY, idEnd + 1)) return undefined;
  const tsStart = idEnd + 1 + TS_KEY.length;
  const tsEnd = text.indexOf('"', tsStart);
  if (tsEnd < 0 || tsEnd >= end || tsEnd - tsStart > 40 || text.charCodeAt(tsEnd - 1) === BACKSLASH) return undefined;
  // A second "ts" key (a nested one, or a hand-edited duplicate, where JSON.parse keeps the last).
  const again = text.indexOf('"ts":', tsEnd);
  if (again >= 0 && again < end) return undefined;
  return text.slice(tsStart, tsEnd);
}

const inside = (t: number, from: number, to: number): boolean => t >= from && t < to;

/**
 * The log's well-formed events whose time is in [from, to) (epoch ms), in file order, but for the lines
 * in `skip` (events whose id an earlier line has, as the read of the whole log found them).
 */
export function readEventsBetween(file: string, from: number, to: number, skip: readonly number[] = []): LogEvent[] {
  const loaded = load(file);
  if (loaded === null) return [];
  // One string for the whole log: beyond V8's string limit (~512 MB), or with a line that is not UTF-8
  // (which decoding would turn into something else), read it the slow way.
  if (loaded.buf.length > 256 * 1024 * 1024 || !isUtf8(loaded.buf)) return checkLines(file, loaded.buf, 1, true).events.filter((e) => inside(parseInstant(e.ts), from, to));
  const skipped = new Set(skip);
  const text = loaded.buf.toString('utf8');
  // Times as launch writes them (toISOString: fixed width, UTC) compare as strings; others are parsed.
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  const mayBeInside = (ts: string | undefined): boolean => {
    if (ts === undefined) return true;
    if (ts.length === 24 && ts.charCodeAt(23) === 0x5a /* Z */ && ts.charCodeAt(10) === 0x54 /* T */) return ts >= fromIso && ts < toIso;
    const t = parseInstant(ts);
    return Number.isNaN(t) || inside(t, from, to);
  };
  const events: LogEvent[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start < text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (mayBeInside(lineTs(text, start, end)) && (skipped.size === 0 || !skipped.has(line))) {
      const event = parseLine(text.slice(start, end));
      if (event !== null && inside(parseInstant(event.ts), from, to)) events.push(event);
    }
    start = end + 1;
  }
  return events;
}

/** An event as the log reader would accept it, or null for what it reports (torn, malformed, too long). */
function parseLine(raw: string): LogEvent | null {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.length * 3 > MAX_EVENT_LINE_BYTES && Buffer.byteLength(line) > MAX_EVENT_LINE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return eventShapeProblem(value) === null ? (value as LogEvent) : null;
}
