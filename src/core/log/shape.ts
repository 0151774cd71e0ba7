// The check every line of the log gets when it is read: what the fold and the screens rely on, nothing
// more. No zod and no allocation on success, so it runs on every line of a long log; ./schema.ts is the
// full check `launch doctor` makes.
import { parseInstant } from '../calendar/instant.js';
import { EVENT_TYPES, isKnownType } from './event-types.js';
import { EVENT_VERSION, type LogEvent } from './events.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Why `x` is not a usable event, or null when it is. Events of unknown types need only the common fields. */
export function eventShapeProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'not a JSON object';
  if (x.v !== EVENT_VERSION) {
    return `unsupported version ${JSON.stringify(x.v) ?? 'undefined'} (expected "v":1)`;
  }
  if (typeof x.id !== 'string' || x.id === '') return 'missing "id"';
  if (typeof x.ts !== 'string' || Number.isNaN(parseInstant(x.ts))) {
    return '"ts" must be an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00';
  }
  if (x.recorded !== undefined && (typeof x.recorded !== 'string' || Number.isNaN(parseInstant(x.recorded)))) {
    return '"recorded" must be an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00';
  }
  if (typeof x.actor !== 'string' || x.actor === '') return 'missing "actor"';
  if (typeof x.type !== 'string' || x.type === '') return 'missing "type"';
  const row = isKnownType(x.type) ? EVENT_TYPES[x.type] : undefined;
  if (row?.needsItem ? typeof x.item !== 'string' || x.item === '' : x.item !== undefined && typeof x.item !== 'string') {
    return `"${x.type}" needs an "item"`;
  }
  return row ? row.problem(x) : null;
}

export function isLogEvent(x: unknown): x is LogEvent {
  return eventShapeProblem(x) === null;
}
