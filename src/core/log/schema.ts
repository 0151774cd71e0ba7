// Full validation of events with zod, for `launch doctor` and for tools that want to validate lines:
// the specs of ./fields.ts as zod schemas, so doctor and the reader (./shape.ts) accept the same lines.
// Only code that imports this file loads zod.
import { z, type ZodType } from 'zod';
import { EVENT_TYPES, isKnownType, TYPE_NAMES } from './event-types.js';
import { BASE_FIELDS, DATE_MESSAGE, type Field, type Fields, INSTANT_MESSAGE, isDate, isInstant } from './fields.js';
import { OTHER_FIELDS } from './shape.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function zodOf(field: Field): ZodType {
  const schema = required(field);
  return field.optional ? schema.optional() : schema;
}

function required(field: Field): ZodType {
  switch (field.kind) {
    case 'string':
      return z.string().min(field.min).max(field.max);
    case 'instant':
      return z.string().refine(isInstant, { message: INSTANT_MESSAGE });
    case 'date':
      return z.string().refine(isDate, { message: DATE_MESSAGE });
    case 'count':
      return z.number().int().min(field.min);
    case 'boolean':
      return z.boolean();
    case 'literal':
      return z.literal(field.value);
    case 'oneOf':
      return z.enum(field.values);
    case 'list':
      return z.array(required(field.of));
    case 'object':
      return z.looseObject(shapeOf(field.fields));
    case 'map':
      return z.record(z.string(), required(field.of));
  }
}

const shapeOf = (fields: Fields): Record<string, ZodType> => Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, zodOf(f)]));

// Built on first use, so importing this file costs no more than loading zod.
function buildSchemas() {
  const base = shapeOf(BASE_FIELDS);
  const byType = new Map(
    TYPE_NAMES.map((type) => {
      const { fields, rule } = EVENT_TYPES[type];
      const object = z.looseObject({ ...base, ...shapeOf(fields) });
      return [type, rule === undefined ? object : object.refine((e) => rule.holds(e), { message: rule.message })] as const;
    }),
  );
  const other = z.looseObject({ ...base, ...shapeOf(OTHER_FIELDS) });
  return { byType, other };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** Full validation of one parsed line; unknown types only need the common fields. */
export function validateEvent(x: unknown): { ok: true } | { ok: false; message: string } {
  schemas ??= buildSchemas();
  const type = isRecord(x) ? x.type : undefined;
  const schema: ZodType = typeof type === 'string' && isKnownType(type) ? schemas.byType.get(type)! : schemas.other;
  const result = schema.safeParse(x);
  if (result.success) return { ok: true };
  const message = result.error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, message };
}

/**
 * One schema for any line of the log, for the published JSON Schema (schemas/event.schema.json): each
 * known type with its fields, or a type launch does not know yet, which needs only the common fields.
 * Rules across fields (`rule`) are checks in code that a JSON Schema does not carry.
 */
export function eventLineSchema(): ZodType {
  const base = shapeOf(BASE_FIELDS);
  const known = TYPE_NAMES.map((type) => z.looseObject({ ...base, ...shapeOf(EVENT_TYPES[type].fields), type: z.literal(type) }));
  const unknownType = z.string().regex(new RegExp(`^(?!(?:${TYPE_NAMES.join('|')})$)`), 'a type launch does not know');
  const other = z.looseObject({ ...base, ...shapeOf(OTHER_FIELDS), type: unknownType });
  return z.union([...known, other]);
}
