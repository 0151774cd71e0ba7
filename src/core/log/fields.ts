// What an event's fields may hold, said once. The reader's check of every line (./shape.ts) walks these
// specs, and doctor's zod schema (./schema.ts) is built from them, so a line the reader takes is a line
// doctor calls valid and the other way round (test/core/event-schema.test.ts tries random lines on
// both). Writing goes through the reader's check too (src/io/event-log-append.ts), so launch never
// writes a line it would later call malformed.
//
// Lengths count code points, a lone surrogate as one, as zod does.
import { parseInstant } from '../calendar/instant.js';
import { parsePlainDate } from '../calendar/date.js';
import { MAX_EVENT_LINE_BYTES } from './events.js';

export type Field = (
  | { kind: 'string'; min: number; max: number }
  /** ISO-8601 with an offset (../calendar/instant.ts). */
  | { kind: 'instant' }
  /** YYYY-MM-DD, a real calendar day. */
  | { kind: 'date' }
  /** A safe integer, at least `min`. */
  | { kind: 'count'; min: number }
  | { kind: 'boolean' }
  | { kind: 'literal'; value: number }
  | { kind: 'oneOf'; values: readonly [string, ...string[]] }
  | { kind: 'list'; of: Field }
  /** An object with these fields; others are kept and ignored. */
  | { kind: 'object'; fields: Fields }
  /** An object of any keys, each value an `of`. */
  | { kind: 'map'; of: Field }
) & { optional?: true };

export type Fields = Readonly<Record<string, Field>>;

/** A rule across fields, checked once every field holds. */
export interface FieldsRule {
  holds(x: Record<string, unknown>): boolean;
  message: string;
}

export const optional = <F extends Field>(f: F): F => ({ ...f, optional: true });
export const string = (min: number, max: number): Field => ({ kind: 'string', min, max });

/** Free text: notes, reasons, answers (the line limit bounds it first). */
export const TEXT = string(0, MAX_EVENT_LINE_BYTES);
/** A short non-empty string: actors, item ids, metrics, levels. */
export const NAME = string(1, 256);
export const EVENT_ID = string(1, 128);
export const INSTANT: Field = { kind: 'instant' };

/** What every event has besides its type's fields. */
export const BASE_FIELDS: Fields = {
  v: { kind: 'literal', value: 1 },
  id: EVENT_ID,
  ts: INSTANT,
  recorded: optional(INSTANT),
  actor: NAME,
  type: string(1, MAX_EVENT_LINE_BYTES),
};

export const INSTANT_MESSAGE = 'expected an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00';
export const DATE_MESSAGE = 'expected a date as YYYY-MM-DD';

export const isInstant = (s: string): boolean => !Number.isNaN(parseInstant(s));
export const isDate = (s: string): boolean => parsePlainDate(s) !== null;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** As zod measures: code points, counted only when the UTF-16 units leave the answer in doubt. */
function lengthFits(s: string, min: number, max: number): boolean {
  const units = s.length;
  const maxOk = units <= max || codePoints(s) <= max;
  const minOk = units >= 2 * min || (units >= min && codePoints(s) >= min);
  return maxOk && minOk;
}

/** Why `value` is not a `field`, or null. */
function fieldProblem(field: Field, value: unknown, path: string): string | null {
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') return `"${path}": expected a string`;
      if (lengthFits(value, field.min, field.max)) return null;
      return field.min > 0 && value === '' ? `"${path}" is empty` : `"${path}": expected ${field.min > 0 ? `${field.min} to ` : 'at most '}${field.max} characters`;
    case 'instant':
      return typeof value === 'string' && isInstant(value) ? null : `"${path}": ${INSTANT_MESSAGE}`;
    case 'date':
      return typeof value === 'string' && isDate(value) ? null : `"${path}": ${DATE_MESSAGE}`;
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= field.min ? null : `"${path}": expected a whole number, at least ${field.min}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${path}": expected true or false`;
    case 'literal':
      return value === field.value ? null : `"${path}": expected ${field.value}`;
    case 'oneOf':
      return typeof value === 'string' && field.values.includes(value) ? null : `"${path}": expected ${field.values.map((v) => `"${v}"`).join(' or ')}`;
    case 'list':
      if (!Array.isArray(value)) return `"${path}": expected a list`;
      for (let i = 0; i < value.length; i++) {
        const problem = fieldProblem(field.of, value[i], `${path}.${i}`);
        if (problem !== null) return problem;
      }
      return null;
    case 'object':
      return isRecord(value) ? fieldsProblem(field.fields, value, `${path}.`) : `"${path}": expected an object`;
    case 'map':
      if (!isRecord(value)) return `"${path}": expected an object`;
      for (const key of Object.keys(value)) {
        const problem = fieldProblem(field.of, value[key], `${path}.${key}`);
        if (problem !== null) return problem;
      }
      return null;
  }
}

/** Why the object `x` does not hold `fields`, or null; `prefix` names where it sits ("values.0."). */
export function fieldsProblem(fields: Fields, x: Record<string, unknown>, prefix = ''): string | null {
  for (const name in fields) {
    const field = fields[name]!;
    const value = x[name];
    if (value === undefined) {
      if (field.optional) continue;
      return `missing "${prefix}${name}"`;
    }
    const problem = fieldProblem(field, value, prefix + name);
    if (problem !== null) return problem;
  }
  return null;
}
