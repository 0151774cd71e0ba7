// Bundle sizes: webpack's stats.json (`assets[]`, or `children[]` of a multi-compiler build), esbuild's
// metafile (`outputs`), alone or inside a build result, and a set of files matched by a glob. Source
// maps are not shipped to users, so no field counts them.
import { z } from 'zod';
import { globToRegExp } from './glob.js';
import { FIELD_CHOICES, type Measure, type Report } from './report.js';

export interface Output {
  name: string;
  bytes: number;
}

const isMap = (name: string) => name.endsWith('.map');
const isJs = (name: string) => /\.[cm]?js$/.test(name);
const isCss = (name: string) => name.endsWith('.css');
const sum = (outputs: readonly Output[]) => outputs.reduce((n, o) => n + o.bytes, 0);

function bundleReport(kind: 'webpack' | 'esbuild', tool: string, outputs: readonly Output[]): Report {
  const size = (which: string, keep: (name: string) => boolean): [string, Measure | undefined] => {
    const picked = outputs.filter((o) => keep(o.name) && !isMap(o.name));
    return [which, picked.length === 0 ? undefined : { value: sum(picked), dimension: 'size', label: `${which === 'total' ? 'all' : which} outputs (${picked.length} file${picked.length === 1 ? '' : 's'})` }];
  };
  const fields: Partial<Record<string, Measure>> = {};
  for (const [k, m] of [size('js', isJs), size('css', isCss), size('total', () => true)]) if (m) fields[k] = m;
  const names = outputs.map((o) => o.name).slice(0, 8).join(', ');
  return {
    kind,
    tool,
    fieldNames: FIELD_CHOICES.bundle,
    fields,
    absent: { js: `it has no JavaScript outputs (${names})`, css: `it has no CSS outputs (${names})`, total: 'it lists no outputs' },
    defaults: { size: 'js' },
    byGlob(pattern) {
      const re = globToRegExp(pattern);
      const picked = outputs.filter((o) => re.test(o.name) && !isMap(o.name));
      return picked.length === 0 ? null : { value: sum(picked), dimension: 'size', label: `outputs matching ${pattern} (${picked.length} file${picked.length === 1 ? '' : 's'})` };
    },
  };
}

// -- webpack ------------------------------------------------------------------------------------------

const Asset = z.looseObject({ name: z.string(), size: z.number().nonnegative() });
type Stats = { assets?: z.infer<typeof Asset>[]; children?: Stats[]; version?: string | undefined; errors?: unknown[] | undefined; errorsCount?: number | undefined };
export const WebpackStatsSchema: z.ZodType<Stats> = z.lazy(() =>
  z.looseObject({
    assets: z.array(Asset).optional(),
    children: z.array(WebpackStatsSchema).optional(),
    version: z.string().optional(),
    errors: z.array(z.unknown()).optional(),
    errorsCount: z.number().optional(),
  }),
);

/** A failed build's sizes are not the bundle's: its errors are counted over every compiler. */
const errorCount = (s: Stats): number => (s.errorsCount ?? s.errors?.length ?? 0) + (s.errorsCount === undefined ? (s.children ?? []).reduce((n, c) => n + errorCount(c), 0) : 0);

export const looksLikeWebpack = (x: Record<string, unknown>): boolean =>
  (Array.isArray(x.assets) || Array.isArray(x.children)) && ('version' in x || 'hash' in x || 'assetsByChunkName' in x || 'outputPath' in x || 'chunks' in x || 'entrypoints' in x);

export function readWebpack(stats: Stats): Report | string {
  const errors = errorCount(stats);
  if (errors > 0) return `the webpack build failed (${errors} error${errors === 1 ? '' : 's'} in its stats)`;
  const outputs: Output[] = [];
  const collect = (s: Stats) => {
    for (const a of s.assets ?? []) outputs.push({ name: a.name, bytes: a.size });
    for (const c of s.children ?? []) collect(c);
  };
  collect(stats);
  return bundleReport('webpack', stats.version ? `webpack ${stats.version}` : 'webpack stats', outputs);
}

// -- esbuild ------------------------------------------------------------------------------------------

export const EsbuildMetafileSchema = z.looseObject({
  inputs: z.record(z.string(), z.unknown()),
  outputs: z.record(z.string(), z.looseObject({ bytes: z.number().nonnegative() })),
});

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The metafile itself, or the one inside a build result (`{ errors, warnings, metafile }`). */
export const esbuildMetafileOf = (x: Record<string, unknown>): Record<string, unknown> | undefined =>
  isRecord(x.outputs) && isRecord(x.inputs) ? x : isRecord(x.metafile) && isRecord(x.metafile.outputs) ? x.metafile : undefined;

export function readEsbuild(meta: z.infer<typeof EsbuildMetafileSchema>, inBuildResult: boolean): Report {
  const outputs = Object.entries(meta.outputs).map(([name, o]) => ({ name, bytes: o.bytes }));
  return bundleReport('esbuild', inBuildResult ? 'esbuild build result' : 'esbuild metafile', outputs);
}

// -- files matched by a glob --------------------------------------------------------------------------

/** The files a `--from` glob matched: their total size on disk, or gzipped. */
export function readFiles(pattern: string, outputs: readonly Output[], gzip: boolean): Report {
  const field = gzip ? 'gzip' : 'bytes';
  const label = `${gzip ? 'gzipped size' : 'size'} of ${outputs.length} file${outputs.length === 1 ? '' : 's'} matching ${pattern}`;
  return { kind: 'files', tool: '', fieldNames: [field], fields: { [field]: { value: sum(outputs), dimension: 'size', label } }, absent: {}, defaults: { size: field } };
}
