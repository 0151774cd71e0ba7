// Full validation of events with zod, for `launch doctor` and for tools that want to validate lines.
// The schemas come from the rows of ./event-types.ts; only code that imports this file loads zod.
import { z } from 'zod';
import { parseInstant } from '../calendar/instant.js';
import { EVENT_TYPES, isKnownType, type SchemaParts, TYPE_NAMES } from './event-types.js';
import { EVENT_VERSION, MAX_EVENT_LINE_BYTES } from './events.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

// Built on first use, so importing this file costs no more than loading zod.
function buildSchemas() {
  const nonEmpty = z.string().min(1).max(256);
  const instant = z.string().refine((ts) => !Number.isNaN(parseInstant(ts)), {
    message: 'expected an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00',
  });
  const parts: SchemaParts = {
    base: {
      v: z.literal(EVENT_VERSION),
      id: z.string().min(1).max(128),
      ts: instant,
      recorded: instant.optional(),
      actor: nonEmpty,
    },
    item: nonEmpty,
    text: z.string().max(MAX_EVENT_LINE_BYTES),
    nonEmpty,
  };
  const byType = new Map(TYPE_NAMES.map((type) => [type, EVENT_TYPES[type].schema(z, parts)]));
  const other = z.looseObject({ ...parts.base, type: z.string().min(1), item: nonEmpty.optional() });
  return { byType, other };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** Full validation of one parsed line; unknown types only need the common fields. */
export function validateEvent(x: unknown): { ok: true } | { ok: false; message: string } {
  schemas ??= buildSchemas();
  const type = isRecord(x) ? x.type : undefined;
  const schema = typeof type === 'string' && isKnownType(type) ? schemas.byType.get(type)! : schemas.other;
  const result = schema.safeParse(x);
  if (result.success) return { ok: true };
  const message = result.error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, message };
}
