// Plain calendar dates ('YYYY-MM-DD') and their arithmetic.
//
// Dates are strings so that they compare with < and ===, serialise as themselves, and can never be
// shifted by the host's time zone. Arithmetic goes through a day number computed with integer civil-date
// formulas (H. Hinnant's days_from_civil): Date.UTC maps years 0–99 to 1900–1999, and local-time Date
// methods depend on the machine's TZ, so neither is used here.

import { WEEKDAYS, type Weekday } from '../plan/weekdays.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The date itself if it is a real calendar date in years 0001–9999, else null. */
export function parsePlainDate(s: string): string | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return s;
}

/**
 * The days launch works with. A date outside them is a typo (0001-01-01, 9999-12-31), and refusing it
 * where it is typed — a flag, config.yaml — leaves centuries of room on both sides, so no arithmetic on
 * a plan's weeks or a day's neighbours ever leaves years 0001–9999.
 */
export const DATE_RANGE = { first: '1970-01-01', last: '2999-12-31' } as const;

/** A real calendar date within DATE_RANGE. */
export function inDateRange(date: string): boolean {
  return parsePlainDate(date) !== null && DATE_RANGE.first <= date && date <= DATE_RANGE.last;
}

/** Whether text that is not a date in range is at least shaped like one with a year outside it. */
export function yearOutOfRange(s: string): boolean {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(s);
  return m !== null && (m[1]! < DATE_RANGE.first.slice(0, 4) || m[1]! > DATE_RANGE.last.slice(0, 4));
}

function requireDate(s: string): string {
  if (parsePlainDate(s) === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return s;
}

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(date: string): number {
  requireDate(date);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dateFromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1 || y > 9999) throw new RangeError(`date out of range (years 0001–9999): day ${n}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return dateFromDayNumber(dayNumber(date) + n);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
export function weekdayIndex(date: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[weekdayIndex(date)]!;
}

/** A `--date` as typed: YYYY-MM-DD, today, yesterday or tomorrow (relative to `today`); null if neither. */
export function relativeDate(input: string, today: string): string | null {
  if (input === 'today') return today;
  if (input === 'yesterday') return addDays(today, -1);
  if (input === 'tomorrow') return addDays(today, 1);
  return parsePlainDate(input);
}
