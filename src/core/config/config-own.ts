// config.yaml's schema, and the file read without the yaml library when it is exactly as launch writes
// it (../plan/yaml-read.ts): with the plan's own reader, a command after a change to the plan loads no
// yaml library at all.
import { z } from 'zod';
import { WeekdaySchema } from '../plan/schema.js';
import { readEmittedYaml } from '../plan/yaml-read.js';
import { DATE_RANGE, inDateRange, parsePlainDate, yearOutOfRange } from '../calendar/date.js';
import type { Config } from './config.js';

export const CONFIG_HEADER = '# launch workspace settings. Week 1 is the week containing `start`.\n';

// A date the calendar cannot do arithmetic on must stop here, with its line, not in every command.
const PlainDate = z.string().superRefine((s, ctx) => {
  const message = !/^\d{4}-\d{2}-\d{2}$/.test(s)
    ? 'expected a date as YYYY-MM-DD'
    : parsePlainDate(s) === null && !yearOutOfRange(s)
      ? `"${s}" is not a calendar date; expected one as YYYY-MM-DD`
      : !inDateRange(s)
        ? `"${s}" is out of range; expected a date from ${DATE_RANGE.first} to ${DATE_RANGE.last}`
        : undefined;
  if (message) ctx.addIssue({ code: 'custom', message });
});

export const ConfigSchema = z.strictObject({
  version: z.literal(1),
  start: PlainDate,
  timeZone: z.string().min(1),
  workingDays: z.array(WeekdaySchema).min(1),
  holidays: z.array(PlainDate),
  actor: z.string().optional(),
});

/** The settings, if the file is exactly as launch writes them and they pass the schema; else undefined. */
export function parseEmittedConfig(text: string): Config | undefined {
  if (!text.startsWith(CONFIG_HEADER)) return undefined;
  const data = readEmittedYaml(text.slice(CONFIG_HEADER.length));
  const parsed = data === undefined ? undefined : ConfigSchema.safeParse(data);
  return parsed?.success ? (parsed.data as Config) : undefined;
}
