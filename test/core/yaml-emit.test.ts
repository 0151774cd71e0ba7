import fc from 'fast-check';
import { TRICKY, yamlValues } from '../support/yaml-values.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../../src/core/plan/yaml-emit.js';

// JSON-like values as plans hold them, with the strings YAML is touchy about mixed in.
const { plain } = yamlValues(TRICKY, ['grapheme']);

describe('toYaml', () => {
  it('every JSON-like value survives emit → parse (yaml library, default schema)', () => {
    fc.assert(
      fc.property(plain, (value) => {
        const round = parse(toYaml(value));
        expect(round).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 400 },
    );
  });

  it('writes block style that reads like the yaml library output', () => {
    expect(toYaml({ id: 'x', weeks: { from: 1, to: 2 }, steps: ['$ npm run build', 'a: b'], empty: [], none: {} })).toBe(
      'id: x\nweeks:\n  from: 1\n  to: 2\nsteps:\n  - $ npm run build\n  - "a: b"\nempty: []\nnone: {}\n',
    );
    expect(toYaml({ items: [{ id: 'a', line: 1 }, { id: 'b' }] })).toBe('items:\n  - id: a\n    line: 1\n  - id: b\n');
    expect(toYaml({ grid: [[1, [2]], [], {}], skip: undefined, after: 'x' })).toBe('grid:\n  -\n    - 1\n    -\n      - 2\n  - []\n  - {}\nafter: x\n');
  });

  it('writes what has no lines as one line end, and a lone scalar as one line', () => {
    expect(toYaml({ a: undefined })).toBe('\n');
    expect(toYaml([{ a: undefined }])).toBe('\n');
    expect(toYaml({})).toBe('{}\n');
    expect(toYaml([])).toBe('[]\n');
    expect(toYaml('yes')).toBe(' "yes"\n');
  });

  it('the bundled plan round-trips', () => {
    const plan = parse(readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
    expect(parse(toYaml(plan))).toEqual(plan);
  });
});
