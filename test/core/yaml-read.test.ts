// The reader of launch's own YAML layout (src/core/plan/yaml-read.ts) must give what the yaml library
// gives, or nothing: over generated values, generated plans, every fixture plan, and texts edited by
// hand or at random.
import fc from 'fast-check';
import { TRICKY, yamlValues } from '../support/yaml-values.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import type { Plan } from '../../src/core/plan/schema.js';
import { toYaml } from '../../src/core/plan/yaml-emit.js';
import { readEmittedYaml } from '../../src/core/plan/yaml-read.js';
import { parseAnyPlanYaml, parsePlanYaml, planToYaml, readEmittedPlan } from '../../src/core/plan/yaml.js';
import { parseEmittedConfig } from '../../src/core/config/config-own.js';
import { configToYaml, parseConfigYaml } from '../../src/core/config/yaml.js';

const root = new URL('../..', import.meta.url).pathname;
const bundledText = readFileSync(join(root, 'plans', 'securenet-launch.yaml'), 'utf8');

/** What the yaml library reads, or undefined where it refuses the text. */
function library(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: true });
  } catch {
    return undefined;
  }
}

// Strings YAML is touchy about, and characters JSON.stringify leaves raw inside quotes.
// Beyond the emitter's test: C1 and line-separator controls, a BOM, a lone surrogate, a key over 1024 characters.
const { text, plain } = yamlValues([...TRICKY, 'a:b', 'nel\u0085x', 'ls\u2028x', '\ufeffbom', 'c1\u009bx', 'del\u007f', '\ud800lone', 'x'.repeat(1030), '---', '...', 'a\\b', '"'], ['grapheme', 'binary']);

/** Plans: the bundled one with its text fields, numbers and meta replaced by generated ones. */
const bundled = parsePlanYaml(bundledText);
if (!bundled.ok) throw new Error('the bundled plan does not parse');
const planArb: fc.Arbitrary<Plan> = fc
  .record({ texts: fc.array(text, { minLength: 1, maxLength: 30 }), lines: fc.array(fc.integer({ min: 1, max: 2 ** 31 }), { minLength: 1 }), meta: fc.dictionary(text, text, { maxKeys: 4 }), cut: fc.nat() })
  .map(({ texts, lines, meta, cut }) => {
    let t = 0;
    let l = 0;
    const next = () => texts[t++ % texts.length]!;
    const items = bundled.plan.items.slice(cut % 50, 1 + (cut % 50) + (cut % 4)).map((item) => ({
      ...item,
      title: next() || 'x',
      ...(item.detail !== undefined ? { detail: next() } : {}),
      steps: [next(), next()],
      line: lines[l++ % lines.length]!,
    }));
    return { ...bundled.plan, title: next(), description: next(), meta, items };
  });

describe('readEmittedYaml', () => {
  it('reads every emitted value as the yaml library does', () => {
    fc.assert(
      fc.property(plain, (value) => {
        const yaml = toYaml(value);
        const fast = readEmittedYaml(yaml);
        if (fast !== undefined) expect(fast).toEqual(library(yaml));
        // Only the keys the yaml library refuses (over 1000 characters) or the plan refuses are left to it.
        else expect(Object.keys(value).length === 0 || JSON.stringify(value).match(/"(?:__proto__|constructor|prototype)":|"[^"]{1000,}":/) !== null).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('an edited text is read as the yaml library reads it, or left to it', () => {
    const edit = fc.record({ at: fc.nat(), what: fc.constantFrom('insert', 'delete', 'comment', 'blank', 'indent', 'swap', 'join'), piece: fc.constantFrom(' ', '#', '- ', ': ', '"', "'", '&a ', '*a', '!!str ', '{', '[', '\t', '---\n', '\n', 'x', '0', '  '), n: fc.nat() });
    fc.assert(
      fc.property(fc.oneof({ arbitrary: plain.map(toYaml), weight: 4 }, { arbitrary: planArb.map((p) => toYaml(p)), weight: 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (yaml, edits) => {
        let edited = yaml;
        for (const e of edits) {
          const at = e.at % (edited.length + 1);
          const lines = edited.split('\n');
          const li = e.n % lines.length;
          if (e.what === 'insert') edited = edited.slice(0, at) + e.piece + edited.slice(at);
          else if (e.what === 'delete') edited = edited.slice(0, at) + edited.slice(at + 1);
          else if (e.what === 'comment') lines.splice(li, 0, '# note'), (edited = lines.join('\n'));
          else if (e.what === 'blank') lines.splice(li, 0, ''), (edited = lines.join('\n'));
          else if (e.what === 'indent') (lines[li] = `  ${lines[li]}`), (edited = lines.join('\n'));
          else if (e.what === 'swap' && li + 1 < lines.length) [lines[li], lines[li + 1]] = [lines[li + 1]!, lines[li]!], (edited = lines.join('\n'));
          else if (e.what === 'join' && li + 1 < lines.length) lines.splice(li, 2, `${lines[li]} ${lines[li + 1]}`), (edited = lines.join('\n'));
        }
        const fast = readEmittedYaml(edited);
        if (fast !== undefined) expect(fast).toEqual(library(edited));
      }),
      { numRuns: 500 },
    );
  });
  it('a key like the one before it at its column is read whole (the reader guesses keys from the last mapping)', () => {
    const cases = [
      ['a:', '  - id: p', '    line: 1', '  - id: q', '    lines: 2'],
      ['a:', '  - id: p', '    line: 1', '  - id: q', '    line:x: 2'],
      ['a:', '  - id: p', '    line: 1', '  - id: q', '    line : 2'],
      ['a:', '  - "yes": p', '    b: 1', '  - yes: q', '    b: 2'],
      ['a:', '  - id: p', '  - id: p', '    id: q'],
    ];
    for (const lines of cases) {
      const yaml = `${lines.join('\n')}\n`;
      const fast = readEmittedYaml(yaml);
      if (fast !== undefined) expect(fast).toEqual(library(yaml));
    }
    expect(readEmittedYaml(`${cases[0]!.join('\n')}\n`)).toEqual({ a: [{ id: 'p', line: 1 }, { id: 'q', lines: 2 }] });
    expect(readEmittedYaml(`${cases[4]!.join('\n')}\n`)).toBeUndefined();
  });
});

describe('parsePlanYaml', () => {
  it('gives the same plan from launch\'s own YAML as the yaml library path, over generated plans', () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), (plan, named) => {
        const yaml = planToYaml(plan, named ? 'plan.md' : undefined);
        // A key the plan refuses by name (generated meta may hold one) is left to the full reader,
        // which says where it is; the yaml library itself reads it.
        const reserved = Object.keys(plan.meta ?? {}).some((k) => ['__proto__', 'constructor', 'prototype'].includes(k));
        expect(readEmittedPlan(yaml)).toEqual(reserved ? undefined : library(yaml));
        expect(parsePlanYaml(yaml)).toEqual(parseAnyPlanYaml(yaml));
      }),
      { numRuns: 20 },
    );
  });

  it('reads the bundled plan and every fixture plan without the yaml library, to the same plan', () => {
    const texts = [bundledText];
    for (const dir of ['test/fixtures/plans', 'test/fixtures/constructs']) {
      for (const f of readdirSync(join(root, dir))) {
        const { plan } = importMarkdown(readFileSync(join(root, dir, f), 'utf8'), { sourceName: f });
        texts.push(planToYaml(plan, f));
      }
    }
    for (const doc of ['README.md', 'plans/securenet-launch.md']) texts.push(planToYaml(importMarkdown(readFileSync(join(root, doc), 'utf8'), { sourceName: doc }).plan, doc));
    for (const yaml of texts) {
      expect(readEmittedPlan(yaml)).toBeDefined();
      const fast = parsePlanYaml(yaml);
      expect(fast.ok).toBe(true);
      expect(fast).toEqual(parseAnyPlanYaml(yaml));
    }
  });

  it('a plan edited by hand (comments, other key order, other quoting) is read by the yaml library, to the same plan', () => {
    const edited = bundledText
      .replace(/^schema: 1\n/m, '# our plan, edited by hand\nschema: 1 # the format\n')
      .replace(/^(id: .*)\n(title: .*)\n/m, '$2\n$1\n')
      .replace(/^(\s+)title: (Redis .*)$/m, "$1title: '$2'")
      .replace(/^(\s+- id: )([a-z-]+)$/m, '$1"$2"');
    expect(edited).not.toBe(bundledText);
    expect(readEmittedPlan(edited)).toBeUndefined();
    expect(parsePlanYaml(edited)).toEqual(bundled);
    // A file that looks like launch's but does not validate is still reported at its line.
    const bad = bundledText.replace(/^totalWeeks: \d+$/m, 'totalWeeks: -1');
    expect(readEmittedPlan(bad)).toBeDefined();
    const parsed = parsePlanYaml(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ path: 'totalWeeks', line: bundledText.split('\n').findIndex((l) => l.startsWith('totalWeeks:')) + 1 });
  });
});

describe('parseEmittedConfig', () => {
  it('gives the settings launch wrote as the yaml library path does, and leaves any other file to it', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
    const configArb = fc.record({
      version: fc.constant(1 as const),
      start: day,
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'yes', 'a: b'),
      workingDays: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, { minLength: 1 }),
      holidays: fc.array(day, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(configArb, (config) => {
        const yaml = configToYaml(config as never);
        const full = parseConfigYaml(yaml);
        expect(full.ok).toBe(true);
        expect(parseEmittedConfig(yaml)).toEqual(full.ok ? full.config : undefined);
        const edited = yaml.replace('\nstart: ', '\nstart:  ');
        expect(parseEmittedConfig(edited)).toBeUndefined();
        expect(parseConfigYaml(edited)).toEqual(full);
      }),
      { numRuns: 50 },
    );
    expect(parseEmittedConfig(configToYaml({ version: 1, start: '2026-02-30', timeZone: 'UTC', workingDays: ['mon'], holidays: [] }))).toBeUndefined();
  });
});
