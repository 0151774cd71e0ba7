// The value a report gives a KPI's target: the field `--field` names, or the one the target's kind of
// amount calls for, written as a person would type it (in the target's unit) and checked by the same
// grammar `kpi record <value>` uses, so a recorded value from a report reads back like a typed one.
import type { Target } from '../targets/schema.js';
import { formatQuantity, formatTarget, parseMeasurement } from '../targets/targets.js';
import { aKind, type Measure, type Report, round, thisKind } from './report.js';

export type Reading =
  | { ok: true; field: string; measure: Measure; value: string }
  | { ok: false; reason: string; usage?: true };

const KIND: Record<Measure['dimension'] | 'ratio', string> = {
  size: 'a size', time: 'a time', percent: 'a percentage', score: 'a score', count: 'a count', number: 'a plain number', ratio: 'a rating',
};

/** The value as a person would type it for this target, or null when the two cannot compare. */
function valueFor(m: Measure, target: Extract<Target, { kind: 'numeric' }>): string | null {
  const t = target.dimension;
  switch (m.dimension) {
    case 'size':
    case 'time': {
      if (t !== m.dimension) return null;
      // Whole bytes; times to the microsecond: what the tools themselves measure.
      const value = m.dimension === 'size' ? Math.round(m.value) : round(m.value, 3);
      return formatQuantity({ value, dimension: m.dimension, ...(target.unit !== undefined && { unit: target.unit }) });
    }
    case 'percent':
      return t === 'percent' ? `${round(m.value, 2)}%` : null;
    case 'score':
      return t === 'percent' ? `${round(m.value, 2)}%` : t === 'number' ? `${round(m.value, 2)}` : null;
    case 'count':
      // A count against a plain number is that number; against a count, its noun must match the target's.
      return t === 'number' ? `${round(m.value, 2)}` : t === 'count' ? `${round(m.value, 2)}${m.noun ? ` ${m.noun}` : ''}` : null;
    case 'number':
      return t === 'number' ? `${round(m.value, 4)}` : null;
  }
}

/** "Lighthouse 9.6.8 performance score"; a glob's files have no tool. */
export const measureWords = (report: Report, m: Measure): string => (report.tool ? `${report.tool} ${m.label}` : m.label);

export function readingFor(report: Report, field: string | undefined, target: Target): Reading {
  if (target.kind === 'word') return { ok: false, reason: `its target ${formatTarget(target)} is a word, and ${aKind(report.kind)} gives numbers; record the word by hand` };
  const choices = report.fieldNames.join('|') + (report.byGlob ? '|<glob>' : '');
  let name = field;
  if (name === undefined) {
    name = report.defaults[target.dimension];
    if (name === undefined) return { ok: false, reason: `${thisKind(report.kind)} has no field for ${KIND[target.dimension]} target like ${formatTarget(target)}; choose one with --field (${choices})` };
  } else if (!report.fieldNames.includes(name) && !report.byGlob) {
    return { ok: false, usage: true, reason: `--field: ${aKind(report.kind)} has no field "${name}"; it has ${choices}` };
  }
  const measure = report.fields[name] ?? (!report.fieldNames.includes(name) ? report.byGlob?.(name) : undefined);
  if (!measure) {
    const why = report.absent[name] ?? (report.fieldNames.includes(name) ? `it has no ${name}` : `no output matches ${name}`);
    return { ok: false, reason: `no ${name} in ${thisKind(report.kind)}: ${why}` };
  }
  const value = valueFor(measure, target);
  if (value === null) return { ok: false, reason: `${measureWords(report, measure)} is ${KIND[measure.dimension]}, but ${formatTarget(target)} is ${KIND[target.dimension]}; choose another --field (${choices})` };
  const parsed = parseMeasurement(value, target);
  if (!parsed.ok) return { ok: false, reason: `${measureWords(report, measure)}: ${parsed.reason}` };
  return { ok: true, field: name, measure, value };
}
