// Dates as people read them at standup: "Mon 30 Nov 2026".
import { weekdayOf } from '../core/calendar/calendar.js';

const WEEKDAY = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(date: string, withYear = true): string {
  const [y, m, d] = date.split('-');
  return `${WEEKDAY[weekdayOf(date)]} ${Number(d)} ${MONTHS[Number(m) - 1]}${withYear ? ` ${y}` : ''}`;
}

const WEEKDAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

export const weekdayName = (date: string): (typeof WEEKDAY_NAMES)[keyof typeof WEEKDAY_NAMES] => WEEKDAY_NAMES[weekdayOf(date)];

export function formatShortDate(date: string): string {
  return formatDate(date, false);
}
