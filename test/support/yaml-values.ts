// Values for YAML property tests: the strings YAML treats specially, then any text, in the scalars and
// nested mappings and lists that the plan's YAML holds.
import fc from 'fast-check';

/** Strings that are something else to YAML when written plain (booleans, nulls, numbers, indicators). */
export const TRICKY = ['', ' ', 'yes', 'No', 'null', '~', 'true', '1.5', '0x1F', '-', '- x', 'a: b', 'a #b', '#x', ':x', 'x:', '!tag', '&a', '*a',
  '|', '>', '"q"', "'q'", '[x]', '{x}', '%x', '@x', '`x`', '3+ devices', '99.9%', '<600KB', '>=5', '1e3', '.inf', 'a\nb', 'tab\there', '\u0007bell', 'émoji 🚀', '2026-11-30'];

/** `tricky` strings and any text of the given units; scalars of it; objects nesting them. */
export function yamlValues(tricky: readonly string[], units: readonly ('grapheme' | 'binary')[]) {
  const text = fc.oneof(fc.constantFrom(...tricky), fc.string(), ...units.map((unit) => fc.string({ unit })));
  const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const plain = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  })).object;
  return { text, plain };
}
