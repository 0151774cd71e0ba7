// A report's kind, told from its content (never its name): JSON by its keys, XML by its root element,
// lcov by its records. What is not a report launch reads is named as far as it was recognised.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { z } from 'zod';
import { esbuildMetafileOf, EsbuildMetafileSchema, looksLikeWebpack, readEsbuild, readWebpack, WebpackStatsSchema } from './bundle.js';
import { CoberturaSchema, CoverageSummarySchema, looksLikeCobertura, looksLikeCoverageSummary, looksLikeLcov, readCobertura, readCoverageSummary, readLcov } from './coverage.js';
import { looksLikeJunit, readJunit } from './junit.js';
import { K6Schema, looksLikeK6, readK6 } from './k6.js';
import { LighthouseSchema, lighthouseProblem, looksLikeLighthouse, readLighthouse } from './lighthouse.js';
import { aKind, type Report, type ReportKind } from './report.js';

export type Detected = { ok: true; report: Report } | { ok: false; message: string; line?: number };

export const KINDS_READ = 'Lighthouse JSON, Istanbul coverage-summary.json, Cobertura XML, lcov .info, JUnit XML, k6 summary JSON, webpack stats.json, esbuild metafile';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const keysOf = (x: Record<string, unknown>) => {
  const keys = Object.keys(x);
  return keys.length === 0 ? 'no keys' : `keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}`;
};
const refuse = (message: string, line?: number): Detected => ({ ok: false, message, ...(line !== undefined && { line }) });

/** The report, if it fits the schema of the kind its keys suggest; else what is wrong with it. */
function validated<S extends z.ZodType>(kind: ReportKind, schema: S, x: unknown, read: (v: z.infer<S>) => Report | string): Detected {
  const r = schema.safeParse(x);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return refuse(`it looks like ${aKind(kind)}, but ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  const report = read(r.data);
  return typeof report === 'string' ? refuse(report) : { ok: true, report };
}

/** JSON the other tools write that launch does not read, named so the user knows what to give instead. */
function nearMiss(x: Record<string, unknown>): string | undefined {
  const values = Object.values(x);
  if (values.length > 0 && values.every((v) => isRecord(v) && 'statementMap' in v)) return 'an Istanbul coverage-final.json (per statement); add the json-summary reporter and read coverage-summary.json';
  if (Array.isArray(x.steps) && 'name' in x) return 'a Lighthouse user-flow result; read one step\'s report (lhr) instead';
  if (values.length > 0 && values.every((v) => isRecord(v) && 'minified' in v && 'gzipped' in v)) return 'a rollup-plugin-size-snapshot file, which launch does not read; give --from a glob of the built files (with --gzip for gzipped sizes)';
  return undefined;
}

export function detectJson(x: unknown): Detected {
  if (!isRecord(x)) return refuse(Array.isArray(x) ? `it is a JSON array of ${x.length} entries, not a report` : 'it is a single JSON value, not a report');
  if (looksLikeLighthouse(x)) {
    return validated('lighthouse', LighthouseSchema, x, (lhr) => lighthouseProblem(lhr) ?? readLighthouse(lhr));
  }
  if (looksLikeCoverageSummary(x)) return validated('coverage-summary', CoverageSummarySchema, x, readCoverageSummary);
  if (looksLikeK6(x)) return validated('k6', K6Schema, x, readK6);
  if (looksLikeWebpack(x)) return validated('webpack', WebpackStatsSchema, x, readWebpack);
  const meta = esbuildMetafileOf(x);
  if (meta) return validated('esbuild', EsbuildMetafileSchema, meta, (m) => readEsbuild(m, meta !== x));
  return refuse(`it is ${nearMiss(x) ?? `a JSON object with ${keysOf(x)}, not a report launch reads`}`);
}

export function detectXml(rootName: string, root: unknown): Detected {
  const node = isRecord(root) ? root : {};
  if (looksLikeJunit(rootName)) {
    const report = readJunit(rootName, node);
    return typeof report === 'string' ? refuse(`it looks like a JUnit test report, but ${report}`) : { ok: true, report };
  }
  if (looksLikeCobertura(rootName, node)) {
    return validated('cobertura', CoberturaSchema, node, readCobertura);
  }
  if (rootName === 'coverage' && 'project' in node) return refuse('it is a Clover coverage report, which launch does not read; use Cobertura, lcov or json-summary');
  return refuse(`it is an XML document with root <${rootName}>, not a report launch reads`);
}

/** Where a JSON.parse error is: its line, from the position V8 gives (or the last line, for an early end). */
function jsonErrorLine(text: string, message: string): number | undefined {
  const at = /line (\d+) column/.exec(message) ?? undefined;
  if (at) return Number(at[1]);
  const pos = /position (\d+)/.exec(message);
  const upTo = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  return upTo === undefined ? undefined : text.slice(0, upTo).split('\n').length;
}

const XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Entities are never needed for the numbers read, and not expanding them rules out entity bombs.
  processEntities: false,
  htmlEntities: false,
} as const;

/** A report from its text: JSON, XML or lcov, told by the first character and then by content. */
export function readReportText(raw: string): Detected {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return refuse('it is empty');
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const message = (e as Error).message;
      const line = jsonErrorLine(text, message);
      return refuse(`malformed JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '')}`, line);
    }
    return detectJson(value);
  }
  if (first === '<') {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return refuse(`malformed XML: ${valid.err.msg}`, valid.err.line);
    const doc = new XMLParser(XML_OPTIONS).parse(text) as Record<string, unknown>;
    const rootName = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('!'));
    return rootName === undefined ? refuse('it is an XML document without a root element') : detectXml(rootName, doc[rootName]);
  }
  if (looksLikeLcov(text)) return { ok: true, report: readLcov(text) };
  return refuse(`it is not JSON, XML or an lcov tracefile (it starts with "${text.trimStart().slice(0, 24).split('\n')[0]}")`);
}
