// The events of a time window, found by the regex engine rather than by a loop over bytes: standup
// reads a short log once per run, and a per-line loop in JavaScript never leaves V8's interpreter
// (1,000 events yesterday cost ~100,000 instructions a line, 211 M of the command's 0.85 G) or, once
// it does, pays for the optimizing compiler. Here the per-line work is native: one regex match skips
// up to RUN_LINES lines that cannot be in the window, another recognises a line of launch's own
// form, and the window's lines are parsed by one JSON.parse.
import { isUtf8 } from 'node:buffer';
import { parseInstant } from '../../core/calendar/instant.js';
import { type LogEvent, MAX_EVENT_LINE_BYTES } from '../../core/log/events.js';
import { eventShapeProblem } from '../../core/log/shape.js';

/** Bytes of log decoded at a time: a bound on the string held, whatever the log's size. */
const CHUNK_BYTES = 4 << 20;
/** Lines one match of RUN takes at most: a longer repetition overflows irregexp's backtrack stack. */
const RUN_LINES = 256;
const DAY = 86_400_000;

const LOCAL = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}`;
const OFFSET = String.raw`Z|[+-]\d\d:\d\d`;
// JSON as a regex, for the values launch writes: strings, numbers, true/false/null, and objects or
// lists of those one level down (a standup's answers). A line that matches is valid JSON on its own,
// so lines that match can be parsed together, joined by commas, with the same result.
const STR = String.raw`"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;
/** Keys without escapes: no later key can spell "ts" another way ("t\u0073"), which JSON.parse would keep. */
const KEY = String.raw`"[^"\\\x00-\x1f]*"`;
const NUM = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const SCALAR = `(?:${STR}|${NUM}|true|false|null)`;
const INNER = String.raw`(?:\{(?:${STR}:${SCALAR}(?:,${STR}:${SCALAR})*)?\}|\[(?:${SCALAR}(?:,${SCALAR})*)?\])`;
const VALUE = `(?:${SCALAR}|${INNER})`;
/** A whole line as launch writes it (createEvent's key order: v, id, ts), capturing the local time and offset. */
const TAKE = new RegExp(String.raw`\{"v":1,"id":${STR},"ts":"(${LOCAL})(${OFFSET})"(?:,(?!"ts")${KEY}:${VALUE})*\}(?=\r?\n|$)`, 'y');

/**
 * Up to RUN_LINES lines whose ts is the only one (no later `"ts"`, no `\u` escape that could spell
 * one) and whose local date is not `near` the window: such a line is outside it, or no event at all.
 */
const runOf = (notNear: string): RegExp =>
  new RegExp(String.raw`(?:\{"v":1,"id":"[^"\\\n]*","ts":"${notNear}${LOCAL}(?:${OFFSET})"(?:[^"\\\n]|"(?!ts")|\\[^u\n])*(?:\n|$)){1,${RUN_LINES}}`, 'y');

export const inside = (t: number, from: number, to: number): boolean => t >= from && t < to;

/**
 * The log's well-formed events whose time is in [from, to), in file order; `parseAlone` reads a line
 * the regexes do not recognise (the reader's own check, from ./event-window.ts).
 *
 * An offset is under a day, so an instant in the window has a local date from the day before `from`
 * to the day after `to`: lines of launch's form dated otherwise are skipped by RUN. Where RUN stops, a
 * line of launch's form (TAKE) is compared with the window's bounds written in its own offset (its
 * 23-character local part compares as text); anything else is parsed alone to be sure.
 */
export function readByRuns(
  b: Buffer,
  bom: number,
  [from, to]: readonly [number, number],
  parseAlone: (b: Buffer, start: number, end: number, checkUtf8: boolean) => LogEvent | null,
  { checkedTo = 0, chunkBytes = CHUNK_BYTES }: { checkedTo?: number; chunkBytes?: number } = {},
): LogEvent[] | null {
  const dates: string[] = [];
  for (let t = from - DAY; t < to + 2 * DAY; t += DAY) dates.push(new Date(t).toISOString().slice(0, 10));
  const RUN = runOf(`(?!(?:${dates.join('|')})T)`);
  const bounds = new Map<string, [string, string] | null>();
  /** Text of the window's lines of launch's form, a run of adjacent lines decoded at once. */
  const texts: string[] = [];
  /** In file order: how many lines of `texts` come next and whether they were checked, or an event read alone. */
  const order: (Batch | { event: LogEvent })[] = [];
  let pending = { from: 0, to: -1, lines: 0, checked: false };
  const flush = () => {
    if (pending.lines === 0) return;
    texts.push(b.toString('utf8', pending.from, pending.to));
    order.push({ lines: pending.lines, checked: pending.checked });
    pending = { from: 0, to: -1, lines: 0, checked: false };
  };
  for (let chunkStart = bom; chunkStart < b.length; ) {
    let chunkEnd = chunkStart + chunkBytes >= b.length ? b.length : b.lastIndexOf(0x0a, chunkStart + chunkBytes - 1) + 1;
    if (chunkEnd <= chunkStart) chunkEnd = b.indexOf(0x0a, chunkStart + chunkBytes) + 1 || b.length; // a line longer than a chunk
    const text = b.toString('latin1', chunkStart, chunkEnd);
    // A chunk cut at line ends is valid UTF-8 when every line in it is (a line ending is never inside
    // a character): one check for all, and one per line only where it fails.
    const utf8 = isUtf8(b.subarray(chunkStart, chunkEnd));
    for (let at = 0; at < text.length; ) {
      RUN.lastIndex = at;
      if (RUN.test(text)) {
        at = RUN.lastIndex;
        continue;
      }
      const nl = text.indexOf('\n', at);
      const end = nl === -1 ? text.length : nl;
      TAKE.lastIndex = at;
      const m = TAKE.exec(text);
      if (m === null) {
        flush();
        const event = parseAlone(b, chunkStart + at, chunkStart + end, !utf8);
        if (event !== null && inside(parseInstant(event.ts), from, to)) order.push({ event });
      } else if (near(m[1]!, m[2]!, from, to, bounds)) {
        const [start, stop] = [chunkStart + at, chunkStart + TAKE.lastIndex];
        if (stop - start <= MAX_EVENT_LINE_BYTES && (utf8 || isUtf8(b.subarray(start, stop)))) {
          const checked = stop <= checkedTo;
          if (pending.lines > 0 && (b.indexOf(0x0a, pending.to) + 1 !== start || checked !== pending.checked)) flush();
          if (pending.lines === 0) Object.assign(pending, { from: start, checked });
          pending.to = stop;
          pending.lines++;
        } else flush(); // what the reader drops: too long, or not UTF-8
      }
      at = end + 1;
    }
    flush();
    chunkStart = chunkEnd;
  }
  return collect(texts, order, from, to);
}

interface Batch {
  lines: number;
  /** Lines the fold has checked (before its snapshot's offset): each an event whose ts is an instant. */
  checked: boolean;
}

/** The events in `order`, the runs of `texts` parsed by one JSON.parse; null if that read is not one line per event. */
function collect(texts: readonly string[], order: readonly (Batch | { event: LogEvent })[], from: number, to: number): LogEvent[] | null {
  let parsed: unknown[] = [];
  if (texts.length > 0) {
    try {
      parsed = JSON.parse(`[${texts.join(',').replace(/\r?\n/g, ',')}]`) as unknown[];
    } catch {
      return null;
    }
  }
  const events: LogEvent[] = [];
  let k = 0;
  for (const o of order) {
    if ('event' in o) {
      events.push(o.event);
      continue;
    }
    if (o.checked) {
      // Checking them again made the checks hot enough for V8 to optimise: ~40 M instructions for 1,000.
      for (const end = k + o.lines; k < end; k++) events.push(parsed[k] as LogEvent);
      continue;
    }
    for (const end = k + o.lines; k < end; k++) {
      const e = parsed[k] as LogEvent;
      // The shape check the reader gives every line; the exact time drops what no clock shows (24:00).
      if (eventShapeProblem(e) === null && inside(parseInstant(e.ts), from, to)) events.push(e);
    }
  }
  return k === parsed.length ? events : null;
}

/**
 * Whether a local time written with `offsetText` may be in [from, to): the window's bounds in that
 * offset, compared as text; never, for an offset no instant has (the parse would drop it).
 */
function near(local: string, offsetText: string, from: number, to: number, bounds: Map<string, [string, string] | null>): boolean {
  let bound = bounds.get(offsetText);
  if (bound === undefined) {
    const offset = offsetText === 'Z' ? 0 : offsetOf(Buffer.from(offsetText, 'latin1'), 0)!;
    const at = (t: number) => new Date(t + offset * 60_000).toISOString().slice(0, 23);
    bounds.set(offsetText, (bound = Number.isNaN(offset) ? null : [at(from), at(to)]));
  }
  return bound !== null && local >= bound[0] && local < bound[1];
}

/** `±HH:MM` at `at` in minutes; NaN when it is not a valid offset; undefined when not `±`. */
export function offsetOf(b: Uint8Array, at: number): number | undefined {
  const sign = b[at];
  if (sign !== 0x2b && sign !== 0x2d) return undefined;
  const d = (i: number) => b[at + i]! - 0x30;
  const [h1, h2, m1, m2] = [d(1), d(2), d(4), d(5)];
  if (![h1, h2, m1, m2].every((x) => x >= 0 && x <= 9)) return NaN;
  const hours = h1 * 10 + h2;
  const minutes = m1 * 10 + m2;
  if (hours > 23 || minutes > 59) return NaN;
  return (sign === 0x2d ? -1 : 1) * (hours * 60 + minutes);
}
