// The plan calendar: plan weeks and "Day N" ↔ real dates, working days and holidays.
//
// All dates are plain 'YYYY-MM-DD' strings; instants only enter through dateOf()/localDateOf(), which
// judge them in the workspace's zone. Nothing here reads the clock: "today" is always an argument.

import type { Block, WeekSpan } from '../plan/schema.js';
import type { ItemSpan } from '../plan/items.js';
import { WEEKDAYS, type Weekday } from '../plan/weekdays.js';
import { dateFromDayNumber, dayNumber, parsePlainDate } from './date.js';
import { localDateOf, localNoon, startOfLocalDay, type Zone, zoneOf } from './zone.js';

export type { Weekday } from '../plan/schema.js';
export { addDays, daysBetween, parsePlainDate, relativeDate, weekdayOf } from './date.js';
export { parseInstant } from './instant.js';
export { formatOffsetTimestamp, isValidTimeZone, localDateOf, localNoon, startOfLocalDay, type Zone, zoneOf, zoneTableFor } from './zone.js';

export interface CalendarConfig {
  /** Week 1 is the week containing this date. */
  start: string;
  /** IANA zone in which timestamps and "today" are judged. */
  timeZone: string;
  workingDays: Weekday[];
  holidays: string[];
}

export interface DateRange {
  first: string;
  last: string;
}

export interface ItemSchedule extends DateRange {
  /** The day the item is due (= last). */
  due: string;
  /** Set when a holiday moved the due date away from the day the plan names. */
  moved?: { from: string; to: string };
}

export interface DayPosition {
  phase: 'before' | 'during' | 'after';
  /** Plan week containing the date, when it is one of weeks 1..totalWeeks. */
  week?: number;
  /** The date's "Day N" within its week, when it is a working day. */
  dayOfWeek?: number;
  /** 1-based index among the plan's working days, when the date is one of them. */
  dayOfPlan?: number;
  totalWorkingDays: number;
  workingDay: boolean;
  /** Calendar days until the plan's first working day, when phase is 'before'. */
  daysUntilStart?: number;
}

export interface Calendar {
  readonly config: Readonly<CalendarConfig>;
  /** The configured time zone, in which instants become dates. */
  readonly zone: Zone;
  readonly totalWeeks: number;
  /** Weekday each plan week begins on (see weekStartFor). */
  readonly weekStartsOn: Weekday;
  /** First and last working day of the whole plan; null if it has none. */
  readonly planRange: DateRange | null;
  /** Local date of an instant (ISO timestamp with offset, or epoch ms) in the configured zone. */
  dateOf(instant: string | number): string;
  /** The first instant after a date: what counts for the date or before it is earlier. */
  dayEnd(date: string): number;
  /** 12:00 local time on a date: when an event given that day with --date counts. */
  noonOf(date: string): number;
  /** The 7 calendar days of a plan week, working or not. */
  weekBounds(week: number): DateRange;
  /** First working day of a plan week (the next one after it if the whole week is off). */
  weekStart(week: number): string;
  /** Plan week number of any date: 0 or less before week 1, above totalWeeks after the plan. */
  weekOf(date: string): number;
  workingDaysOfWeek(week: number): string[];
  isWorkingDay(date: string): boolean;
  /** A configured holiday that falls on a working weekday (a weekend "holiday" changes nothing). */
  isHoliday(date: string): boolean;
  nextWorkingDay(date: string): string;
  previousWorkingDay(date: string): string;
  /** Working days after a, up to and including b; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number;
  /** The working days from first to last, both included. */
  workingDaysIn(first: string, last: string): string[];
  position(date: string): DayPosition;
  /** When an item is on; null for an item with no weeks of its own or from its block. */
  itemSchedule(item: ItemSpan, block?: Block): ItemSchedule | null;
  /** First and last working day of a span of plan weeks. */
  sprintRange(weeks: WeekSpan): DateRange;
}

/**
 * The weekday that follows the longest run of non-working days: Monday for Mon–Fri (and for a 7-day
 * week), Sunday for a Sun–Thu team, so that "Day 1" is the first day the team works and the weekend
 * ends a week instead of splitting it. Ties go to the weekday nearest Monday.
 */
export function weekStartFor(workingDays: readonly Weekday[]): Weekday {
  const working = WEEKDAYS.map((d) => workingDays.includes(d));
  let best = 0;
  let bestGap = -1;
  for (let i = 0; i < 7; i++) {
    if (!working[i]) continue;
    let gap = 0;
    while (gap < 7 && !working[(i - gap - 1 + 7) % 7]) gap++;
    if (gap > bestGap) [best, bestGap] = [i, gap];
  }
  return WEEKDAYS[best]!;
}

function checkDate(what: string, s: string): number {
  if (typeof s !== 'string' || parsePlainDate(s) === null) {
    throw new RangeError(`${what} is not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  }
  return dayNumber(s);
}

function checkWeek(week: number): number {
  if (!Number.isInteger(week) || week < 1) throw new RangeError(`not a plan week: ${week}`);
  return week;
}

/** `zone` is the configured time zone, given when the caller has one with a table of its offsets. */
export function createCalendar(cfg: CalendarConfig, totalWeeks: number, zone: Zone = zoneOf(cfg.timeZone)): Calendar {
  const startDn = checkDate('start', cfg.start);
  if (zone.name !== cfg.timeZone) throw new RangeError(`the zone ${zone.name} is not the configured ${cfg.timeZone}`);
  for (const d of cfg.workingDays) {
    if (!(WEEKDAYS as readonly string[]).includes(d)) throw new RangeError(`not a weekday: ${JSON.stringify(d)}`);
  }
  const workingDays = WEEKDAYS.filter((d) => cfg.workingDays.includes(d));
  if (workingDays.length === 0) throw new RangeError('no working days configured');
  if (!Number.isInteger(totalWeeks) || totalWeeks < 0) throw new RangeError(`not a number of weeks: ${totalWeeks}`);
  const holidayDns = [...new Set(cfg.holidays.map((h) => checkDate('holiday', h)))].sort((a, b) => a - b);

  const working = WEEKDAYS.map((d) => workingDays.includes(d));
  const weekStartsOn = weekStartFor(workingDays);
  const s = WEEKDAYS.indexOf(weekStartsOn);
  const wdIndex = (dn: number): number => (((dn + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const offsetInWeek = (wd: number): number => (wd - s + 7) % 7;
  /** Weekday indexes in the order they are worked: position k is "Day k+1". */
  const workOrder = [0, 1, 2, 3, 4, 5, 6].map((o) => (s + o) % 7).filter((wd) => working[wd]);
  const perWeek = workOrder.length;
  // cum[k]: working weekdays among the first k days of a week.
  const cum = [0];
  for (let o = 0; o < 7; o++) cum.push(cum[o]! + (working[(s + o) % 7] ? 1 : 0));
  const holidaySet = new Set(holidayDns);
  const effectiveHolidays = holidayDns.filter((dn) => working[wdIndex(dn)]);

  const week1 = startDn - offsetInWeek(wdIndex(startDn));
  const weekFirstDn = (week: number): number => week1 + 7 * (checkWeek(week) - 1);
  const isWorkingDn = (dn: number): boolean => working[wdIndex(dn)]! && !holidaySet.has(dn);
  const str = dateFromDayNumber;

  // Loops below end within holidays + 7 steps: every week has a working weekday and holidays are finite.
  const onOrAfter = (dn: number): number => {
    while (!isWorkingDn(dn)) dn++;
    return dn;
  };
  const onOrBefore = (dn: number): number => {
    while (!isWorkingDn(dn)) dn--;
    return dn;
  };
  /** Working days on or before dn, counted from an arbitrary origin; only differences mean anything. */
  const prefix = (dn: number): number => {
    const n = dn - week1 + 1;
    const q = Math.floor(n / 7);
    let h = 0;
    for (const x of effectiveHolidays) if (x <= dn) h++;
    return q * perWeek + cum[n - 7 * q]! - h;
  };

  const planFirstDn = week1;
  const planLastDn = week1 + 7 * totalWeeks - 1;
  const totalWorkingDays = totalWeeks > 0 ? prefix(planLastDn) - prefix(planFirstDn - 1) : 0;
  let planRange: DateRange | null = null;
  if (totalWorkingDays > 0) {
    planRange = { first: str(onOrAfter(planFirstDn)), last: str(onOrBefore(planLastDn)) };
  }

  // Thousands of items share a few hundred spans: each is computed once and the result shared, so
  // schedules are read-only (frozen) for every caller.
  const spans = new Map<number, ItemSchedule>();
  const memo = (kind: 0 | 1, a: number, b: number, compute: (a: number, b: number) => ItemSchedule): ItemSchedule => {
    if (Math.abs(b - a) >= 32_768) return compute(a, b);
    const key = (a * 65_536 + (b - a + 32_768)) * 2 + kind;
    let out = spans.get(key);
    if (out === undefined) {
      out = compute(a, b);
      if (out.moved) Object.freeze(out.moved);
      spans.set(key, Object.freeze(out));
    }
    return out;
  };

  function spanSchedule(a: number, b: number): ItemSchedule {
    return memo(0, a, b, computeSpan);
  }

  /** Due date of the span a..b: its last working day; the next one if it has none. */
  function computeSpan(a: number, b: number): ItemSchedule {
    let nominal = b;
    while (nominal > a && !working[wdIndex(nominal)]) nominal--;
    if (!working[wdIndex(nominal)]) nominal = b;
    const first = onOrAfter(a);
    // A span with no working day at all (a Saturday block, a week of holidays) falls due on the next one.
    const last = first <= b ? onOrBefore(b) : first;
    const out: ItemSchedule = { first: str(first), last: str(last), due: str(last) };
    if (last !== nominal) out.moved = { from: str(nominal), to: str(last) };
    return out;
  }

  function dayTaskSchedule(week: number, day: number): ItemSchedule {
    // "Day 6" in a 5-day week runs on into the next week rather than being an error.
    const w = week + Math.floor((day - 1) / perWeek);
    const nominal = weekFirstDn(w) + offsetInWeek(workOrder[(day - 1) % perWeek]!);
    return memo(1, nominal, nominal, computeDay);
  }

  function computeDay(nominal: number): ItemSchedule {
    const dn = onOrAfter(nominal);
    const out: ItemSchedule = { first: str(dn), last: str(dn), due: str(dn) };
    if (dn !== nominal) out.moved = { from: str(nominal), to: str(dn) };
    return out;
  }

  const calendar: Calendar = {
    config: { start: cfg.start, timeZone: cfg.timeZone, workingDays, holidays: holidayDns.map(str) },
    zone,
    totalWeeks,
    weekStartsOn,
    planRange,
    dateOf: (instant) => localDateOf(instant, zone),
    dayEnd: (date) => startOfLocalDay(str(checkDate('date', date) + 1), zone),
    noonOf: (date) => localNoon(date, zone),
    weekBounds(week) {
      const a = weekFirstDn(week);
      return { first: str(a), last: str(a + 6) };
    },
    weekStart: (week) => str(onOrAfter(weekFirstDn(week))),
    weekOf: (date) => Math.floor((checkDate('date', date) - week1) / 7) + 1,
    workingDaysOfWeek(week) {
      const a = weekFirstDn(week);
      return calendar.workingDaysIn(str(a), str(a + 6));
    },
    isWorkingDay: (date) => isWorkingDn(checkDate('date', date)),
    isHoliday: (date) => {
      const dn = checkDate('date', date);
      return holidaySet.has(dn) && working[wdIndex(dn)]!;
    },
    nextWorkingDay: (date) => str(onOrAfter(checkDate('date', date) + 1)),
    previousWorkingDay: (date) => str(onOrBefore(checkDate('date', date) - 1)),
    workingDaysBetween: (a, b) => prefix(checkDate('date', b)) - prefix(checkDate('date', a)),
    workingDaysIn(first, last) {
      const out: string[] = [];
      for (let dn = checkDate('date', first), end = checkDate('date', last); dn <= end; dn++) {
        if (isWorkingDn(dn)) out.push(str(dn));
      }
      return out;
    },
    position(date) {
      const dn = checkDate('date', date);
      const workingDay = isWorkingDn(dn);
      let phase: DayPosition['phase'];
      if (planRange) {
        phase = date < planRange.first ? 'before' : date > planRange.last ? 'after' : 'during';
      } else {
        phase = dn < planFirstDn ? 'before' : 'after';
      }
      const pos: DayPosition = { phase, totalWorkingDays, workingDay };
      const week = calendar.weekOf(date);
      if (week >= 1 && week <= totalWeeks) pos.week = week;
      if (workingDay) pos.dayOfWeek = workOrder.indexOf(wdIndex(dn)) + 1;
      if (phase === 'during' && workingDay) pos.dayOfPlan = prefix(dn) - prefix(planFirstDn - 1);
      if (phase === 'before' && planRange) pos.daysUntilStart = dayNumber(planRange.first) - dn;
      return pos;
    },
    itemSchedule(item, block) {
      const weeks = item.weeks ?? block?.weeks;
      if (!weeks) return null;
      if (item.day !== undefined) return dayTaskSchedule(weeks.from, item.day);
      const days = item.days ?? block?.days;
      if (!days) return spanSchedule(weekFirstDn(weeks.from), weekFirstDn(weeks.to) + 6);
      const from = offsetInWeek(WEEKDAYS.indexOf(days.from));
      const to = offsetInWeek(WEEKDAYS.indexOf(days.to));
      // "Friday - Monday" in a Monday week ends in the following week.
      const end = weekFirstDn(weeks.to) + to + (to < from ? 7 : 0);
      return spanSchedule(weekFirstDn(weeks.from) + from, end);
    },
    sprintRange(weeks) {
      const { first, last } = spanSchedule(weekFirstDn(weeks.from), weekFirstDn(weeks.to) + 6);
      return { first, last };
    },
  };
  return calendar;
}
