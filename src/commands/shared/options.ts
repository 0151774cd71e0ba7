// Flags several commands take, worded the same everywhere.
import { DATE_RANGE, inDateRange, relativeDate, yearOutOfRange } from '../../core/calendar/date.js';
import { UsageError } from '../../errors.js';
import { asOptionName } from '../../io/workspace.js';
import { formatDate } from '../../render/dates.js';

// Flags and their help, spread into commander's .option(); the commands never import commander itself,
// whose one copy lives in the entry bundle (see src/cli.ts).
// The name is checked as commander reads it, so a bad one is a usage error before anything is opened.
export const AS_OPTION = ['--as <name>', 'record as this person instead of the configured actor', asOptionName] as const;

/** On every write: success is silent on stdout (warnings and errors still reach stderr), for scripts. */
export const QUIET_OPTION = ['-q, --quiet', 'nothing on stdout when it succeeds (errors still on stderr)'] as const;

export const DATE_OPTION = ['--date <date>', 'the day to look at: YYYY-MM-DD, today, yesterday or tomorrow'] as const;

/** On a write: the day the change counts for. */
export const WRITE_DATE_OPTION = ['--date <date>', 'the day it counts for (YYYY-MM-DD, yesterday), not after today'] as const;

/**
 * `--date` (or another date flag, named by `flag`) accepts YYYY-MM-DD, today, yesterday and tomorrow
 * (in the workspace's time zone), within DATE_RANGE: every date flag of every command comes through here.
 */
export function resolveDate(input: string | undefined, today: string, flag = '--date'): string {
  if (input === undefined) return today;
  const date = relativeDate(input, today);
  if ((date !== null && !inDateRange(date)) || (date === null && yearOutOfRange(input))) {
    throw new UsageError(`${flag}: ${JSON.stringify(input)} is out of range`, `launch takes dates from ${DATE_RANGE.first} to ${DATE_RANGE.last}`);
  }
  if (!date) throw new UsageError(`${flag}: ${JSON.stringify(input)} is not a date`, 'use YYYY-MM-DD, today, yesterday or tomorrow');
  return date;
}

/**
 * `--date` on a write: the day the change counts for, never after today (a change cannot count for a
 * day that has not come). Undefined without --date.
 */
export function resolveWriteDate(input: string | undefined, today: string): string | undefined {
  if (input === undefined) return undefined;
  const date = resolveDate(input, today);
  if (date > today) throw new UsageError(`--date: ${formatDate(date)} is after today (${formatDate(today)}); nothing was recorded`, 'a change counts for today or a day before it');
  return date;
}

/**
 * A whole number given to a flag, in plain decimal digits: "2", never "0x2" (2), "1e1" (10), "2.0",
 * " 2" or "+2", which Number() would all accept and read as something else than was meant.
 */
export function wholeNumber(flag: string, input: string, what: string, example: string, min = 1): number {
  const n = /^\d{1,15}$/.test(input) ? Number(input) : NaN;
  if (!(n >= min)) throw new UsageError(`${flag}: "${input}" is not ${what}`, `write a whole number from ${min} in decimal digits, e.g. ${flag} ${example}`);
  return n;
}

/** --week: a plan week, 1 or more. */
export const weekNumber = (input: string): number => wholeNumber('--week', input, 'a week number', '2');
