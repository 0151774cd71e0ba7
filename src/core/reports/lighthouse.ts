// Lighthouse results (the LHR JSON, version 5 and later): category scores 0-1 and audits' numeric values.
import { z } from 'zod';
import { FIELD_CHOICES, type Measure, present, type Report, round } from './report.js';

const Audit = z.looseObject({
  numericValue: z.number().optional(),
  scoreDisplayMode: z.string().optional(),
  errorMessage: z.string().optional(),
});

export const LighthouseSchema = z.looseObject({
  lighthouseVersion: z.string(),
  categories: z.record(z.string(), z.looseObject({ score: z.number().nullable().optional() })),
  audits: z.record(z.string(), Audit),
  runtimeError: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).optional(),
});
type Lighthouse = z.infer<typeof LighthouseSchema>;

export const looksLikeLighthouse = (x: Record<string, unknown>): boolean => typeof x.lighthouseVersion === 'string' && 'audits' in x;

const AUDITS: Record<string, [audit: string, dimension: 'time' | 'number' | 'size', label: string]> = {
  lcp: ['largest-contentful-paint', 'time', 'largest contentful paint'],
  fcp: ['first-contentful-paint', 'time', 'first contentful paint'],
  tbt: ['total-blocking-time', 'time', 'total blocking time'],
  cls: ['cumulative-layout-shift', 'number', 'cumulative layout shift'],
  si: ['speed-index', 'time', 'speed index'],
  'total-byte-weight': ['total-byte-weight', 'size', 'total byte weight'],
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * A run that failed (`runtimeError`; some versions write one with code NO_ERROR on success) has
 * no numbers worth recording; neither has a version before 5, whose report had another shape.
 */
export function lighthouseProblem(lhr: Lighthouse): string | null {
  const major = Number(/^(\d+)\./.exec(lhr.lighthouseVersion)?.[1]);
  if (!(major >= 5)) return `Lighthouse ${lhr.lighthouseVersion} results are not read (version 5 and later are)`;
  const error = lhr.runtimeError;
  if (error && error.code !== 'NO_ERROR') return `the Lighthouse run failed (runtimeError ${error.code ?? '?'}: ${error.message ?? 'no message'})`;
  return null;
}

export function readLighthouse(lhr: Lighthouse): Report {
  const absent: Partial<Record<string, string>> = {};
  const category = (id: (typeof CATEGORIES)[number]): Measure | undefined => {
    const score = lhr.categories[id]?.score;
    if (typeof score === 'number') return { value: round(score * 100, 2), dimension: 'score', label: `${id} score` };
    absent[id] = lhr.categories[id] ? `its ${id} score is null (the category could not be scored)` : `it has no ${id} category (the run left it out)`;
    return undefined;
  };
  const audit = (field: string): Measure | undefined => {
    const [id, dimension, label] = AUDITS[field]!;
    const a = lhr.audits[id];
    if (a?.numericValue !== undefined) return { value: a.numericValue, dimension, label };
    absent[field] = !a
      ? `Lighthouse ${lhr.lighthouseVersion} has no ${id} audit`
      : `its ${id} audit has no value${a.errorMessage ? ` (${a.errorMessage})` : a.scoreDisplayMode ? ` (${a.scoreDisplayMode})` : ''}`;
    return undefined;
  };
  return {
    kind: 'lighthouse',
    tool: `Lighthouse ${lhr.lighthouseVersion}`,
    fieldNames: FIELD_CHOICES.lighthouse,
    fields: present([...CATEGORIES.map((c): [string, Measure | undefined] => [c, category(c)]), ...Object.keys(AUDITS).map((f): [string, Measure | undefined] => [f, audit(f)])]),
    absent,
    defaults: { number: 'performance', percent: 'performance', time: 'lcp', size: 'total-byte-weight' },
  };
}
