import { z } from 'zod';
import { EVENT_VERSION, MAX_EVENT_LINE_BYTES, isKnownType, parseInstant } from './events.js';

// Full validation of events with zod, for `launch doctor` and for tools that want to validate lines.
// Kept apart from ./events.ts so that only code that imports this file (src/io/event-log-doctor.ts)
// loads zod: every other command reads the log with the cheap `eventShapeProblem` and never pays
// for evaluating zod at start-up.

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// Built on first use, so importing this file costs no more than loading zod.
function buildSchemas() {
  const Text = z.string().max(MAX_EVENT_LINE_BYTES);
  const NonEmpty = z.string().min(1).max(256);
  const base = {
    v: z.literal(EVENT_VERSION),
    id: z.string().min(1).max(128),
    ts: z.string().refine((ts) => !Number.isNaN(parseInstant(ts)), {
      message: 'expected an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00',
    }),
    actor: NonEmpty,
  };
  const item = { item: NonEmpty };
  const value = z.looseObject({
    label: z.string().optional(),
    text: Text,
    status: z.enum(['met', 'missed']),
  });
  const known = z.discriminatedUnion('type', [
    z.looseObject({
      ...base,
      ...item,
      type: z.literal('check'),
      note: Text.optional(),
      values: z.array(value).optional(),
      missed: z.boolean().optional(),
    }),
    z.looseObject({ ...base, ...item, type: z.literal('uncheck') }),
    z.looseObject({ ...base, ...item, type: z.literal('block'), reason: Text }),
    z.looseObject({ ...base, ...item, type: z.literal('unblock') }),
    z.looseObject({ ...base, ...item, type: z.literal('note'), text: Text }),
    z.looseObject({
      ...base,
      type: z.literal('kpi'),
      item: NonEmpty.optional(),
      metric: NonEmpty,
      value: z.string().min(1).max(256),
      week: z.number().int().min(1),
      note: Text.optional(),
    }),
    z.looseObject({
      ...base,
      type: z.literal('standup'),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
      answers: z.record(z.string(), Text),
    }),
    z
      .looseObject({
        ...base,
        type: z.literal('escalate'),
        item: NonEmpty.optional(),
        level: NonEmpty.optional(),
        reason: Text.optional(),
        resolve: z.boolean().optional(),
      })
      .refine((e) => e.resolve === true || (e.level !== undefined && e.reason !== undefined), {
        message: 'an escalation needs a level and a reason (or "resolve": true)',
      }),
    z.looseObject({
      ...base,
      type: z.literal('undo'),
      target: z.string().min(1).max(128),
      item: NonEmpty.optional(),
    }),
  ]);
  const other = z.looseObject({ ...base, type: z.string().min(1), item: NonEmpty.optional() });
  return { known, other };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The zod schema of a known event type, for `doctor` and for tools that want to validate lines. */
export function eventSchema() {
  schemas ??= buildSchemas();
  return schemas.known;
}

/** Full validation of one parsed line; unknown types only need the common fields. */
export function validateEvent(x: unknown): { ok: true } | { ok: false; message: string } {
  schemas ??= buildSchemas();
  const type = isRecord(x) ? x.type : undefined;
  const schema = typeof type === 'string' && !isKnownType(type) ? schemas.other : schemas.known;
  const result = schema.safeParse(x);
  if (result.success) return { ok: true };
  const message = result.error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, message };
}
