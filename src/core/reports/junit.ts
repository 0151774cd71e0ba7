// JUnit XML as jest-junit, vitest, pytest, Maven surefire, PHPUnit, Playwright and mocha write it: a
// <testsuites> root with or without totals, or a single <testsuite>; suites may nest (PHPUnit).
import { z } from 'zod';
import { FIELD_CHOICES, percentOf, present, type Report } from './report.js';

const count = z.string().regex(/^\s*\d+\s*$/).transform(Number).optional();
const Totals = z.looseObject({ '@tests': count, '@failures': count, '@errors': count, '@skipped': count, '@disabled': count });
type Node = Record<string, unknown>;

/** An element the XML parser gives once as an object, or several times as an array. */
export const asList = (x: unknown): Node[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]).filter((n): n is Node => typeof n === 'object' && n !== null);

export const looksLikeJunit = (root: string): boolean => root === 'testsuites' || root === 'testsuite';

interface Tally {
  tests: number;
  failed: number;
  skipped: number;
}

/** Every <testcase>, however deep its suite: one whose children hold a failure or error failed. */
function tallyCases(node: Node, t: Tally): Tally {
  for (const c of asList(node.testcase)) {
    t.tests++;
    if ('failure' in c || 'error' in c) t.failed++;
    else if ('skipped' in c) t.skipped++;
  }
  for (const s of asList(node.testsuite)) tallyCases(s, t);
  return t;
}

/** Totals from attributes, for a report that lists no test cases: the root's, else its suites' sums. */
function tallyAttributes(root: Node, rootName: string): Tally | string {
  const own = Totals.safeParse(root);
  const suites = rootName === 'testsuite' || (own.success && own.data['@tests'] !== undefined) ? [root] : asList(root.testsuite);
  const t: Tally = { tests: 0, failed: 0, skipped: 0 };
  for (const s of suites) {
    const r = Totals.safeParse(s);
    if (!r.success) return `a <testsuite> has a count that is not a whole number (${r.error.issues[0]!.path.join('')})`;
    t.tests += r.data['@tests'] ?? 0;
    t.failed += (r.data['@failures'] ?? 0) + (r.data['@errors'] ?? 0);
    t.skipped += (r.data['@skipped'] ?? 0) + (r.data['@disabled'] ?? 0);
  }
  return t;
}

/** Reads a JUnit document; a string says why it cannot be read. */
export function readJunit(rootName: string, root: Node): Report | string {
  let t = tallyCases(rootName === 'testsuite' ? { testsuite: root } : root, { tests: 0, failed: 0, skipped: 0 });
  if (t.tests === 0) {
    const totals = tallyAttributes(root, rootName);
    if (typeof totals === 'string') return totals;
    t = totals;
  }
  const passed = t.tests - t.failed - t.skipped;
  const ran = t.tests - t.skipped;
  const rate = percentOf(passed, ran);
  return {
    kind: 'junit',
    tool: 'JUnit XML',
    fieldNames: FIELD_CHOICES.junit,
    fields: present([
      ['passed', { value: passed, dimension: 'count', noun: 'passed tests', label: `passed tests (${t.tests} tests, ${t.failed} failed, ${t.skipped} skipped)` }],
      ['failed', { value: t.failed, dimension: 'count', noun: 'failed tests', label: `failed tests (${t.tests} tests, ${t.skipped} skipped)` }],
      ['pass-rate', rate === undefined ? undefined : { value: rate, dimension: 'percent', label: `pass rate (${passed} of ${ran} tests passed)` }],
    ]),
    absent: { 'pass-rate': t.tests === 0 ? 'it lists no tests' : 'every test was skipped' },
    defaults: { percent: 'pass-rate', count: 'passed' },
  };
}
