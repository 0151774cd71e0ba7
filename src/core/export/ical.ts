// RFC 5545 text for all-day events: content lines folded at 75 octets without splitting a UTF-8
// character, TEXT values escaped, CRLF line ends. Pure: the caller gives the stamp.
import { addDays } from '../calendar/date.js';

export interface DayEvent {
  /** Stable across exports, so that importing again updates an event instead of adding a copy. */
  uid: string;
  /** YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  categories?: string[];
}

export interface CalendarText {
  name: string;
  /** UTC instant written as every event's DTSTAMP (the moment of the export). */
  stamp: number;
  events: readonly DayEvent[];
}

export const PRODID = '-//launch//launch export ics//EN';

const encoder = new TextEncoder();
const octets = (s: string): number => encoder.encode(s).length;

/** RFC 5545 §3.1: at most 75 octets a line; a continuation starts with one space, which counts. */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

// Controls other than the line break have no escape in TEXT and are not allowed in a value.
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/** A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

const compactDate = (date: string): string => date.replaceAll('-', '');

function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function calendarText(cal: CalendarText): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name)}`];
  const stamp = stampOf(cal.stamp);
  for (const e of cal.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Whether a file is a calendar this command wrote (which --out replaces without --force). */
export const isLaunchCalendar = (text: string): boolean => text.startsWith('BEGIN:VCALENDAR') && text.includes(`\nPRODID:${PRODID}`);
