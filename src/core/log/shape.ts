// The check every line of the log gets when it is read, and every event gets before it is written:
// the fields of ./fields.ts, walked by hand. No zod and no allocation on success, so it runs on every
// line of a long log; ./schema.ts is the same specs as zod, for `launch doctor`'s detailed messages.
import { EVENT_TYPES, isKnownType } from './event-types.js';
import { EVENT_VERSION, type LogEvent } from './events.js';
import { BASE_FIELDS, fieldsProblem, type Fields, NAME, optional } from './fields.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The fields of an event of a type this version does not know: the common ones and an optional item. */
export const OTHER_FIELDS: Fields = { item: optional(NAME) };

/** Why `x` is not a usable event, or null when it is. Events of unknown types need only the common fields. */
export function eventShapeProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'not a JSON object';
  if (x.v !== EVENT_VERSION) {
    return `unsupported version ${JSON.stringify(x.v) ?? 'undefined'} (expected "v":1)`;
  }
  const base = fieldsProblem(BASE_FIELDS, x);
  if (base !== null) return base;
  const row = isKnownType(x.type as string) ? EVENT_TYPES[x.type as keyof typeof EVENT_TYPES] : undefined;
  if (row === undefined) return fieldsProblem(OTHER_FIELDS, x);
  const own = fieldsProblem(row.fields, x);
  if (own !== null) return `${x.type}: ${own}`;
  return row.rule === undefined || row.rule.holds(x) ? null : `${x.type}: ${row.rule.message}`;
}

export function isLogEvent(x: unknown): x is LogEvent {
  return eventShapeProblem(x) === null;
}
