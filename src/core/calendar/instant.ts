// The one timestamp parser: every ISO-8601 instant launch reads (event times in the log, times shown
// back to people) goes through here, so a time means the same everywhere.
import { daysFromCivil } from './date.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;

/**
 * The instant of `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)` in epoch milliseconds, or NaN. The
 * offset is required: without one a time would be read in the host's zone, exactly the ambiguity an
 * event log must not have. Hand-rolled because Date.parse costs ~200 ns a call (20+ ms for a
 * 100,000-event log), and because Date.parse reads an ISO string without an offset as local time.
 */
export function parseInstant(ts: string): number {
  const len = ts.length;
  if (len < 17) return NaN;
  if (ts.charCodeAt(4) !== DASH || ts.charCodeAt(7) !== DASH || ts.charCodeAt(10) !== T) return NaN;
  if (ts.charCodeAt(13) !== COLON) return NaN;
  const year = digits(ts, 0, 4);
  const month = digits(ts, 5, 2);
  const day = digits(ts, 8, 2);
  const hour = digits(ts, 11, 2);
  const minute = digits(ts, 14, 2);
  let i = 16;
  let second = 0;
  let ms = 0;
  if (ts.charCodeAt(i) === COLON) {
    second = digits(ts, 17, 2);
    i = 19;
    if (ts.charCodeAt(i) === DOT) {
      const start = ++i;
      let scale = 100;
      for (; i < len; i++) {
        const d = ts.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
      }
      if (i === start) return NaN;
    }
  }
  let offset = 0;
  const sign = ts.charCodeAt(i);
  if (sign === Z) {
    if (i + 1 !== len) return NaN;
  } else if ((sign === PLUS || sign === DASH) && i + 6 === len && ts.charCodeAt(i + 3) === COLON) {
    const oh = digits(ts, i + 1, 2);
    const om = digits(ts, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offset = (sign === DASH ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  if (year < 0 || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return NaN;
  }
  if (second < 0 || second > 59) return NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return NaN;
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset;
  return minutes * 60_000 + second * 1000 + Math.floor(ms);
}

/**
 * launch's own form of an instant, restricted to what Date.parse reads exactly as parseInstant does:
 * days 01–28 (valid in every month; Date.parse takes 2026-02-30), hours to 23 (it takes 24:00), an
 * explicit offset under a day (without one it reads local time).
 */
const PLAIN_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** Below this many instants, a reader calls the engine's parser (see instantsReader). */
const NATIVE_BELOW = 20_000;

/**
 * parseInstant for `count` strings to come. A few thousand calls make parseInstant hot enough for V8's
 * optimising compiler, which then costs more than the calls: standup sorting 1,000 events yesterday
 * spent 1.45× of `node -e 0` in instructions, 1.28× with Date.parse (native, never compiled) for the
 * strings of PLAIN_INSTANT's form, which it reads to the same millisecond
 * (test/core/instant-reader.test.ts). Past NATIVE_BELOW the compiled parser is the faster one.
 */
export function instantsReader(count: number): (ts: string) => number {
  if (count >= NATIVE_BELOW) return parseInstant;
  return (ts) => (PLAIN_INSTANT.test(ts) ? Date.parse(ts) : parseInstant(ts));
}
