// What a CI report yields, whatever tool wrote it: named fields, each an amount with its dimension,
// and the words that say where it came from. One reader per kind of report builds it (./lighthouse.ts,
// ./k6.ts, …); ./reading.ts picks the field a KPI's target asks for.

export type ReportKind = 'lighthouse' | 'coverage-summary' | 'cobertura' | 'lcov' | 'junit' | 'k6' | 'webpack' | 'esbuild' | 'files';

/** How each kind is named in messages, with its article ("an lcov report" is said "an el-cov"). */
export const KIND_NAMES: Record<ReportKind, [article: 'a' | 'an', name: string]> = {
  lighthouse: ['a', 'Lighthouse report'],
  'coverage-summary': ['an', 'Istanbul coverage summary'],
  cobertura: ['a', 'Cobertura coverage report'],
  lcov: ['an', 'lcov coverage report'],
  junit: ['a', 'JUnit test report'],
  k6: ['a', 'k6 summary'],
  webpack: ['a', 'webpack stats file'],
  esbuild: ['an', 'esbuild metafile'],
  files: ['a', 'set of files'],
};
export const aKind = (kind: ReportKind): string => KIND_NAMES[kind].join(' ');
export const thisKind = (kind: ReportKind): string => `this ${KIND_NAMES[kind][1]}`;

/**
 * A measured amount in its dimension's base unit: bytes, milliseconds, percent points, a count. A
 * `score` is a Lighthouse category score ×100, which compares with a plain number ("Performance Score
 * >85") or a percentage.
 */
export interface Measure {
  value: number;
  dimension: 'size' | 'time' | 'percent' | 'score' | 'count' | 'number';
  /** A count's noun ("tests"); none where the target's own noun goes without saying (k6's VUs are its users). */
  noun?: string;
  /** How the printed line names it: "performance score", "http_req_duration p(95)". */
  label: string;
}

/** What one reader makes of one report. */
export interface Report {
  kind: ReportKind;
  /** The tool, and its version where the report says it: "Lighthouse 9.6.8", "coverage.py 5.3". */
  tool: string;
  /** Every field a report of this kind can give, as `--field` takes them. */
  fieldNames: readonly string[];
  /** The fields this report gives. */
  fields: Partial<Record<string, Measure>>;
  /** Why a field of this kind is missing from this report, where there is more to say than "no such field". */
  absent: Partial<Record<string, string>>;
  /** The field a target of each dimension reads when `--field` is not given. */
  defaults: Partial<Record<'size' | 'time' | 'percent' | 'count' | 'ratio' | 'number', string>>;
  /** Bundles: any other `--field` is a glob over output names, summed (null: nothing matched). */
  byGlob?: (pattern: string) => Measure | null;
}

/** `--field` choices by kind, for help and usage errors. */
export const FIELD_CHOICES = {
  lighthouse: ['performance', 'accessibility', 'best-practices', 'seo', 'lcp', 'fcp', 'tbt', 'cls', 'si', 'total-byte-weight'],
  coverage: ['lines', 'statements', 'functions', 'branches'],
  k6: ['p95', 'p90', 'p99', 'avg', 'med', 'max', 'vus_max', 'rps', 'failed'],
  junit: ['passed', 'failed', 'pass-rate'],
  bundle: ['js', 'css', 'total'],
} as const;

/** Rounded to `digits` decimals, which drops binary noise (260.64205000000004 ms) but keeps what tools print. */
export const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/** covered ÷ total as percent points, or undefined for nothing measured (0 of 0 is not 100%). */
export const percentOf = (covered: number, total: number): number | undefined => (total > 0 ? round((covered / total) * 100, 2) : undefined);

/** Fields from [name, measure or undefined] pairs, leaving out the undefined ones. */
export function present(entries: [string, Measure | undefined][]): Partial<Record<string, Measure>> {
  const out: Partial<Record<string, Measure>> = {};
  for (const [name, m] of entries) if (m !== undefined && Number.isFinite(m.value)) out[name] = m;
  return out;
}
