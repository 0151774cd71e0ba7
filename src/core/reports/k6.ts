// k6 end-of-test summaries in both shapes: `k6 run --summary-export` (a metric's stats beside each
// other: "p(95)": 260.6) and the data handleSummary() gets and often writes with JSON.stringify
// (stats under "values"). Trend times are milliseconds in both.
import { z } from 'zod';
import { FIELD_CHOICES, type Measure, present, type Report } from './report.js';

const Stats = z.record(z.string(), z.unknown());
export const K6Schema = z.looseObject({
  metrics: z.record(z.string(), z.looseObject({ values: Stats.optional() })),
});
type K6 = z.infer<typeof K6Schema>;

export const looksLikeK6 = (x: Record<string, unknown>): boolean => {
  const m = x.metrics as Record<string, unknown> | undefined;
  return typeof m === 'object' && m !== null && ('root_group' in x || 'http_reqs' in m || 'vus_max' in m || 'iterations' in m);
};

const TREND: Record<string, string> = { p95: 'p(95)', p90: 'p(90)', p99: 'p(99)', avg: 'avg', med: 'med', max: 'max' };

export function readK6(summary: K6): Report {
  const handleSummary = Object.values(summary.metrics).some((m) => m.values !== undefined);
  // The stats of one metric, wherever this shape keeps them.
  const stats = (name: string): Record<string, unknown> | undefined => {
    const m = summary.metrics[name];
    return m === undefined ? undefined : handleSummary ? m.values : m;
  };
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const absent: Partial<Record<string, string>> = {};
  const names = Object.keys(summary.metrics);

  const duration = stats('http_req_duration');
  const trend = (field: string): Measure | undefined => {
    const stat = TREND[field]!;
    const value = num(duration?.[stat]);
    if (value !== undefined) return { value, dimension: 'time', label: `http_req_duration ${stat}` };
    if (!duration) absent[field] = `it has no http_req_duration metric (it has ${names.join(', ') || 'no metrics'})`;
    else {
      const has = Object.keys(duration).filter((k) => num(duration[k]) !== undefined);
      absent[field] = `it has no ${stat} of http_req_duration; it has ${has.join(', ') || 'no stats'} (k6's summaryTrendStats option chooses them)`;
    }
    return undefined;
  };
  const single = (field: string, metric: string, stat: string[], make: (v: number) => Measure): Measure | undefined => {
    const s = stats(metric);
    const value = stat.map((k) => num(s?.[k])).find((v) => v !== undefined);
    if (value !== undefined) return make(value);
    absent[field] = s ? `its ${metric} metric has no ${stat[0]}` : `it has no ${metric} metric (it has ${names.join(', ') || 'no metrics'})`;
    return undefined;
  };
  return {
    kind: 'k6',
    tool: handleSummary ? 'k6 handleSummary data' : 'k6 summary export',
    fieldNames: FIELD_CHOICES.k6,
    fields: present([
      ...Object.keys(TREND).map((f): [string, Measure | undefined] => [f, trend(f)]),
      // Virtual users are the users a load target counts: the target's noun goes without saying.
      ['vus_max', single('vus_max', 'vus_max', ['value', 'max'], (v) => ({ value: v, dimension: 'count', label: 'vus_max' }))],
      ['rps', single('rps', 'http_reqs', ['rate'], (v) => ({ value: v, dimension: 'count', noun: 'req/s', label: 'http_reqs rate' }))],
      ['failed', single('failed', 'http_req_failed', ['rate', 'value'], (v) => ({ value: v * 100, dimension: 'percent', label: 'http_req_failed rate' }))],
    ]),
    absent,
    defaults: { time: 'p95', count: 'vus_max' },
  };
}
