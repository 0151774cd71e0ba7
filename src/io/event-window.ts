// The events of a time window without parsing the rest of the log: standup needs yesterday's events,
// and JSON-parsing every line of a long log to find them costs more than the rest of the command.
// The fold itself comes from the fold cache (./fold-cache.ts), which has already checked every line
// and reported torn and malformed ones; here they are skipped quietly.
import { eventShapeProblem, type LogEvent, MAX_EVENT_LINE_BYTES, parseInstant } from '../core/events.js';
import { load } from './event-log.js';

/**
 * The start every line launch writes has (createEvent's key order: v, id, ts): its time can be read
 * without parsing the line. A line that starts any other way (hand-edited, another tool) is parsed.
 */
const LINE_START = /\{"v":\d+,"id":"[^"\\]*","ts":"([^"\\]{10,40})"/y;

/** The time at the start of the line at `start`, or NaN when the line does not start as launch writes. */
export function lineInstant(text: string, start: number): number {
  LINE_START.lastIndex = start;
  const m = LINE_START.exec(text);
  return m === null ? NaN : parseInstant(m[1]!);
}

/** The log's well-formed events whose time is in [from, to) (epoch ms), in file order. */
export function readEventsBetween(file: string, from: number, to: number): LogEvent[] {
  const loaded = load(file);
  if (loaded === null) return [];
  const text = loaded.buf.toString('utf8');
  const events: LogEvent[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const t = lineInstant(text, start);
    if (Number.isNaN(t) || (t >= from && t < to)) {
      const event = parseLine(text.slice(start, end));
      if (event !== null) {
        const at = parseInstant(event.ts);
        if (at >= from && at < to) events.push(event);
      }
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
