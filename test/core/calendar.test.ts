import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  createCalendar,
  daysBetween,
  formatOffsetTimestamp,
  isValidTimeZone,
  localDateOf,
  parseInstant,
  parsePlainDate,
  startOfLocalDay,
  weekStartFor,
  weekdayOf,
  zoneOf,
  type CalendarConfig,
} from '../../src/core/calendar/calendar.js';
import type { Block, Item, Weekday } from '../../src/core/plan/schema.js';
import { zoneTableFor } from '../../src/core/calendar/zone.js';
import { tabledOffset } from '../../src/core/calendar/zone-table.js';

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const ZONES = ['America/New_York', 'Europe/Berlin', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC', 'America/Santiago'];
const HOUR = 3_600_000;

function cfg(over: Partial<CalendarConfig> = {}): CalendarConfig {
  return { start: '2026-11-30', timeZone: 'America/New_York', workingDays: MON_FRI, holidays: [], ...over };
}

let line = 1;
function item(over: Partial<Item>): Item {
  return { id: `item-${line}`, kind: 'task', title: 'x', section: 's', line: line++, ...over };
}
function block(over: Partial<Block>): Block {
  return { id: `block-${line}`, title: 'b', weeks: { from: 1, to: 1 }, line: line++, ...over };
}

describe('plain dates', () => {
  it('accepts only real calendar dates', () => {
    expect(parsePlainDate('2026-11-30')).toBe('2026-11-30');
    expect(parsePlainDate('2028-02-29')).toBe('2028-02-29');
    expect(parsePlainDate('2000-02-29')).toBe('2000-02-29');
    for (const bad of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00', '0000-01-01', '']) {
      expect(parsePlainDate(bad), bad).toBeNull();
    }
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-11-30', 70)).toBe('2027-02-08');
    expect(daysBetween('2026-11-30', '2027-02-08')).toBe(70);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('names weekdays', () => {
    expect(weekdayOf('2026-11-30')).toBe('mon');
    expect(weekdayOf('2026-12-05')).toBe('sat');
    expect(weekdayOf('1970-01-01')).toBe('thu');
    expect(weekdayOf('0001-01-01')).toBe('mon');
  });

  it('agrees with UTC Date arithmetic everywhere', () => {
    const base = Date.UTC(1970, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const d = new Date(base + n * 86_400_000).toISOString().slice(0, 10);
        const expected = new Date(base + (n + k) * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(d, k)).toBe(expected);
        expect(weekdayOf(d)).toBe(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(base + n * 86_400_000).getUTCDay()]);
      }),
    );
  });
});

describe('time zones', () => {
  it('knows zones through Intl', () => {
    for (const tz of [...ZONES, 'Asia/Calcutta', 'america/new_york', 'Etc/GMT+5']) expect(isValidTimeZone(tz), tz).toBe(true);
    for (const tz of ['Mars/Olympus', '', 'EST5EDT6', 'local']) expect(isValidTimeZone(tz), tz).toBe(false);
  });

  it("tables a zone's offsets as Intl gives them: one for a fixed-offset zone, each change for the others", () => {
    const from = Date.UTC(2025, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    const intlOffset = (tz: string, t: number) => {
      const wall = formatOffsetTimestamp(t, zoneOf(tz));
      return Date.parse(`${wall.slice(0, 23)}Z`) - t;
    };
    for (const [tz, changes] of [['UTC', 0], ['Etc/UTC', 0], ['GMT', 0], ['Etc/GMT+5', 0], ['Etc/GMT-14', 0], ['Europe/Berlin', 4], ['America/Santiago', 4], ['Asia/Kolkata', 0]] as const) {
      const table = zoneTableFor(tz, from, to);
      expect(table.offsets.length - 1, tz).toBe(changes);
      fc.assert(
        fc.property(fc.integer({ min: from, max: to - 1 }), (t) => tabledOffset(table, t) === intlOffset(tz, t)),
        { numRuns: 200 },
      );
    }
    expect(zoneTableFor('Etc/GMT+5', from, to).offsets).toEqual([[from, -5 * 3_600_000]]);
  });

  it('parses timestamps only with an offset', () => {
    expect(parseInstant('2026-11-30T23:30:00.000-05:00')).toBe(Date.UTC(2026, 11, 1, 4, 30));
    expect(parseInstant('2026-11-30T23:30+05:30')).toBe(Date.UTC(2026, 10, 30, 18, 0));
    expect(parseInstant('2026-11-30T23:30:05.123456Z')).toBe(Date.UTC(2026, 10, 30, 23, 30, 5, 123));
    for (const bad of ['2026-11-30T23:30:00', '2026-11-30', '2026-02-30T10:00Z', '2026-11-30T24:00Z', 'yesterday']) {
      expect(parseInstant(bad), bad).toBeNaN();
    }
    expect(() => localDateOf('2026-11-30T23:30:00', zoneOf('UTC'))).toThrow(RangeError);
  });

  it('puts 23:30 local time on its own local day in every zone', () => {
    // Each instant is 23:30 on 30 Nov in the zone's own clock (Auckland is on NZDT, +13).
    const cases: [string, string][] = [
      ['America/New_York', '2026-12-01T04:30:00Z'],
      ['Europe/Berlin', '2026-11-30T22:30:00Z'],
      ['Pacific/Auckland', '2026-11-30T10:30:00Z'],
      ['Asia/Kolkata', '2026-11-30T18:00:00Z'],
      ['UTC', '2026-11-30T23:30:00Z'],
    ];
    for (const [tz, utc] of cases) {
      const t = parseInstant(utc)!;
      expect(localDateOf(utc, zoneOf(tz)), tz).toBe('2026-11-30');
      expect(localDateOf(t, zoneOf(tz)), tz).toBe('2026-11-30');
      expect(localDateOf(t + 30 * 60_000, zoneOf(tz)), tz).toBe('2026-12-01');
      expect(formatOffsetTimestamp(t, zoneOf(tz)).slice(0, 16), tz).toBe('2026-11-30T23:30');
    }
    expect(localDateOf('2026-11-30T23:30:00.000-05:00', zoneOf('America/New_York'))).toBe('2026-11-30');
    expect(localDateOf('2026-11-30T23:30:00.000-05:00', zoneOf('Europe/Berlin'))).toBe('2026-12-01');
  });

  it('moves nothing by a day across the US and EU DST changes', () => {
    // US: 2027-03-14 (spring), 2026-11-01 (fall). EU: 2027-03-28, 2026-10-25.
    expect(localDateOf('2027-03-13T23:30:00-05:00', zoneOf('America/New_York'))).toBe('2027-03-13');
    expect(localDateOf('2027-03-14T23:30:00-04:00', zoneOf('America/New_York'))).toBe('2027-03-14');
    expect(localDateOf('2027-03-15T00:30:00-04:00', zoneOf('America/New_York'))).toBe('2027-03-15');
    expect(localDateOf('2027-03-27T23:30:00+01:00', zoneOf('Europe/Berlin'))).toBe('2027-03-27');
    expect(localDateOf('2027-03-28T23:30:00+02:00', zoneOf('Europe/Berlin'))).toBe('2027-03-28');
    expect(localDateOf('2027-03-29T00:30:00+02:00', zoneOf('Europe/Berlin'))).toBe('2027-03-29');
    expect(localDateOf('2026-11-01T23:30:00-05:00', zoneOf('America/New_York'))).toBe('2026-11-01');
    expect(localDateOf('2026-10-25T23:30:00+01:00', zoneOf('Europe/Berlin'))).toBe('2026-10-25');
  });

  it('finds the start of a local day, including DST-change days', () => {
    const iso = (date: string, tz: string) => new Date(startOfLocalDay(date, zoneOf(tz))).toISOString();
    expect(iso('2026-11-30', 'America/New_York')).toBe('2026-11-30T05:00:00.000Z');
    expect(iso('2027-03-14', 'America/New_York')).toBe('2027-03-14T05:00:00.000Z');
    expect(iso('2027-03-15', 'America/New_York')).toBe('2027-03-15T04:00:00.000Z');
    expect(iso('2027-03-28', 'Europe/Berlin')).toBe('2027-03-27T23:00:00.000Z');
    expect(iso('2027-03-29', 'Europe/Berlin')).toBe('2027-03-28T22:00:00.000Z');
    expect(iso('2026-11-30', 'Asia/Kolkata')).toBe('2026-11-29T18:30:00.000Z');
    expect(iso('2026-09-27', 'Pacific/Auckland')).toBe('2026-09-26T12:00:00.000Z');
    // Day lengths: 23 h on spring-forward days, 25 h on fall-back days.
    const len = (date: string, tz: string) => (startOfLocalDay(addDays(date, 1), zoneOf(tz)) - startOfLocalDay(date, zoneOf(tz))) / HOUR;
    expect(len('2027-03-14', 'America/New_York')).toBe(23);
    expect(len('2026-11-01', 'America/New_York')).toBe(25);
    expect(len('2027-03-28', 'Europe/Berlin')).toBe(23);
    expect(len('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(len('2026-09-27', 'Pacific/Auckland')).toBe(23);
  });

  it('starts a day at 01:00 when midnight is skipped, and at the first of two midnights', () => {
    // Chile springs forward from 00:00 to 01:00 on 2026-09-06.
    const santiago = startOfLocalDay('2026-09-06', zoneOf('America/Santiago'));
    expect(formatOffsetTimestamp(santiago, zoneOf('America/Santiago'))).toBe('2026-09-06T01:00:00.000-03:00');
    expect(formatOffsetTimestamp(santiago - 1, zoneOf('America/Santiago'))).toBe('2026-09-05T23:59:59.999-04:00');
    // Cuba falls back from 01:00 to 00:00 on 2026-11-01, so midnight happens twice.
    const havana = startOfLocalDay('2026-11-01', zoneOf('America/Havana'));
    expect(formatOffsetTimestamp(havana, zoneOf('America/Havana'))).toBe('2026-11-01T00:00:00.000-04:00');
    expect(formatOffsetTimestamp(havana + HOUR, zoneOf('America/Havana'))).toBe('2026-11-01T00:00:00.000-05:00');
  });

  it('formats event timestamps with the zone offset', () => {
    const t = Date.UTC(2026, 11, 1, 4, 30);
    expect(formatOffsetTimestamp(t, zoneOf('America/New_York'))).toBe('2026-11-30T23:30:00.000-05:00');
    expect(formatOffsetTimestamp(t, zoneOf('Asia/Kolkata'))).toBe('2026-12-01T10:00:00.000+05:30');
    expect(formatOffsetTimestamp(t, zoneOf('Pacific/Auckland'))).toBe('2026-12-01T17:30:00.000+13:00');
    expect(formatOffsetTimestamp(t, zoneOf('UTC'))).toBe('2026-12-01T04:30:00.000+00:00');
    expect(formatOffsetTimestamp(Date.UTC(2027, 5, 1, 12, 0, 0, 7), zoneOf('Europe/Berlin'))).toBe('2027-06-01T14:00:00.007+02:00');
    // New York's 1880 local mean time is -04:56:02, which ±HH:MM cannot express.
    expect(formatOffsetTimestamp(Date.UTC(1880, 0, 1), zoneOf('America/New_York'))).toBe('1880-01-01T00:00:00.000Z');
  });

  it('round-trips instants, local dates and day starts in every zone', () => {
    const lo = Date.UTC(1990, 0, 1);
    const hi = Date.UTC(2060, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.constantFrom(...ZONES), (t, tz) => {
        const stamp = formatOffsetTimestamp(t, zoneOf(tz));
        expect(parseInstant(stamp)).toBe(t);
        const day = localDateOf(t, zoneOf(tz));
        expect(stamp.slice(0, 10)).toBe(day);
        const start = startOfLocalDay(day, zoneOf(tz));
        expect(start).toBeLessThanOrEqual(t);
        expect(startOfLocalDay(addDays(day, 1), zoneOf(tz))).toBeGreaterThan(t);
        expect(localDateOf(start, zoneOf(tz))).toBe(day);
        expect(localDateOf(start - 1, zoneOf(tz))).toBe(addDays(day, -1));
      }),
    );
  });

  it('keeps every day of the plan season on its date at 00:30 and 23:30 local', () => {
    for (const tz of ZONES) {
      for (let d = '2026-09-01'; d <= '2027-04-30'; d = addDays(d, 1)) {
        const start = startOfLocalDay(d, zoneOf(tz));
        const next = startOfLocalDay(addDays(d, 1), zoneOf(tz));
        expect(localDateOf(start + 30 * 60_000, zoneOf(tz))).toBe(d);
        expect(localDateOf(next - 30 * 60_000, zoneOf(tz))).toBe(d);
        expect((next - start) / HOUR).toBeGreaterThanOrEqual(23);
        expect((next - start) / HOUR).toBeLessThanOrEqual(25);
      }
    }
  });
});

describe('calendar: the SecureNet plan from Monday 2026-11-30, Mon–Fri', () => {
  const cal = createCalendar(cfg(), 10);
  const dayTask = (week: number, day: number) => cal.itemSchedule(item({ weeks: { from: week, to: week }, day }));

  it('maps Day N to the Nth working day of its week', () => {
    expect(cal.weekStartsOn).toBe('mon');
    expect(cal.weekStart(1)).toBe('2026-11-30');
    expect(dayTask(1, 1)).toEqual({ first: '2026-11-30', last: '2026-11-30', due: '2026-11-30' });
    expect(dayTask(1, 4)?.due).toBe('2026-12-03');
    expect(dayTask(10, 5)?.due).toBe('2027-02-05');
    // Week 5 begins 28 Dec; 4 Jan is the Monday of week 6, inside the plan's "Week 5-6" focus areas.
    expect(cal.weekStart(5)).toBe('2026-12-28');
    expect(cal.weekStart(6)).toBe('2027-01-04');
    expect(cal.workingDaysOfWeek(1)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(cal.weekBounds(2)).toEqual({ first: '2026-12-07', last: '2026-12-13' });
  });

  it('takes a task with a day from the block when the item has no weeks', () => {
    const b = block({ weeks: { from: 3, to: 3 }, days: { from: 'thu', to: 'fri' } });
    expect(cal.itemSchedule(item({ block: b.id, day: 4 }), b)?.due).toBe('2026-12-17');
  });

  it('spans blocks by their day names and whole weeks', () => {
    const monWed = block({ weeks: { from: 1, to: 1 }, days: { from: 'mon', to: 'wed' } });
    expect(cal.itemSchedule(item({ kind: 'check' }), monWed)).toEqual({ first: '2026-11-30', last: '2026-12-02', due: '2026-12-02' });
    const friday = block({ weeks: { from: 2, to: 2 }, days: { from: 'fri', to: 'fri' } });
    expect(cal.itemSchedule(item({}), friday)).toEqual({ first: '2026-12-11', last: '2026-12-11', due: '2026-12-11' });
    const weeks56 = block({ weeks: { from: 5, to: 6 } });
    expect(cal.itemSchedule(item({ kind: 'check' }), weeks56)).toEqual({ first: '2026-12-28', last: '2027-01-08', due: '2027-01-08' });
    expect(cal.itemSchedule(item({ kind: 'check' }), weeks56)!.first <= '2027-01-04').toBe(true);
    // The item's own schedule wins over its block's.
    expect(cal.itemSchedule(item({ weeks: { from: 2, to: 2 }, days: { from: 'thu', to: 'thu' } }), monWed)?.due).toBe('2026-12-10');
    expect(cal.itemSchedule(item({ kind: 'check' }))).toBeNull();
  });

  it('computes each span once: items on the same span share one read-only schedule', () => {
    const weeks56 = block({ weeks: { from: 5, to: 6 } });
    const a = cal.itemSchedule(item({ kind: 'check' }), weeks56)!;
    expect(cal.itemSchedule(item({ kind: 'task' }), weeks56)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    // Same first day, different spans: not confused.
    expect(cal.itemSchedule(item({ weeks: { from: 5, to: 5 } }))).toEqual({ first: '2026-12-28', last: '2027-01-01', due: '2027-01-01' });
    // A day task on a span's first day is its own one-day schedule.
    expect(cal.itemSchedule(item({ weeks: { from: 5, to: 5 }, day: 1 }))).toEqual({ first: '2026-12-28', last: '2026-12-28', due: '2026-12-28' });
  });

  it('knows working days and the distance between them', () => {
    expect(cal.isWorkingDay('2026-12-05')).toBe(false);
    expect(cal.isWorkingDay('2026-12-04')).toBe(true);
    expect(cal.nextWorkingDay('2026-12-04')).toBe('2026-12-07');
    expect(cal.nextWorkingDay('2026-12-05')).toBe('2026-12-07');
    expect(cal.previousWorkingDay('2026-12-07')).toBe('2026-12-04');
    expect(cal.previousWorkingDay('2026-12-01')).toBe('2026-11-30');
    // Due Wed 2 Dec, looked at on Mon 7 Dec: Thu, Fri, Mon late.
    expect(cal.workingDaysBetween('2026-12-02', '2026-12-07')).toBe(3);
    expect(cal.workingDaysBetween('2026-12-07', '2026-12-02')).toBe(-3);
    expect(cal.workingDaysBetween('2026-12-02', '2026-12-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-12-04', '2026-12-06')).toBe(0);
    expect(cal.workingDaysBetween('2026-11-29', '2027-02-07')).toBe(50);
    expect(cal.workingDaysIn('2026-12-03', '2026-12-08')).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08']);
  });

  it('places dates before, during and after the plan', () => {
    expect(cal.planRange).toEqual({ first: '2026-11-30', last: '2027-02-05' });
    expect(cal.position('2026-11-30')).toEqual({ phase: 'during', week: 1, dayOfWeek: 1, dayOfPlan: 1, totalWorkingDays: 50, workingDay: true });
    expect(cal.position('2026-12-05')).toEqual({ phase: 'during', week: 1, totalWorkingDays: 50, workingDay: false });
    expect(cal.position('2026-12-11')).toMatchObject({ week: 2, dayOfWeek: 5, dayOfPlan: 10 });
    expect(cal.position('2026-12-28')).toMatchObject({ week: 5, dayOfWeek: 1, dayOfPlan: 21 });
    expect(cal.position('2027-01-04')).toMatchObject({ week: 6, dayOfWeek: 1, dayOfPlan: 26 });
    expect(cal.position('2027-02-05')).toMatchObject({ phase: 'during', week: 10, dayOfPlan: 50 });
    expect(cal.position('2027-02-06')).toEqual({ phase: 'after', week: 10, totalWorkingDays: 50, workingDay: false });
    expect(cal.position('2027-02-08')).toEqual({ phase: 'after', dayOfWeek: 1, totalWorkingDays: 50, workingDay: true });
    expect(cal.position('2026-11-27')).toEqual({ phase: 'before', dayOfWeek: 5, totalWorkingDays: 50, workingDay: true, daysUntilStart: 3 });
    expect(cal.weekOf('2027-02-08')).toBe(11);
    expect(cal.weekOf('2026-11-29')).toBe(0);
  });

  it('spans sprints over their weeks', () => {
    expect(cal.sprintRange({ from: 1, to: 2 })).toEqual({ first: '2026-11-30', last: '2026-12-11' });
    expect(cal.sprintRange({ from: 5, to: 8 })).toEqual({ first: '2026-12-28', last: '2027-01-22' });
    expect(cal.sprintRange({ from: 9, to: 10 })).toEqual({ first: '2027-01-25', last: '2027-02-05' });
  });

  it('judges instants in the configured zone', () => {
    expect(cal.dateOf('2026-12-01T04:30:00Z')).toBe('2026-11-30');
    expect(cal.position(cal.dateOf(Date.UTC(2026, 11, 1, 4, 30)))).toMatchObject({ week: 1, dayOfPlan: 1 });
    const berlin = createCalendar(cfg({ timeZone: 'Europe/Berlin' }), 10);
    expect(berlin.dateOf('2026-12-01T04:30:00Z')).toBe('2026-12-01');
  });
});

describe('calendar: start date, week shapes and holidays', () => {
  it('makes Week 1 the whole week of a mid-week or weekend start', () => {
    for (const start of ['2026-12-02', '2026-12-06', '2026-11-30']) {
      const cal = createCalendar(cfg({ start }), 10);
      expect(cal.weekStart(1), start).toBe('2026-11-30');
      expect(cal.position('2026-11-30'), start).toMatchObject({ phase: 'during', week: 1, dayOfPlan: 1, totalWorkingDays: 50 });
    }
    expect(createCalendar(cfg({ start: '2026-12-07' }), 10).weekStart(1)).toBe('2026-12-07');
  });

  it('begins a Sun–Thu team week on Sunday', () => {
    const cal = createCalendar(cfg({ workingDays: ['sun', 'mon', 'tue', 'wed', 'thu'] }), 2);
    expect(cal.weekStartsOn).toBe('sun');
    expect(cal.weekBounds(1)).toEqual({ first: '2026-11-29', last: '2026-12-05' });
    expect(cal.itemSchedule(item({ weeks: { from: 1, to: 1 }, day: 1 }))?.due).toBe('2026-11-29');
    expect(cal.itemSchedule(item({ weeks: { from: 1, to: 1 }, day: 5 }))?.due).toBe('2026-12-03');
    expect(cal.isWorkingDay('2026-12-04')).toBe(false);
    expect(cal.position('2026-12-06')).toMatchObject({ week: 2, dayOfWeek: 1, dayOfPlan: 6 });
  });

  it('picks the weekday after the longest break as the week start', () => {
    expect(weekStartFor(MON_FRI)).toBe('mon');
    expect(weekStartFor(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).toBe('mon');
    expect(weekStartFor(['mon', 'wed', 'fri'])).toBe('mon');
    expect(weekStartFor(['tue', 'wed', 'thu', 'fri', 'sat'])).toBe('tue');
    expect(weekStartFor(['sat', 'sun'])).toBe('sat');
  });

  it('runs a Day past the week on into the next week, and wraps reversed day spans', () => {
    const cal = createCalendar(cfg(), 10);
    expect(cal.itemSchedule(item({ weeks: { from: 1, to: 1 }, day: 6 }))?.due).toBe('2026-12-07');
    const friMon = block({ weeks: { from: 1, to: 1 }, days: { from: 'fri', to: 'mon' } });
    expect(cal.itemSchedule(item({ kind: 'check' }), friMon)).toEqual({ first: '2026-12-04', last: '2026-12-07', due: '2026-12-07' });
  });

  it('moves a weekend-only block to the next working day', () => {
    const cal = createCalendar(cfg(), 10);
    const weekend = block({ weeks: { from: 1, to: 1 }, days: { from: 'sat', to: 'sun' } });
    expect(cal.itemSchedule(item({ kind: 'check' }), weekend)).toEqual({
      first: '2026-12-07',
      last: '2026-12-07',
      due: '2026-12-07',
      moved: { from: '2026-12-06', to: '2026-12-07' },
    });
  });

  describe('holidays', () => {
    const cal = createCalendar(cfg({ holidays: ['2026-12-25', '2027-01-01', '2026-12-26'] }), 10);

    it('are not working days and shorten the plan', () => {
      expect(cal.isWorkingDay('2026-12-25')).toBe(false);
      expect(cal.isHoliday('2026-12-25')).toBe(true);
      expect(cal.isHoliday('2026-12-26')).toBe(false); // a Saturday anyway
      expect(cal.isHoliday('2026-12-24')).toBe(false);
      expect(cal.workingDaysOfWeek(4)).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24']);
      expect(cal.position('2027-02-05')).toMatchObject({ dayOfPlan: 48, totalWorkingDays: 48 });
      expect(cal.position('2026-12-25')).toEqual({ phase: 'during', week: 4, totalWorkingDays: 48, workingDay: false });
      expect(cal.nextWorkingDay('2026-12-24')).toBe('2026-12-28');
      expect(cal.previousWorkingDay('2026-12-28')).toBe('2026-12-24');
      expect(cal.workingDaysBetween('2026-12-23', '2026-12-28')).toBe(2);
      expect(cal.workingDaysBetween('2026-12-28', '2026-12-23')).toBe(-2);
    });

    it('move a task on a holiday to the next working day, flagged', () => {
      expect(cal.itemSchedule(item({ weeks: { from: 4, to: 4 }, day: 5 }))).toEqual({
        first: '2026-12-28',
        last: '2026-12-28',
        due: '2026-12-28',
        moved: { from: '2026-12-25', to: '2026-12-28' },
      });
      expect(cal.itemSchedule(item({ weeks: { from: 5, to: 5 }, day: 5 }))?.moved).toEqual({ from: '2027-01-01', to: '2027-01-04' });
      expect(cal.itemSchedule(item({ weeks: { from: 4, to: 4 }, day: 4 }))?.moved).toBeUndefined();
    });

    it('end a span on the working day before a holiday', () => {
      const week4 = block({ weeks: { from: 4, to: 4 } });
      expect(cal.itemSchedule(item({ kind: 'check' }), week4)).toEqual({
        first: '2026-12-21',
        last: '2026-12-24',
        due: '2026-12-24',
        moved: { from: '2026-12-25', to: '2026-12-24' },
      });
      expect(cal.sprintRange({ from: 3, to: 4 })).toEqual({ first: '2026-12-14', last: '2026-12-24' });
      const friday = block({ weeks: { from: 4, to: 4 }, days: { from: 'fri', to: 'fri' } });
      expect(cal.itemSchedule(item({ kind: 'check' }), friday)?.due).toBe('2026-12-28');
    });

    it('start a week on its first working day', () => {
      const c = createCalendar(cfg({ holidays: ['2026-11-30', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'] }), 3);
      expect(c.weekStart(1)).toBe('2026-12-01');
      expect(c.planRange?.first).toBe('2026-12-01');
      expect(c.position('2026-11-30')).toMatchObject({ phase: 'before', week: 1, workingDay: false, daysUntilStart: 1 });
      expect(c.position('2026-12-01')).toMatchObject({ dayOfWeek: 2, dayOfPlan: 1 });
      expect(c.workingDaysOfWeek(2)).toEqual([]);
      expect(c.weekStart(2)).toBe('2026-12-14');
      expect(c.itemSchedule(item({ weeks: { from: 1, to: 1 }, day: 1 }))?.moved).toEqual({ from: '2026-11-30', to: '2026-12-01' });
    });
  });

  it('handles a plan with no weeks', () => {
    const cal = createCalendar(cfg(), 0);
    expect(cal.planRange).toBeNull();
    expect(cal.position('2026-11-29')).toMatchObject({ phase: 'before', totalWorkingDays: 0 });
    expect(cal.position('2026-11-30')).toMatchObject({ phase: 'after', totalWorkingDays: 0 });
  });

  it('rejects a broken configuration', () => {
    expect(() => createCalendar(cfg({ start: '2026-11-31' }), 10)).toThrow(/start/);
    expect(() => createCalendar(cfg({ timeZone: 'Mars/Olympus' }), 10)).toThrow(/time zone/);
    expect(() => createCalendar(cfg({ workingDays: [] }), 10)).toThrow(/working days/);
    expect(() => createCalendar(cfg({ holidays: ['25/12/2026'] }), 10)).toThrow(/holiday/);
    expect(() => createCalendar(cfg(), 10).weekStart(0)).toThrow(RangeError);
    expect(() => createCalendar(cfg(), 10).isWorkingDay('2026-12-32')).toThrow(RangeError);
  });
});
