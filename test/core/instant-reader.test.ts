// instantsReader hands short runs to Date.parse: it must read every string exactly as parseInstant does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantsReader, parseInstant } from '../../src/core/calendar/instant.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Strings of launch's form and near it: any digits in every field, so invalid days, hours and offsets too. */
const nearForm = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 61 }),
    ms: fc.integer({ min: 0, max: 999 }),
    off: fc.oneof(fc.constant('Z'), fc.constant(''), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([sg, oh, om]) => `${sg}${pad(oh)}:${pad(om)}`)),
  })
  .map(({ y, mo, d, h, mi, s, ms, off }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}${off}`);

describe('instantsReader', () => {
  it('reads every string as parseInstant does, the engine\'s way for a few and the compiled way for many', () => {
    const few = instantsReader(10);
    const many = instantsReader(1_000_000);
    fc.assert(
      fc.property(fc.oneof(nearForm, fc.string()), (ts) => {
        expect(few(ts)).toBe(parseInstant(ts));
        expect(many(ts)).toBe(parseInstant(ts));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads real times of every offset to the millisecond', () => {
    const few = instantsReader(10);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (t, offset) => {
        const local = new Date(t + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const ts = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        expect(few(ts)).toBe(t);
        expect(few(`${new Date(t).toISOString()}`)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });
});
