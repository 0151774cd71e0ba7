// Where a KPI value read from a CI report came from (`kpi record --from`): the file, the kind of report
// launch recognised, the field it read and the file's sha256, so a teammate, `show`, `log` and a report
// can say which run of which tool the number is from. Kinds are strings, not a closed list: a newer
// version may read more kinds, and its events must stay readable here.

export interface KpiSource {
  /** Relative to the workspace's folder (or the file's name, for a file outside it); a glob as typed. */
  file: string;
  /** lighthouse, coverage-summary, cobertura, lcov, junit, k6, webpack, esbuild or files (a glob's sum). */
  kind: string;
  /** The field read: performance, lines, p95, js, bytes, gzip, a glob of outputs, … */
  field: string;
  /** 64 hex digits. */
  sha256: string;
  /** The tool as the report names itself ("Lighthouse 9.6.8"), where it does. */
  tool?: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const SHA256 = /^[0-9a-f]{64}$/;

/** The cheap check every line gets: an absent source is fine (typed values, older logs). */
export function sourceProblem(source: unknown): string | null {
  if (source === undefined) return null;
  if (!isRecord(source)) return '"source" must be an object';
  const { file, kind, field, sha256, tool } = source;
  if (typeof file !== 'string' || typeof kind !== 'string' || typeof field !== 'string') return '"source" needs "file", "kind" and "field" strings';
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return '"source" needs a "sha256" of 64 hex digits';
  return tool === undefined || typeof tool === 'string' ? null : '"source.tool" must be a string';
}

/** "from coverage/coverage-summary.json (coverage-summary lines)". */
export const sourceWords = (s: KpiSource): string => `from ${s.file} (${s.kind} ${s.field})`;
