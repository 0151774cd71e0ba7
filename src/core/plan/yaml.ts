// The plan's YAML form: written deterministically, read back without the yaml library when it is
// exactly as written (./yaml-read.ts), else with the library's safe defaults and an alias limit;
// validated by the schema either way, with every problem mapped back to a line of the file.
import { LineCounter, parseDocument } from 'yaml';
import { parseEmittedPlan } from './yaml-own.js';
import { checkPlanSanity } from './sanity.js';
import { type Plan, PlanSchema } from './schema.js';

export { readEmittedPlan } from './yaml-own.js';
export { looksLikePlanYaml, planToYaml } from './yaml-write.js';

export interface PlanFileProblem {
  line?: number;
  path: string;
  message: string;
}

export type PlanParse = { ok: true; plan: Plan } | { ok: false; problems: PlanFileProblem[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function reservedKeys(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => reservedKeys(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.getOwnPropertyNames(value).flatMap((k) =>
    RESERVED.has(k) ? [[...path, k]] : reservedKeys((value as Record<string, unknown>)[k], [...path, k]),
  );
}

export function parsePlanYaml(text: string): PlanParse {
  // A plan as launch wrote it is read without the yaml library, then checked exactly as any other;
  // one that fails a check is read again below, which says at which line.
  const plan = parseEmittedPlan(text);
  return plan ? { ok: true, plan } : parseAnyPlanYaml(text);
}

/** Any YAML, with the yaml library: every problem located at its line. */
export function parseAnyPlanYaml(text: string): PlanParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), path: '', message: e.message.split('\n')[0]! })),
    };
  }
  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" expansion early with an error instead of eating memory.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: (error as Error).message }] };
  }
  const locate = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  // z.record (meta) accepts any key and would silently drop __proto__; no plan needs these keys anywhere.
  const reserved = reservedKeys(data);
  if (reserved.length > 0) {
    return { ok: false, problems: reserved.map((path) => ({ line: locate(path), path: formatPath(path), message: `"${String(path.at(-1))}" is not allowed as a key` })) };
  }
  const parsed = PlanSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        line: locate(issue.path),
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  const sanity = checkPlanSanity(parsed.data);
  if (sanity.length > 0) {
    return { ok: false, problems: sanity.map((p) => ({ line: locate(p.path), path: formatPath(p.path), message: p.message })) };
  }
  return { ok: true, plan: parsed.data };
}
