// The workspace's config.yaml: when the plan starts and how its weeks map onto the calendar.
// The type lives here, zod-free, for the start-up path; the schema is in config-schema.ts.
import type { Weekday } from '../plan/weekdays.js';

export interface Config {
  version: 1;
  /** Week 1 is the week containing this date. */
  start: string;
  /** IANA zone that decides which day an event belongs to. */
  timeZone: string;
  workingDays: Weekday[];
  holidays: string[];
  /** Who events are recorded as when --as is not given. */
  actor?: string;
}

export const DEFAULT_WORKING_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A new workspace's settings: Monday to Friday, no holidays. */
export function defaultConfig(start: string, timeZone: string): Config {
  return { version: 1, start, timeZone, workingDays: [...DEFAULT_WORKING_DAYS], holidays: [] };
}
