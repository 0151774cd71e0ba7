import type { Comparator, Dimension, NumericTarget, Quantity, Target } from './schema.js';

/** What a user recorded: an amount, or a qualitative word ("pass"). */
export type Measured = Quantity | { word: string };
export type Verdict = 'met' | 'missed';
export type MeasurementResult =
  | { ok: true; value: Measured }
  | { ok: false; reason: string; expected: string };

interface UnitInfo {
  dimension: 'size' | 'time';
  unit: string;
  factor: number;
}
// Sizes are decimal (1 KB = 1000 B), as bundle analysers and web performance budgets report them.
// Bare "m" is deliberately absent: it could mean minutes or metres, so "5m" is refused.
const UNITS: Record<string, UnitInfo> = {};
const SIZES = [[['b', 'byte', 'bytes'], 'B', 1], [['kb'], 'KB', 1e3], [['mb'], 'MB', 1e6], [['gb'], 'GB', 1e9]] as const;
for (const [names, unit, factor] of SIZES) for (const n of names) UNITS[n] = { dimension: 'size', unit, factor };
const TIMES = [
  [['ms', 'msec'], 1],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1e3],
  [['min', 'mins', 'minute', 'minutes'], 6e4],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 3.6e6],
] as const;
for (const [names, factor] of TIMES) for (const n of names) UNITS[n] = { dimension: 'time', unit: n, factor };

const OPS: Record<string, Comparator> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=', '=': '=', '==': '=' };
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+`;
const LABEL = '[A-Z][A-Za-z0-9]{0,11}';
// K/M multiply counts ("10K+ rows"), but not when they start a unit ("5MB").
const MULT = '([kKM](?![A-Za-z]))?';
const CELL = new RegExp(`^(?:(${LABEL})\\s*:?\\s+)?(<=|>=|==|[<>=≤≥])?\\s*(${NUM})${MULT}(\\+)?(\\s*)(.*)$`);
const RATIO = new RegExp(`^/\\s*(${NUM})$`);
const NOUN = /^[A-Za-z][A-Za-z-]*(?:\/[A-Za-z]+)?(?: [A-Za-z][A-Za-z-]*(?:\/[A-Za-z]+)?){0,2}$/;
const WORD = /^[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3}$/;

const num = (s: string) => Number(s.replaceAll(',', ''));
// Rounding to 15 significant digits absorbs binary noise, so 0.54MB and 540KB are the same number.
const scale = (n: number, factor: number) => (factor === 1 ? n : Number((n * factor).toPrecision(15)));
const factorOf = (q: Quantity) => (q.dimension === 'size' || q.dimension === 'time' ? UNITS[(q.unit ?? '').toLowerCase()]?.factor ?? 1 : 1);
const denominator = (unit?: string) => (unit?.startsWith('/') ? num(unit.slice(1)) : 1);
const nounKey = (unit?: string) => (unit ?? '').toLowerCase().split(' ').pop()!.replace(/s$/, '');

function quantity(n: number, rest: string, spaced: boolean): Quantity | null {
  if (rest === '') return { value: n, dimension: 'number' };
  if (rest === '%') return { value: n, dimension: 'percent', unit: '%' };
  const ratio = RATIO.exec(rest);
  if (ratio) {
    const den = num(ratio[1]!);
    return den > 0 && Number.isFinite(den) ? { value: n, dimension: 'ratio', unit: `/${den}` } : null;
  }
  const u = UNITS[rest.toLowerCase()];
  if (u) return { value: scale(n, u.factor), dimension: u.dimension, unit: u.unit };
  const noun = rest.replace(/\s+/g, ' ');
  // A noun glued to the number ("600XB") is far more likely a typo'd unit than a count.
  return spaced && NOUN.test(noun) ? { value: n, dimension: 'count', unit: noun } : null;
}

type Lexed = { label?: string; op?: Comparator; number: number; q: Quantity } | { unknownUnit: string } | { bits: string; bytes: Quantity };

// Kb, kb, Mb, Gb: a lowercase b after the prefix is bits. A plan's "<500kb" is read as KB (and shown
// back as <500KB); a measured value is refused (see parseMeasurement), as it may be either.
const BITS = /^[kKmMgG]b$/;

/** A target may carry a label ("LCP <2.5s"); a measurement may not, and may not be in bits. */
function lex(text: string, as: 'target' | 'measurement'): Lexed | null {
  const m = CELL.exec(text);
  if (!m || (m[1] && as === 'measurement')) return null;
  const [, label, op, numText = '', mult, plus, gap = '', rest = ''] = m;
  const n = scale(num(numText), mult ? (mult.toUpperCase() === 'K' ? 1e3 : 1e6) : 1);
  if (as === 'measurement' && BITS.test(rest)) {
    const unit = `${rest[0]!.toUpperCase()}B`;
    return { bits: rest, bytes: { value: scale(n, UNITS[unit.toLowerCase()]!.factor / 8), dimension: 'size', unit } };
  }
  const q = quantity(n, rest, gap !== '' || plus !== undefined);
  if (!q) return { unknownUnit: rest };
  if (!Number.isFinite(q.value)) return null;
  return { ...(label ? { label } : {}), ...(op ? { op: OPS[op] } : {}), number: n, q };
}

/** Parses one KPI cell ("<600KB", ">4.0/5", "500 users", "Pass"); a bare amount or "100+" means at least. */
export function parseTarget(text: string): Target | null {
  const t = text.trim();
  const lx = lex(t, 'target');
  if (lx && 'q' in lx) return { kind: 'numeric', text: t, op: lx.op ?? '>=', ...(lx.label ? { label: lx.label } : {}), ...lx.q };
  if (lx || !WORD.test(t)) return null;
  return { kind: 'word', text: t, word: t.toLowerCase().replace(/\s+/g, ' ') };
}

const KIND: Record<Dimension, string> = {
  size: 'a size', time: 'a time', percent: 'a percentage', count: 'a count', ratio: 'a rating', number: 'a plain number',
};
const HINT: Partial<Record<Dimension, string>> = { size: ' (B, KB, MB or GB)', time: ' (ms, s, min or h)' };

function expectedFor(t: Target): string {
  if (t.kind === 'word') return `a word such as ${formatTarget(t)}`;
  return `${KIND[t.dimension]} like ${formatQuantity(t)}${HINT[t.dimension] ?? ''}`;
}

/** Parses a recorded value; with a target, checks it is comparable and expresses it in the target's terms. */
export function parseMeasurement(text: string, target?: Target): MeasurementResult {
  const t = text.trim();
  const refuse = (reason: string): MeasurementResult => ({ ok: false, reason, expected: target ? expectedFor(target) : 'a number with a unit, or a word' });
  const isWord = WORD.test(t);
  if (target?.kind === 'word') return isWord ? { ok: true, value: { word: t.toLowerCase().replace(/\s+/g, ' ') } } : refuse(`"${t}" is not a word`);
  const lx = lex(t, 'measurement');
  if (lx === null) {
    if (isWord && !target) return { ok: true, value: { word: t.toLowerCase().replace(/\s+/g, ' ') } };
    return refuse(isWord ? `"${t}" is a word, but ${formatTarget(target!)} needs ${KIND[target!.dimension]}` : `"${t}" is not a number`);
  }
  if ('unknownUnit' in lx) return refuse(`"${t}" has an unknown unit "${lx.unknownUnit}"`);
  if ('bits' in lx) {
    const bytes = `${t.slice(0, -2).trim()}${lx.bytes.unit}`;
    return refuse(`"${t}": a lowercase b is bits (${t} is ${formatQuantity(lx.bytes)}); write ${bytes} if you mean bytes`);
  }
  if (lx.op) return refuse(`"${t}" looks like a target; record the measured value without "${lx.op}"`);
  let q = lx.q;
  // "6/5" is no rating: above its scale, it is a typo for another number or another scale.
  if (q.dimension === 'ratio' && q.value > denominator(q.unit)) return refuse(`"${t}" is above its scale: a rating out of ${denominator(q.unit)} is at most ${denominator(q.unit)}`);
  if (!target) return { ok: true, value: q };
  if (q.dimension === 'number' && target.dimension === 'count') {
    // A count's noun goes without saying: "750" against "500 users" is 750 users.
    q = { value: lx.number, dimension: 'count', ...(target.unit ? { unit: target.unit } : {}) };
  } else if (q.dimension === 'number' && target.dimension !== 'number') {
    // "45" against "<50ms" could be 45 s as well: the unit is asked for, never guessed.
    return refuse(`"${t}" has no unit, but ${formatTarget(target)} is ${KIND[target.dimension]}; write it as ${formatQuantity({ ...target, value: scale(lx.number, factorOf(target)) })}`);
  }
  if (q.dimension !== target.dimension) return refuse(`"${t}" is ${KIND[q.dimension]}, but ${formatTarget(target)} is ${KIND[target.dimension]}`);
  if (q.dimension === 'count' && target.unit && nounKey(q.unit) !== nounKey(target.unit)) {
    return refuse(`"${t}" counts ${q.unit}, but ${formatTarget(target)} counts ${target.unit}`);
  }
  if (q.dimension === 'ratio' && q.unit !== target.unit) {
    q = { value: scale(q.value / denominator(q.unit), denominator(target.unit)), dimension: 'ratio', ...(target.unit ? { unit: target.unit } : {}) };
  }
  return { ok: true, value: q };
}

// Values stored in base units carry conversion noise, so equality is relative, not bit-exact.
const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case '<': return a < b && !close(a, b);
    case '<=': return a < b || close(a, b);
    case '>': return a > b && !close(a, b);
    case '>=': return a > b || close(a, b);
    case '=': return close(a, b);
  }
}

// "Done" words: any of them meets "pass", and "done"/"completed" also meet "complete" — but not the
// reverse, so a row laddered Pass → Complete still needs the later word for the later week.
const SYNONYMS: Record<string, string> = { passed: 'pass', completed: 'complete', done: 'complete', finished: 'complete', optimised: 'optimized' };
const canon = (w: string) => {
  const l = w.trim().toLowerCase().replace(/\s+/g, ' ');
  return SYNONYMS[l] ?? l;
};

/**
 * Numeric targets compare after unit conversion; a word or another dimension misses (validate with
 * parseMeasurement first). Word targets are met by the same word (or a synonym) or a later word in
 * `ladder`, the row's qualitative targets in week order.
 */
export function evaluate(target: Target, measured: Measured, ladder: string[] = []): Verdict {
  if (target.kind === 'word') {
    if (!('word' in measured)) return 'missed';
    const w = canon(measured.word);
    const t = canon(target.word);
    const rungs = ladder.map(canon);
    const later = rungs.indexOf(t) >= 0 && rungs.lastIndexOf(w) > rungs.indexOf(t);
    return w === t || (t === 'pass' && w === 'complete') || later ? 'met' : 'missed';
  }
  if (!('value' in measured) || measured.dimension !== target.dimension) return 'missed';
  const value = measured.dimension === 'ratio' ? (measured.value / denominator(measured.unit)) * denominator(target.unit) : measured.value;
  return compare(value, target.op, target.value) ? 'met' : 'missed';
}

// The shortest decimal that parses back to exactly the stored base-unit value, so formatting round-trips.
function decimal(value: number, factor: number): string {
  const plain = value / factor;
  // Shortest first: a value read from a report (804.386 ms) divides into noise (0.8043859999999999 s).
  const tries = [...Array.from({ length: 17 }, (_, i) => String(Number(plain.toPrecision(i + 1)))), String(plain)];
  return tries.find((s) => scale(Number(s), factor) === value) ?? String(plain);
}

export function formatQuantity(q: Quantity): string {
  switch (q.dimension) {
    case 'percent': return `${q.value}%`;
    case 'ratio': return `${q.value}${q.unit ?? ''}`;
    case 'count': return q.unit ? `${q.value} ${q.unit}` : String(q.value);
    case 'number': return String(q.value);
    default: {
      const u = UNITS[(q.unit ?? '').toLowerCase()] ?? UNITS[q.dimension === 'size' ? 'b' : 'ms']!;
      return `${decimal(q.value, u.factor)}${u.unit.length > 3 ? ' ' : ''}${u.unit}`;
    }
  }
}

export function formatTarget(t: Target): string {
  if (t.kind === 'word') return t.word.charAt(0).toUpperCase() + t.word.slice(1);
  return `${t.label ? `${t.label} ` : ''}${t.op}${formatQuantity(t)}`;
}

const HAS_DIGIT = /\d/;
const SCAN = new RegExp(`(?:(<=|>=|[<>=≤≥])\\s*)?(?<![\\w.,/-])(?:${NUM})${MULT}(\\+)?`, 'g');
const AFTER = /^(\s*)((?:(concurrent|simultaneous|active|parallel)\s+)?[A-Za-z][A-Za-z-]*(?:\/[A-Za-z]+)?)(?![\w/])/i;
const STOP = new Set('a an and at by during for from in into of on or per the to under over with within across than'.split(' '));
const LABEL_BEFORE = new RegExp(`(?:^|[\\s(,;:])(${LABEL}):?\\s*$`);

/**
 * Thresholds inside a checklist item ("LCP <2.5s, CLS <0.1"). Conservative: a number counts only
 * with a comparator, a "+", a unit (%, size, time, /N), or as a load count ("500 concurrent users",
 * "100 req/min"); "Sprint 3-4" and "Day 2" yield nothing.
 */
export function extractThresholds(text: string): NumericTarget[] {
  const found: NumericTarget[] = [];
  // Every measurement has a digit. exec, not matchAll, which copies SCAN for each of 10,000 titles.
  if (!HAS_DIGIT.test(text)) return found;
  for (let m = ((SCAN.lastIndex = 0), SCAN.exec(text)); m !== null; m = SCAN.exec(text)) {
    const [whole, op, , plus] = m;
    const start = m.index;
    const after = text.slice(start + whole.length);
    let end = start + whole.length;
    let qualifies = op !== undefined || plus !== undefined;
    const unit = /^\s*%/.exec(after) ?? /^\s*\/\s*\d+(?:\.\d+)?(?![\w/])/.exec(after);
    const word = AFTER.exec(after);
    if (unit) [end, qualifies] = [end + unit[0].length, true];
    else if (word && !word[3] && UNITS[word[2]!.toLowerCase()]) [end, qualifies] = [end + word[0].length, true];
    else if (word && (word[1] || plus) && !STOP.has(word[2]!.toLowerCase().split(/\s/)[0]!)) {
      end += word[0].length;
      qualifies ||= word[3] !== undefined || word[2]!.includes('/');
    } else if (word && !word[1]) continue; // glued unknown letters ("600XB", "v2beta"): not a measurement
    const target = qualifies ? parseTarget(text.slice(start, end)) : null;
    if (target?.kind !== 'numeric') continue;
    const label = LABEL_BEFORE.exec(text.slice(0, start))?.[1];
    found.push({ ...target, ...(label ? { label } : {}) });
  }
  return found;
}

export interface ThresholdMeasurement {
  threshold: NumericTarget;
  input: string;
  value: Quantity;
  verdict: Verdict;
}

/**
 * Assigns `--value` arguments to an item's thresholds: "LCP=2.1s" by label (case-insensitive); an
 * unlabelled value goes to the only threshold, else to the only one of its dimension. Where several
 * share it ("LCP <2.5s, FID <100ms": 2.1s could be either), a labelled one must be named; unlabelled
 * ones, which cannot be, take unlabelled values in the order the item lists them.
 * `missing` lists thresholds that got no value.
 */
export function measurementsFromArgs(
  values: string[],
  thresholds: NumericTarget[],
): { results: ThresholdMeasurement[]; missing: NumericTarget[]; errors: string[] } {
  const results: ThresholdMeasurement[] = [];
  const errors: string[] = [];
  const taken = (t: NumericTarget) => results.some((r) => r.threshold === t);
  const list = thresholds.map(formatTarget).join(', ');
  for (const raw of values) {
    const named = /^([A-Za-z][\w ]*?)\s*=\s*(.+)$/.exec(raw.trim());
    const input = (named ? named[2]! : raw).trim();
    let th: NumericTarget | undefined;
    if (thresholds.length === 0) {
      errors.push(`"${raw}": this item has no thresholds to measure`);
      continue;
    } else if (named) {
      th = thresholds.find((t) => t.label?.toLowerCase() === named[1]!.toLowerCase());
      if (!th) errors.push(`"${raw}": no threshold labelled "${named[1]}" (thresholds: ${list})`);
    } else if (thresholds.length === 1) {
      th = thresholds[0];
    } else {
      const p = parseMeasurement(input);
      const dim = p.ok && 'value' in p.value ? p.value.dimension : undefined;
      const same = thresholds.filter((t) => t.dimension === dim);
      const unlabelled = same.filter((t) => !t.label);
      const candidates = same.length === 1 ? same : unlabelled;
      th = [...candidates.filter((t) => !taken(t)), ...candidates][0];
      if (same.length > 1 && unlabelled.length === 0) {
        const names = same.map((t) => `${t.label}=${input}`);
        errors.push(`"${raw}" could be ${same.map(formatTarget).join(' or ')}: name it, e.g. --value ${names.join(' or --value ')}`);
      } else if (!th) {
        errors.push(`"${raw}" matches none of this item's thresholds (${list}); name one, e.g. LABEL=${input}`);
      }
    }
    if (!th) continue;
    if (taken(th)) {
      errors.push(`"${raw}": ${formatTarget(th)} already has a value`);
      continue;
    }
    const r = parseMeasurement(input, th);
    if (!r.ok) errors.push(`${r.reason}; expected ${r.expected}`);
    else if ('value' in r.value) results.push({ threshold: th, input, value: r.value, verdict: evaluate(th, r.value) });
  }
  return { results, missing: thresholds.filter((t) => !taken(t)), errors };
}
