// Ids made unique by assignIds: the counter step must give what counting from 2 each time gave (the
// ids of existing plans must not change), in time that grows linearly with the number of clashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds, none } from '../../src/core/import/ids.js';

/** The counter step as first written: for each id, try -2, -3, … until one is free. */
function countFromTwo(ids: readonly string[], reserved: ReadonlySet<string>): string[] {
  const fit = (id: string, max: number) => id.slice(0, max).replace(/-+$/, '');
  const seen = new Set(reserved);
  return ids.map((id) => {
    let unique = id;
    for (let n = 2; seen.has(unique); n++) unique = `${fit(id, 64 - String(n).length - 1)}-${n}`;
    seen.add(unique);
    return unique;
  });
}

describe('assignIds', () => {
  it('gives the same ids as counting from 2 for each clash', () => {
    const word = fc.constantFrom('a', 'b', 'a-2', 'a-3', 'b-2', 'x'.repeat(63), `${'y'.repeat(62)}-`, 'y'.repeat(62));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.uniqueArray(word, { maxLength: 3 }), (bases, reserved) => {
        const got = assignIds(bases, none, none, new Set(reserved));
        // With no longer forms or qualifiers, only the counter step changes ids.
        expect(got).toEqual(countFromTwo(bases, new Set(reserved)));
        expect(new Set(got).size).toBe(got.length);
        for (const id of got) expect(reserved).not.toContain(id);
      }),
      { numRuns: 300 },
    );
  });

  it('asks for the longer form and the qualifier of clashing ids only', () => {
    const asked: string[] = [];
    const longer = (i: number) => (asked.push(`longer ${i}`), `long-${i}`);
    const qualifier = (i: number) => (asked.push(`qualifier ${i}`), undefined);
    expect(assignIds(['a', 'b', 'a', 'c'], longer, qualifier)).toEqual(['long-0', 'b', 'long-2', 'c']);
    expect(asked).toEqual(['longer 0', 'longer 2']);
    asked.length = 0;
    const same = () => 'x';
    expect(assignIds(['x', 'y', 'x'], same, qualifier)).toEqual(['x', 'y', 'x-2']);
    expect(asked).toEqual(['qualifier 0', 'qualifier 2']);
  });

  it('20,000 items titled alike get distinct counters in order', () => {
    const ids = assignIds(Array(20_000).fill('same-task'), none, none);
    expect(ids.slice(0, 3)).toEqual(['same-task', 'same-task-2', 'same-task-3']);
    expect(ids.at(-1)).toBe('same-task-20000');
    expect(new Set(ids).size).toBe(20_000);
  });
});
