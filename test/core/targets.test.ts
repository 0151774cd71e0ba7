import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { NumericTarget, Target } from '../../src/core/targets/schema.js';
import { TargetSchema } from '../../src/core/targets/schema.js';
import {
  evaluate, extractThresholds, formatQuantity, formatTarget, measurementsFromArgs, parseMeasurement, parseTarget,
  type Measured,
} from '../../src/core/targets/targets.js';

const target = (text: string): Target => {
  const t = parseTarget(text);
  if (!t) throw new Error(`did not parse: ${text}`);
  return t;
};
const numeric = (text: string): NumericTarget => {
  const t = target(text);
  if (t.kind !== 'numeric') throw new Error(`not numeric: ${text}`);
  return t;
};
const measured = (text: string, t?: Target): Measured => {
  const r = parseMeasurement(text, t);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const verdict = (value: string, targetText: string, ladder?: string[]) => {
  const t = target(targetText);
  return evaluate(t, measured(value, t), ladder);
};
const amountOf = (text: string) => {
  const m = measured(text);
  if ('word' in m) throw new Error(`not an amount: ${text}`);
  return m;
};
const withoutText = ({ text: _text, ...rest }: Target) => rest;
const brief = (ts: NumericTarget[]) => ts.map((t) => formatTarget(t));

describe('parseTarget', () => {
  it.each([
    ['<600KB', { op: '<', value: 600_000, dimension: 'size', unit: 'KB' }],
    ['>80%', { op: '>', value: 80, dimension: 'percent', unit: '%' }],
    ['<=2s', { op: '<=', value: 2000, dimension: 'time', unit: 's' }],
    ['>= 5', { op: '>=', value: 5, dimension: 'number' }],
    ['<2.5s', { op: '<', value: 2500, dimension: 'time', unit: 's' }],
    ['<15min', { op: '<', value: 900_000, dimension: 'time', unit: 'min' }],
    ['<15 minutes', { op: '<', value: 900_000, dimension: 'time', unit: 'minutes' }],
    ['>4.0/5', { op: '>', value: 4, dimension: 'ratio', unit: '/5' }],
    ['500 users', { op: '>=', value: 500, dimension: 'count', unit: 'users' }],
    ['50%', { op: '>=', value: 50, dimension: 'percent', unit: '%' }],
    ['100%', { op: '>=', value: 100, dimension: 'percent', unit: '%' }],
    ['= 0 errors', { op: '=', value: 0, dimension: 'count', unit: 'errors' }],
    ['100+ concurrent connections', { op: '>=', value: 100, dimension: 'count', unit: 'concurrent connections' }],
    ['3+ devices', { op: '>=', value: 3, dimension: 'count', unit: 'devices' }],
    ['10K+ rows', { op: '>=', value: 10_000, dimension: 'count', unit: 'rows' }],
    ['100 req/min', { op: '>=', value: 100, dimension: 'count', unit: 'req/min' }],
    ['>85', { op: '>', value: 85, dimension: 'number' }],
    ['<0.1', { op: '<', value: 0.1, dimension: 'number' }],
    ['≤1.5GB', { op: '<=', value: 1.5e9, dimension: 'size', unit: 'GB' }],
    ['LCP <2.5s', { op: '<', value: 2500, dimension: 'time', unit: 's', label: 'LCP' }],
  ])('%s', (text, expected) => {
    expect(parseTarget(text)).toEqual({ kind: 'numeric', text, ...expected });
  });

  it.each(['Pass', 'Complete', 'Functional', 'Optimized', 'In Progress'])('word %s', (text) => {
    expect(parseTarget(text)).toEqual({ kind: 'word', text, word: text.toLowerCase() });
  });

  it.each(['', '   ', '???', '600XB', '5m', '3-4', '>', 'N/A', '>4/0'])('refuses %j', (text) => {
    expect(parseTarget(text)).toBeNull();
  });

  it('parses every KPI cell of the seed plan, and the results satisfy the schema', () => {
    const plan = readFileSync(new URL('../../plans/securenet-launch.md', import.meta.url), 'utf8');
    const section = plan.slice(plan.indexOf('Weekly Success Metrics Tracking')).split(/\n---/)[0]!;
    const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(Metric|-)/.test(l));
    const cells = rows.flatMap((r) => r.split('|').slice(2, -1).map((c) => c.trim()));
    expect(cells).toHaveLength(32);
    for (const cell of cells) expect(TargetSchema.parse(parseTarget(cell)), cell).toBeTruthy();
    expect(cells.map((c) => target(c).kind).filter((k) => k === 'word')).toHaveLength(4);
  });
});

describe('parseMeasurement', () => {
  const bundle = target('<600KB');

  it('reads values with and without a target', () => {
    expect(measured('540KB')).toEqual({ value: 540_000, dimension: 'size', unit: 'KB' });
    expect(measured('0.54MB')).toEqual({ value: 540_000, dimension: 'size', unit: 'MB' });
    expect(measured('85%')).toEqual({ value: 85, dimension: 'percent', unit: '%' });
    expect(measured('750 users')).toEqual({ value: 750, dimension: 'count', unit: 'users' });
    expect(measured('750')).toEqual({ value: 750, dimension: 'number' });
    expect(measured('1.8s')).toEqual({ value: 1800, dimension: 'time', unit: 's' });
    expect(measured('4.2/5')).toEqual({ value: 4.2, dimension: 'ratio', unit: '/5' });
    expect(measured('Pass')).toEqual({ word: 'pass' });
  });

  it('lets a count go without its noun, and refuses any other unit-less number with the unit to write', () => {
    expect(measured('750', target('500 users'))).toEqual({ value: 750, dimension: 'count', unit: 'users' });
    expect(measured('0.05', target('<0.1'))).toEqual({ value: 0.05, dimension: 'number' });
    const refused = (text: string, t: string) => {
      const r = parseMeasurement(text, target(t));
      return r.ok ? 'accepted' : r.reason;
    };
    expect(refused('480', '<500KB')).toBe('"480" has no unit, but <500KB is a size; write it as 480KB');
    expect(refused('4.2', '>4.0/5')).toBe('"4.2" has no unit, but >4/5 is a rating; write it as 4.2/5');
    expect(refused('12', '<15min')).toBe('"12" has no unit, but <15min is a time; write it as 12min');
    expect(refused('45', '<50ms')).toBe('"45" has no unit, but <50ms is a time; write it as 45ms');
    expect(refused('85', '>80%')).toBe('"85" has no unit, but >80% is a percentage; write it as 85%');
  });

  it('normalises a rating to the target denominator', () => {
    expect(measured('8.4/10', target('>4.0/5'))).toEqual({ value: 4.2, dimension: 'ratio', unit: '/5' });
  });

  // Ambiguous or impossible values are refused with what to write, never guessed.
  it('refuses a lowercase b after K, M or G: bits, not bytes', () => {
    for (const [text, reason] of [
      ['480Kb', '"480Kb": a lowercase b is bits (480Kb is 60KB); write 480KB if you mean bytes'],
      ['480kb', '"480kb": a lowercase b is bits (480kb is 60KB); write 480KB if you mean bytes'],
      ['5 Mb', '"5 Mb": a lowercase b is bits (5 Mb is 0.625MB); write 5MB if you mean bytes'],
      ['1Gb', '"1Gb": a lowercase b is bits (1Gb is 0.125GB); write 1GB if you mean bytes'],
    ]) {
      for (const t of [undefined, bundle]) {
        const r = parseMeasurement(text!, t);
        expect(r.ok ? 'accepted' : r.reason, text).toBe(reason);
      }
    }
    expect(measured('480KB', bundle)).toEqual({ value: 480_000, dimension: 'size', unit: 'KB' });
    expect(measured('480kB', bundle)).toEqual({ value: 480_000, dimension: 'size', unit: 'KB' });
    // In a plan, the target is shown back as KB, so the reading is there to see.
    expect(formatTarget(target('<500kb'))).toBe('<500KB');
  });

  it('refuses a rating above its scale', () => {
    for (const [text, t] of [['6/5', '>4.0/5'], ['5.1/5', '>4.0/5'], ['11/10', '>4.0/5'], ['6/5', undefined]] as const) {
      const r = parseMeasurement(text, t === undefined ? undefined : target(t));
      expect(r.ok ? 'accepted' : r.reason, text).toMatch(new RegExp(`^"${text}" is above its scale: a rating out of \\d+ is at most \\d+$`));
    }
    expect(measured('5/5', target('>4.0/5'))).toEqual({ value: 5, dimension: 'ratio', unit: '/5' });
    expect(measured('10/10', target('>4.0/5'))).toEqual({ value: 5, dimension: 'ratio', unit: '/5' });
  });

  it.each([
    ['abc', /"abc" is a word, but <600KB needs a size/],
    ['#!', /"#!" is not a number/],
    ['600XB', /unknown unit "XB"/],
    ['5ms', /"5ms" is a time, but <600KB is a size/],
    ['Pass', /is a word/],
    ['<500KB', /looks like a target/],
  ])('refuses %j for <600KB with an example of the expected form', (text, reason) => {
    const r = parseMeasurement(text, bundle);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(reason);
    expect(r.expected).toBe('a size like 600KB (B, KB, MB or GB)');
  });

  it('refuses a count of something else', () => {
    const r = parseMeasurement('750 rows', target('500 users'));
    expect(r.ok).toBe(false);
    expect(parseMeasurement('1 user', target('500 users')).ok).toBe(true);
  });

  it('accepts any word for a word target, and only words', () => {
    expect(measured('Optimized', target('Functional'))).toEqual({ word: 'optimized' });
    expect(parseMeasurement('42', target('Pass'))).toMatchObject({ ok: false, expected: 'a word such as Pass' });
  });
});

describe('evaluate', () => {
  it('holds the must-hold facts of the bundled plan', () => {
    expect(verdict('540KB', '<600KB')).toBe('met');
    expect(verdict('540KB', '<500KB')).toBe('missed');
    expect(verdict('85%', '>60%')).toBe('met');
    expect(verdict('85%', '>80%')).toBe('met');
    expect(verdict('Pass', 'Pass', ['pass', 'complete'])).toBe('met');
    expect(verdict('750 users', '500 users')).toBe('met');
    expect(verdict('750 users', '1000 users')).toBe('missed');
  });

  it('converts units before comparing', () => {
    expect(evaluate(numeric('=540KB'), measured('0.54MB'))).toBe('met');
    expect(evaluate(numeric('=90s'), measured('1.5min'))).toBe('met');
    expect(verdict('0.6MB', '<600KB')).toBe('missed');
    expect(verdict('0.6MB', '<=600KB')).toBe('met');
    expect(verdict('8.4/10', '>4.0/5')).toBe('met');
    expect(verdict('0.3', '>= 0.1')).toBe('met');
    expect(evaluate(numeric('=0.3'), measured('0.3'))).toBe('met');
    expect(evaluate(numeric('=0.3'), { value: 0.1 + 0.2, dimension: 'number' })).toBe('met');
  });

  it('misses across dimensions and between words and numbers', () => {
    expect(evaluate(numeric('<600KB'), measured('5ms'))).toBe('missed');
    expect(evaluate(numeric('<600KB'), { word: 'pass' })).toBe('missed');
    expect(evaluate(target('Pass'), measured('100%'))).toBe('missed');
  });

  it('climbs the ladder of qualitative words', () => {
    const security = ['pass', 'complete'];
    const onboarding = ['functional', 'optimized'];
    expect(verdict('Complete', 'Pass', security)).toBe('met');
    expect(verdict('Pass', 'Complete', security)).toBe('missed');
    expect(verdict('Optimized', 'Functional', onboarding)).toBe('met');
    expect(verdict('Functional', 'Optimized', onboarding)).toBe('missed');
    expect(verdict('Broken', 'Functional', onboarding)).toBe('missed');
    for (const w of ['complete', 'Completed', 'done', 'passed', 'pass']) expect(verdict(w, 'Pass'), w).toBe('met');
    expect(verdict('done', 'Complete')).toBe('met');
    expect(verdict('Optimised', 'Optimized')).toBe('met');
  });
});

describe('formatting', () => {
  it('formats in the unit the plan wrote', () => {
    expect(formatQuantity(amountOf('0.54MB'))).toBe('0.54MB');
    expect(formatQuantity(amountOf('15 minutes'))).toBe('15 minutes');
    expect(formatQuantity(amountOf('750 users'))).toBe('750 users');
    expect(formatTarget(target('>4.0/5'))).toBe('>4/5');
    expect(formatTarget(target('500 users'))).toBe('>=500 users');
    expect(formatTarget(target('Functional'))).toBe('Functional');
  });

  const ops = fc.constantFrom('', '<', '<=', '>', '>=', '=', '≥');
  const units = fc.constantFrom('', '%', 'B', 'KB', 'MB', 'GB', 'ms', 's', 'sec', 'min', 'minutes', 'h', 'hours', '/5', '/10', ' users', ' req/min');
  const amount = fc.oneof(fc.nat(10_000_000), fc.double({ min: 0, max: 1e7, noNaN: true }));
  const label = fc.option(fc.constantFrom('LCP', 'FID', 'Uptime'), { nil: undefined });

  it('round-trips parse → format → parse (property)', () => {
    fc.assert(
      fc.property(label, ops, amount, units, (l, op, n, unit) => {
        const t = target(`${l ? `${l} ` : ''}${op}${n}${unit}`);
        expect(withoutText(target(formatTarget(t)))).toEqual(withoutText(t));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}( [A-Za-z]{1,8})?$/), (w) => {
        const t = target(w);
        expect(withoutText(target(formatTarget(t)))).toEqual(withoutText(t));
      }),
    );
  });

  it('gives the same verdict whatever unit the value is written in (property)', () => {
    const sizes = [['B', 1], ['KB', 1e3], ['MB', 1e6], ['GB', 1e9]] as const;
    const times = [['ms', 1], ['s', 1e3], ['min', 6e4], ['h', 3.6e6]] as const;
    const scales = fc.constantFrom(sizes, times);
    fc.assert(
      fc.property(scales, fc.constantFrom('<', '<=', '>', '>=', '='), fc.nat(50_000_000), fc.nat(50_000_000), fc.nat(3), fc.nat(3), fc.boolean(), (units, op, limit, value, tu, mu, same) => {
        const [tUnit, tFactor] = units[tu]!;
        const t = numeric(`${op}${limit / tFactor}${tUnit}`);
        const base = same ? limit : value;
        const verdicts = units.map(([u, f]) => evaluate(t, measured(`${base / f}${u}`, t)));
        expect(new Set(verdicts).size).toBe(1);
        expect(verdicts[mu]).toBe(evaluate(t, { value: base, dimension: t.dimension }));
      }),
    );
  });
});

describe('extractThresholds', () => {
  it.each([
    ['Database query time <50ms for all indexed queries', ['<50ms']],
    ['Initial bundle <500KB', ['<500KB']],
    ['Core Web Vitals: LCP <2.5s, FID <100ms, CLS <0.1', ['LCP <2.5s', 'FID <100ms', 'CLS <0.1']],
    ['Rate limiting preventing abuse (100 req/min per user)', ['>=100 req/min']],
    ['Redis caching operational with >80% hit rate', ['>80%']],
    ['Connection pool handling 100+ concurrent connections', ['>=100 concurrent connections']],
    ['API handling 500 concurrent users smoothly', ['>=500 concurrent users']],
    ['Mobile responsiveness verified on 3+ devices', ['>=3 devices']],
    ['Tour completion rate >80% in testing', ['>80%']],
    ['Average setup time <15 minutes', ['<15 minutes']],
    ['Deployment time <10 minutes end-to-end', ['<10 minutes']],
    ['Lighthouse performance score >90', ['>90']],
    ['Comprehensive unit test coverage (>85%)', ['>85%']],
    ['99.9% uptime maintained under peak load', ['>=99.9%']],
    ['Compliance requirements 100% met', ['>=100%']],
    ['Successful soft launch with <1% user issues', ['<1%']],
    ['Virtual scrolling handling 10K+ rows smoothly', ['>=10000 rows']],
    ['E2E tests covering 90% of critical user journeys', ['>=90%']],
    ['User satisfaction >4.0/5 in surveys', ['>4/5']],
  ])('%s', (text, expected) => {
    expect(brief(extractThresholds(text))).toEqual(expected);
  });

  it.each([
    'Page transition animations added', 'Sprint 2 planning', 'Week 5', 'Sprint 3-4 detailed planning', 'Day 2',
    'Zero setup-related errors', 'Top 3 priorities agreed', 'Release v2.1 tagged', 'Disk quota 600XB', '2026-12-11 go-live',
  ])('finds nothing in %j', (text) => {
    expect(extractThresholds(text)).toEqual([]);
  });

  it('keeps labels and the threshold text', () => {
    const [lcp, , cls] = extractThresholds('Core Web Vitals: LCP <2.5s, FID <100ms, CLS <0.1');
    expect(lcp).toEqual({ kind: 'numeric', text: '<2.5s', op: '<', value: 2500, dimension: 'time', unit: 's', label: 'LCP' });
    expect(cls).toMatchObject({ label: 'CLS', dimension: 'number', value: 0.1 });
  });
});

describe('measurementsFromArgs', () => {
  const vitals = extractThresholds('Core Web Vitals: LCP <2.5s, FID <100ms, CLS <0.1');

  it('matches labels case-insensitively', () => {
    const { results, missing, errors } = measurementsFromArgs(['lcp=2.1s', 'CLS = 0.05'], vitals);
    expect(errors).toEqual([]);
    expect(results.map((r) => [r.threshold.label, r.value.value, r.verdict])).toEqual([['LCP', 2100, 'met'], ['CLS', 0.05, 'met']]);
    expect(missing.map((t) => t.label)).toEqual(['FID']);
  });

  it('applies an unlabelled value to the only threshold, or the only one of its dimension', () => {
    const [bundle] = measurementsFromArgs(['480KB'], extractThresholds('Initial bundle <500KB')).results;
    expect(bundle).toMatchObject({ input: '480KB', verdict: 'met', value: { value: 480_000 } });
    const { results } = measurementsFromArgs(['LCP=2.6s', 'FID=80ms', '0.05'], vitals);
    expect(results.map((r) => [r.threshold.label, r.verdict])).toEqual([['LCP', 'missed'], ['FID', 'met'], ['CLS', 'met']]);
    expect(measurementsFromArgs(['480'], extractThresholds('Initial bundle <500KB')).errors).toEqual(['"480" has no unit, but <500KB is a size; write it as 480KB; expected a size like 500KB (B, KB, MB or GB)']);
  });

  it('refuses an unlabelled value that two labelled thresholds could take, naming them', () => {
    const { results, errors } = measurementsFromArgs(['2.1s', '80ms'], vitals);
    expect(results).toEqual([]);
    expect(errors).toEqual([
      '"2.1s" could be LCP <2.5s or FID <100ms: name it, e.g. --value LCP=2.1s or --value FID=2.1s',
      '"80ms" could be LCP <2.5s or FID <100ms: name it, e.g. --value LCP=80ms or --value FID=80ms',
    ]);
    // Thresholds without a label cannot be named: unlabelled values go to them, in the item's order.
    const loads = extractThresholds('Page load <3s on 3G, <1s on wifi, LCP <2.5s');
    const r = measurementsFromArgs(['2s', '0.8s', 'LCP=2s'], loads);
    expect(r.errors).toEqual([]);
    expect(r.results.map((m) => [formatTarget(m.threshold), m.input])).toEqual([['<3s', '2s'], ['<1s', '0.8s'], ['LCP <2.5s', '2s']]);
  });

  it('explains values that match nothing', () => {
    const { results, errors } = measurementsFromArgs(['TTFB=1s', '5KB', 'LCP=fast', 'LCP=1s', 'LCP=2s'], vitals);
    expect(results).toHaveLength(1);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/no threshold labelled "TTFB" \(thresholds: LCP <2.5s, FID <100ms, CLS <0.1\)/);
    expect(errors[1]).toMatch(/"5KB" matches none of this item's thresholds/);
    expect(errors[2]).toMatch(/"fast" is a word.*expected a time like 2.5s/);
    expect(errors[3]).toMatch(/LCP <2.5s already has a value/);
    expect(measurementsFromArgs(['1s'], []).errors[0]).toMatch(/no thresholds/);
    expect(measurementsFromArgs(['5ms'], extractThresholds('Initial bundle <500KB')).errors[0]).toMatch(/is a time, but <500KB is a size; expected a size like 500KB/);
  });
});
