// The workspace's config.yaml: when the plan starts and how its weeks map onto the calendar.
import { z } from 'zod';
import { WeekdaySchema } from './plan-schema.js';

const PlainDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ConfigSchema = z.strictObject({
  version: z.literal(1),
  /** Week 1 is the week containing this date. */
  start: PlainDate,
  /** IANA zone that decides which day an event belongs to. */
  timeZone: z.string().min(1),
  workingDays: z.array(WeekdaySchema).min(1),
  holidays: z.array(PlainDate),
  /** Who events are recorded as when --as is not given. */
  actor: z.string().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_WORKING_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
