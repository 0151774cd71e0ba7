import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fast = require('../../scripts/shims/string-width-fast.cjs') as ((s: string) => number) & { NARROW: RegExp };
const real = require('string-width') as (s: string) => number;

describe('the string-width shim cli-table3 is built with', () => {
  it('gives every character of its fast set the width string-width gives it: one column', () => {
    const narrow: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (fast.NARROW.test(ch)) narrow.push(ch);
    }
    expect(narrow.length).toBeGreaterThan(500);
    expect(narrow.filter((ch) => real(ch) !== 1)).toEqual([]);
  });

  it('agrees with string-width on any mix of narrow, wide, emoji, combining and coloured text', () => {
    const pieces = fc.constantFrom('a', 'Ü', '–', '·', '✔', '✖', '○', '■', '界', '🚀', '❤️', 'é', '\u0301', '\x1b[32m', '\x1b[39m', '#️⃣', ' ', '©', '©️');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(fast(s)).toBe(real(s));
      }),
      { numRuns: 500 },
    );
  });
});
