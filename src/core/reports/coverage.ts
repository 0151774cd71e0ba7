// Coverage reports in their three shapes: Istanbul's coverage-summary.json (jest, vitest, nyc),
// Cobertura XML (coverage.py, istanbul, coverlet, gcovr) and lcov's .info text. Each gives line
// coverage at least; a figure the format does not carry, or 0 of 0, is absent rather than 100%.
import { z } from 'zod';
import { FIELD_CHOICES, type Measure, percentOf, present, type Report } from './report.js';

const COVERAGE_DEFAULTS = { percent: 'lines' } as const;
const measure = (field: string, pct: number | undefined): Measure | undefined => (pct === undefined ? undefined : { value: pct, dimension: 'percent', label: `${field} coverage` });
const noneMeasured = (field: string) => `no ${field} were measured (0 of 0)`;

// -- Istanbul json-summary ----------------------------------------------------------------------------

const Totals = z.looseObject({ total: z.number(), covered: z.number(), pct: z.union([z.number(), z.string()]).optional() });
export const CoverageSummarySchema = z.looseObject({
  total: z.looseObject({ lines: Totals, statements: Totals.optional(), functions: Totals.optional(), branches: Totals.optional() }),
});

export const looksLikeCoverageSummary = (x: Record<string, unknown>): boolean => {
  const total = x.total as Record<string, unknown> | undefined;
  return typeof total === 'object' && total !== null && typeof total.lines === 'object';
};

export function readCoverageSummary(s: z.infer<typeof CoverageSummarySchema>): Report {
  const absent: Partial<Record<string, string>> = {};
  const field = (name: (typeof FIELD_CHOICES.coverage)[number]): Measure | undefined => {
    const t = s.total[name];
    if (!t) absent[name] = `its total has no ${name}`;
    else if (t.total === 0) absent[name] = noneMeasured(name);
    // The tool's own rounded figure, so launch says what the coverage report says.
    else return measure(name, typeof t.pct === 'number' ? t.pct : percentOf(t.covered, t.total));
    return undefined;
  };
  return {
    kind: 'coverage-summary',
    tool: 'Istanbul coverage summary',
    fieldNames: FIELD_CHOICES.coverage,
    fields: present(FIELD_CHOICES.coverage.map((f) => [f, field(f)])),
    absent,
    defaults: COVERAGE_DEFAULTS,
  };
}

// -- Cobertura XML ------------------------------------------------------------------------------------

const rate = z.string().regex(/^\s*[\d.eE+-]+\s*$/).transform(Number);
const count = z.string().regex(/^\s*\d+\s*$/).transform(Number);
/** The root <coverage> element's attributes, as the XML parser gives them (`@name` → string). */
export const CoberturaSchema = z.looseObject({
  '@line-rate': rate,
  '@branch-rate': rate.optional(),
  '@lines-covered': count.optional(),
  '@lines-valid': count.optional(),
  '@branches-covered': count.optional(),
  '@branches-valid': count.optional(),
  '@version': z.string().optional(),
});

export const looksLikeCobertura = (root: string, x: Record<string, unknown>): boolean => root === 'coverage' && '@line-rate' in x;

export function readCobertura(c: z.infer<typeof CoberturaSchema>): Report {
  const absent: Partial<Record<string, string>> = {
    statements: 'Cobertura reports lines and branches only',
    functions: 'Cobertura reports lines and branches only',
  };
  // Counts where the report has them (exact); the rate, rounded as Istanbul rounds, where it does not.
  const pct = (name: 'lines' | 'branches', r: number | undefined, covered: number | undefined, valid: number | undefined): number | undefined => {
    if (valid === 0) absent[name] = noneMeasured(name);
    else if (covered !== undefined && valid !== undefined) return percentOf(covered, valid);
    else if (r !== undefined) return Number((r * 100).toFixed(2));
    else absent[name] = `it has no branch-rate`;
    return undefined;
  };
  return {
    kind: 'cobertura',
    tool: 'Cobertura XML',
    fieldNames: FIELD_CHOICES.coverage,
    fields: present([
      ['lines', measure('lines', pct('lines', c['@line-rate'], c['@lines-covered'], c['@lines-valid']))],
      ['branches', measure('branches', pct('branches', c['@branch-rate'], c['@branches-covered'], c['@branches-valid']))],
    ]),
    absent,
    defaults: COVERAGE_DEFAULTS,
  };
}

// -- lcov .info -------------------------------------------------------------------------------------

/** lcov's tracefile: records from SF: to end_of_record. */
export const looksLikeLcov = (text: string): boolean => /^SF:/m.test(text) && /^end_of_record\s*$/m.test(text);

/**
 * Sums LH/LF (and FNH/FNF, BRH/BRF) over every file's record. A record without LF/LH counts its DA
 * lines instead, as genhtml does.
 */
export function readLcov(text: string): Report {
  const sums = { LF: 0, LH: 0, FNF: 0, FNH: 0, BRF: 0, BRH: 0 };
  let record = { LF: -1, LH: -1, da: 0, hit: 0 };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (key === 'SF') record = { LF: -1, LH: -1, da: 0, hit: 0 };
    else if (key === 'DA') {
      record.da++;
      if (Number(value.split(',')[1]) > 0) record.hit++;
    } else if (key === 'LF' || key === 'LH') record[key] = Number(value) || 0;
    else if (key in sums) sums[key as keyof typeof sums] += Number(value) || 0;
    else if (key === 'end_of_record') {
      sums.LF += record.LF >= 0 ? record.LF : record.da;
      sums.LH += record.LH >= 0 ? record.LH : record.hit;
    }
  }
  const absent: Partial<Record<string, string>> = { statements: 'lcov reports lines, functions and branches only' };
  const field = (name: string, covered: number, total: number): [string, Measure | undefined] => {
    if (total === 0) absent[name] = noneMeasured(name);
    return [name, measure(name, percentOf(covered, total))];
  };
  return {
    kind: 'lcov',
    tool: 'lcov',
    fieldNames: FIELD_CHOICES.coverage,
    fields: present([field('lines', sums.LH, sums.LF), field('functions', sums.FNH, sums.FNF), field('branches', sums.BRH, sums.BRF)]),
    absent,
    defaults: COVERAGE_DEFAULTS,
  };
}
