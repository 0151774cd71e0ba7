// What the build puts in dist/ (built by npm test's pretest): each heavy library once, in the chunk
// that holds it, and only the prompts launch asks. Each library is recognised by a string of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const dist = join(repoRoot, 'dist');
const bundles = () => readdirSync(dist).filter((f) => f.endsWith('.cjs'));
const holding = (text: string) => bundles().filter((f) => readFileSync(join(dist, f), 'utf8').includes(text));

describe('the bundles', () => {
  it('hold zod and yaml once each, in chunks of their own', () => {
    expect(holding('"ZodError"')).toEqual(['zod.cjs']);
    expect(holding('tag:yaml.org,2002:')).toEqual(['yaml.cjs']);
  });

  it('load zod and yaml only where they are used: not on the way to `today`', () => {
    // plan-write: what `import` loads to write the plan it made (src/lazy/plan-write.ts).
    for (const f of ['launch.cjs', 'cmd-today.cjs', 'cmd-check.cjs', 'cmd-sync.cjs', 'plan-write.cjs']) {
      expect(readFileSync(join(dist, f), 'utf8')).not.toMatch(/\.\/(zod|yaml)\.cjs/);
    }
  });

  it('hold the width libraries in a chunk of their own, required on first use, not at start-up', () => {
    // string-width builds an Intl.Segmenter and Unicode-set regexes when it loads (~280 M instructions).
    expect(holding('new Intl.Segmenter')).toEqual(['text-width.cjs']);
    for (const f of ['launch.cjs', 'cmd-today.cjs', 'cmd-check.cjs', 'cmd-kpis.cjs']) {
      // Only inside a getter: a require at the bundle's top level would load it on every run.
      const text = readFileSync(join(dist, f), 'utf8');
      if (f === 'cmd-today.cjs') expect(text).toContain('require("./text-width.cjs")');
      for (const m of text.matchAll(/require\("\.\/text-width\.cjs"\)/g)) expect(text.slice(Math.max(0, m.index! - 40), m.index)).toMatch(/=>\s*$/);
    }
  });

  it('bundle the four prompts launch asks, without the editor prompt and its encoding tables', () => {
    const prompts = readFileSync(join(dist, 'prompts.cjs'), 'utf8');
    expect(prompts).not.toMatch(/iconv|chardet|ExternalEditor/i);
    expect(statSync(join(dist, 'prompts.cjs')).size).toBeLessThan(150_000);
  });
});
