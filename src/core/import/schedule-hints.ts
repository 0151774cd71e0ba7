// Reads the schedule a heading announces: "SPRINT 3-4: Integration & Polish (Week 5-8)",
// "Week 5-6: Advanced Features", "Monday - Wednesday: Frontend Foundation", "Day 4: MFA Backend".
import type { DaySpan, WeekSpan, Weekday } from '../plan/schema.js';

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon', monday: 'mon', tue: 'tue', tues: 'tue', tuesday: 'tue', wed: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu', fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat', sun: 'sun', sunday: 'sun',
};
const DAY = '(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const RANGE = '\\s*(?:-|–|—|to|through|thru)\\s*';
// Any run of digits: a number out of range is said (see span), never passed over unread.
const NUM_RANGE = `(\\d+)(?:${RANGE}(\\d+))?`;
/** Ten years of weeks: a launch plan further out than that is a typo ("Week 99999"). */
export const MAX_PLAN_WEEK = 520;

const SPRINT_RE = new RegExp(`^sprints?\\s+${NUM_RANGE}\\b\\s*[:.\\-–—]?\\s*`, 'i');
const WEEK_RE = new RegExp(`\\bweeks?\\s+${NUM_RANGE}\\b`, 'i');
const LEADING_WEEK_RE = new RegExp(`^weeks?\\s+${NUM_RANGE}\\b\\s*[:.\\-–—]?\\s*`, 'i');
const PAREN_WEEK_RE = new RegExp(`\\(\\s*weeks?\\s+${NUM_RANGE}\\s*\\)`, 'i');
const DAYS_RE = new RegExp(`^${DAY}\\b(?:${RANGE}${DAY}\\b)?\\s*[:.\\-–—]?\\s*`, 'i');
const DAY_N_RE = /^day\s+([1-7])\b\s*[:.\-–—]?\s*/i;

export interface HeadingHints {
  /** The heading with its schedule words and decoration removed. */
  title: string;
  sprint?: { label: string; from: number; to: number };
  /** A week span given at the start or in parentheses: this heading is a week or phase. */
  week?: WeekSpan;
  /** A week span mentioned elsewhere ("Quick Start - Week 1 Actions"): scopes what follows only. */
  weekScope?: WeekSpan;
  days?: DaySpan;
  day?: number;
  /** Week or sprint numbers that are none (0, or past MAX_PLAN_WEEK), for a warning on the heading's line. */
  problems?: string[];
}

/**
 * The span "5" or "5-6" names. "Week 0" is not a plan week, nor is "Week 99999": the heading sets no
 * week, and `problems` (when given) says so.
 */
function span(a: string, b: string | undefined, what?: 'week' | 'sprint', problems?: string[]): { from: number; to: number } | undefined {
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  if (Math.min(from, to) >= 1 && Math.max(from, to) <= MAX_PLAN_WEEK) return { from: Math.min(from, to), to: Math.max(from, to) };
  if (what && problems) {
    const named = `${what === 'week' ? 'Week' : 'Sprint'} ${b === undefined ? a : `${a}-${b}`}`;
    problems.push(`"${named}" is not a plan ${what}: ${what}s are numbered 1 to ${MAX_PLAN_WEEK}; the heading sets no ${what}`);
  }
  return undefined;
}

/** Strips emoji and other pictographs that decorate headings ("📅 **SPRINT 1**"). */
export function stripDecoration(text: string): string {
  return text
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanTitle(text: string): string {
  return text.replace(/\(\s*\)/g, '').replace(/^[\s:.\-–—]+|[\s:.\-–—]+$/g, '').replace(/\s+/g, ' ').trim();
}

export function headingHints(raw: string): HeadingHints {
  let text = stripDecoration(raw);
  const hints: HeadingHints = { title: '' };
  const problems: string[] = [];

  const sprint = SPRINT_RE.exec(text);
  const sprintSpan = sprint ? span(sprint[1]!, sprint[2], 'sprint', problems) : undefined;
  if (sprint && sprintSpan) {
    const s = sprintSpan;
    hints.sprint = { label: s.from === s.to ? `${s.from}` : `${s.from}-${s.to}`, ...s };
    text = text.slice(sprint[0].length);
  }
  const leadingWeek = LEADING_WEEK_RE.exec(text);
  const paren = PAREN_WEEK_RE.exec(text);
  const anywhere = WEEK_RE.exec(text);
  const leadingSpan = leadingWeek ? span(leadingWeek[1]!, leadingWeek[2], 'week', problems) : undefined;
  // The same words may be found by more than one of the patterns: said once.
  const parenSpan = paren ? span(paren[1]!, paren[2], 'week', leadingWeek ? undefined : problems) : undefined;
  if (leadingWeek && leadingSpan) {
    hints.week = leadingSpan;
    text = text.slice(leadingWeek[0].length);
  } else if (paren && parenSpan) {
    hints.week = parenSpan;
    text = text.replace(paren[0], '');
  } else if (anywhere) {
    const scope = span(anywhere[1]!, anywhere[2], 'week', leadingWeek || paren ? undefined : problems);
    if (scope) hints.weekScope = scope;
  }
  const dayN = DAY_N_RE.exec(text);
  if (dayN) {
    hints.day = Number(dayN[1]);
    text = text.slice(dayN[0].length);
  } else {
    const days = DAYS_RE.exec(text);
    if (days) {
      const from = DAY_NAMES[days[1]!.toLowerCase()]!;
      const to = days[2] ? DAY_NAMES[days[2].toLowerCase()]! : from;
      hints.days = { from, to };
      // "Monday Morning Kickoff" keeps its words; "Monday - Wednesday: Frontend" drops the range.
      const rest = cleanTitle(text.slice(days[0].length));
      text = days[2] || /[:\-–—]\s*$/.test(days[0]) ? rest : text;
    }
  }
  hints.title = cleanTitle(text) || cleanTitle(stripDecoration(raw));
  if (problems.length > 0) hints.problems = problems;
  return hints;
}

/** "Day 4" → "thu" in a Monday–Friday week: only for readers of the YAML; the calendar decides. */
export function nominalWeekday(day: number): Weekday | undefined {
  return (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[day - 1];
}

/** "Week 5-6 Target" → {5,6}; used for KPI table headers. */
export function weekSpanIn(text: string): WeekSpan | undefined {
  const m = WEEK_RE.exec(stripDecoration(text));
  return m ? span(m[1]!, m[2]) : undefined;
}
