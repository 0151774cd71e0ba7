// Instants ↔ local dates in an IANA time zone, using only Intl (ICU's tz database ships with Node).
//
// Everything here is computed from a "wall clock" reading: the local date and time that Intl shows for an
// instant, re-read as if it were UTC. The zone's offset at an instant is then wall − instant, which is
// DST-aware without any table of our own. No local-time Date method is used, so the host's TZ never leaks in.
// A Zone may carry a table of its offsets (./zone-table.ts) that answers without Intl where it covers.

import { dateFromDayNumber, dayNumber, daysFromCivil } from './date.js';
import { parseInstant } from './instant.js';
import { buildZoneTable, tabledOffset, type ZoneTable } from './zone-table.js';

/** An IANA time zone, as every function here takes it. */
export interface Zone {
  readonly name: string;
  /** Offsets read from Intl once, when the zone has such a table. */
  readonly table: ZoneTable | undefined;
}

/**
 * The zone named `timeZone`; a table of the same zone answers for the instants it covers. Unknown
 * names throw a RangeError, except when a table vouches for the name (it was built from Intl).
 */
export function zoneOf(timeZone: string, table?: ZoneTable): Zone {
  const own = table !== undefined && table.timeZone === timeZone ? table : undefined;
  if (own === undefined && !isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  return { name: timeZone, table: own };
}

const DAY_MS = 86_400_000;
// Valid ECMAScript time values.
const MAX_EPOCH_MS = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone. h23 because some ICU versions print midnight as "24" otherwise.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True if Intl knows the zone (IANA names, case-insensitive, plus aliases such as UTC and Etc/GMT+5). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function requireInstant(t: number): number {
  if (!Number.isFinite(t) || Math.abs(t) > MAX_EPOCH_MS) throw new RangeError(`not a valid instant: ${t}`);
  return Math.floor(t);
}

/** The local wall-clock reading of instant t, as epoch-style milliseconds. */
function wallMs(t: number, zone: Zone): number {
  const offset = zone.table === undefined ? undefined : tabledOffset(zone.table, t);
  return offset === undefined ? intlWallMs(t, zone.name) : t + offset;
}

function intlWallMs(t: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(t)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const days = daysFromCivil(p.year!, p.month!, p.day!);
  const ms = ((t % 1000) + 1000) % 1000;
  return days * DAY_MS + p.hour! * 3_600_000 + p.minute! * 60_000 + p.second! * 1000 + ms;
}

function toEpochMs(instant: string | number): number {
  const t = typeof instant === 'number' ? instant : parseInstant(instant);
  if (!Number.isFinite(t) || Math.abs(t) > MAX_EPOCH_MS) throw new RangeError(`not a timestamp with an offset or epoch ms: ${JSON.stringify(instant)}`);
  return Math.floor(t);
}

/** The local calendar date of an instant in a zone: 23:30 local stays on its own day, whatever UTC says. */
export function localDateOf(instant: string | number, zone: Zone): string {
  return dateFromDayNumber(Math.floor(wallMs(toEpochMs(instant), zone) / DAY_MS));
}

/**
 * Epoch ms of the first instant of a local date. Usually local midnight; on a day whose midnight falls
 * in a DST gap (the day starts at 01:00, as in America/Santiago) it is the transition instant; when
 * midnight happens twice (a fall-back at 01:00, as in America/Havana) it is the first one.
 */
export function startOfLocalDay(date: string, zone: Zone): number {
  const day = dayNumber(date);
  const target = day * DAY_MS;
  // Searching for the first instant whose local date is >= date handles gaps and repeats alike,
  // without guessing which offset applies. Offsets lie within ±14h, so ±18h brackets the answer; tz
  // transitions happen on whole seconds, so the search runs over seconds (17 steps).
  let lo = (target - 18 * 3_600_000) / 1000; // local date < day
  let hi = (target + 18 * 3_600_000) / 1000; // local date >= day
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (Math.floor(wallMs(mid * 1000, zone) / DAY_MS) >= day) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/**
 * Epoch ms of 12:00 local time on a date: the time an event that counts for a past day is given. On a
 * DST change day noon is still noon (not 11:00 or 13:00, as midnight + 12 h would be): the offset is
 * taken at noon itself, and checked once more in case noon sits right after a change.
 */
export function localNoon(date: string, zone: Zone): number {
  const wall = dayNumber(date) * DAY_MS + 12 * 3_600_000;
  let t = wall - (wallMs(wall, zone) - wall);
  t = wall - (wallMs(t, zone) - t);
  return t;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * ISO-8601 with the zone's offset at that instant, e.g. 2026-11-30T23:30:00.000-05:00. Historic
 * local-mean-time offsets with seconds cannot be written as ±HH:MM, so those instants are given in UTC (Z).
 */
export function formatOffsetTimestamp(epochMs: number, zone: Zone): string {
  const t = requireInstant(epochMs);
  let wall = wallMs(t, zone);
  let offset = wall - t;
  if (offset % 60_000 !== 0) {
    wall = t;
    offset = NaN;
  }
  const day = Math.floor(wall / DAY_MS);
  const r = wall - day * DAY_MS;
  const time = `${pad(Math.floor(r / 3_600_000))}:${pad(Math.floor(r / 60_000) % 60)}:${pad(Math.floor(r / 1000) % 60)}.${pad(r % 1000, 3)}`;
  if (Number.isNaN(offset)) return `${dateFromDayNumber(day)}T${time}Z`;
  const abs = Math.abs(offset) / 60_000;
  return `${dateFromDayNumber(day)}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// Zones whose offset never changes, as Intl names them once resolved (UTC, Etc/UTC, GMT, Zulu → UTC).
const FIXED_OFFSET = /^(?:UTC|Etc\/GMT[+-]\d{1,2})$/;

/** Offsets of `timeZone` over [from, to), read from Intl, for the store to keep (see ./zone-table.ts). */
export function zoneTableFor(timeZone: string, from: number, to: number): ZoneTable {
  const offsetAt = (t: number) => intlWallMs(t, timeZone) - Math.floor(t);
  // One reading for a fixed offset: sampling a 100-week plan's 1,500 days from Intl took ~113 M
  // instructions (0.22× of a bare start) of the first run after a plan change, this ~3 M.
  if (FIXED_OFFSET.test(formatter(timeZone).resolvedOptions().timeZone)) return { timeZone, from, to, offsets: [[from, offsetAt(from)]] };
  return buildZoneTable(timeZone, from, to, offsetAt);
}
