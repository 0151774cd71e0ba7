// "Did you mean": when a name matches nothing, the entries it most likely meant. Each typed word may
// name a word of the entry's title or id exactly, by prefix, or with a small typo ("lighthose" →
// Lighthouse); the entries naming the most typed words win, the cheapest readings first. It runs over
// every item of a plan, so it stays linear and cuts each comparison short as soon as it cannot match.
import { meaningful, words } from './words.js';

/** Edits a typed word may be from the word it means: none under 4 letters, one up to 7, two beyond. */
export const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/**
 * Edits from `a` to `b` (insert, delete, replace, or swap two neighbours), or `max + 1` as soon as it
 * is certain to be more than `max`. Only the cells within `max` of the diagonal are computed: a path
 * through any other costs more than `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const n = b.length;
  if (Math.abs(a.length - n) > max) return max + 1;
  const over = max + 1;
  let older: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => (j <= max ? j : over));
  let row: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    row[lo - 1] = lo === 1 && i <= max ? i : over;
    let least = row[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, older[j - 2]! + 1);
      row[j] = v;
      if (v < least) least = v;
    }
    if (hi < n) row[hi + 1] = over;
    // Every later value is at least this row's least (a swap reaches back two rows, but no cheaper).
    if (least > max) return over;
    [older, prev, row] = [prev, row, older];
  }
  return Math.min(prev[n]!, over);
}

const NO_MATCH = Number.POSITIVE_INFINITY;

/** How far `typed` is from meaning `word`: 0 the word, 1 its start, 2 per edit, one more for a mistyped start. */
function wordCost(typed: string, word: string, budget: number): number {
  if (word === typed) return 0;
  if (word.startsWith(typed)) return 1;
  if (budget === 0) return NO_MATCH;
  const whole = editDistance(typed, word, budget);
  if (whole <= budget) return 2 * whole;
  if (word.length <= typed.length) return NO_MATCH;
  const start = editDistance(typed, word.slice(0, typed.length), budget);
  return start <= budget ? 2 * start + 1 : NO_MATCH;
}

/**
 * The entries closest to `ref`, best first, at most `limit`: those in which the most typed words find a
 * word, by the fewest edits, then with the words in the entry's order, then nearest its start, then in
 * the given order. A single typed word may also be a mistyped or run-together id ("redissetup").
 * `wordsOf(i)` gives entry i's words (title, then id).
 */
export function closest<T extends { id: string }>(entries: readonly T[], ref: string, wordsOf: (i: number) => readonly string[], limit: number): T[] {
  const typed = meaningful(words(ref));
  const budgets = typed.map(typoBudget);
  const asId = typed.length === 1 ? typed[0]! : undefined;
  // Plans repeat their words: each distinct word is weighed once against every typed word.
  const memo = new Map<string, number[]>();
  const costsOf = (word: string): number[] => {
    let costs = memo.get(word);
    if (costs === undefined) memo.set(word, (costs = typed.map((t, k) => wordCost(t, word, budgets[k]!))));
    return costs;
  };
  const least: number[] = typed.map(() => NO_MATCH);
  const at: number[] = typed.map(() => 0);
  let best = 1;
  let kept: { i: number; cost: number; disorder: number; lead: number }[] = [];
  for (let i = 0; i < entries.length; i++) {
    least.fill(NO_MATCH);
    const own = wordsOf(i);
    for (let w = 0; w < own.length; w++) {
      const costs = costsOf(own[w]!);
      for (let k = 0; k < costs.length; k++) if (costs[k]! < least[k]!) [least[k], at[k]] = [costs[k]!, w];
    }
    let matched = 0;
    let cost = 0;
    // Typed words found in another order than the entry's ("week 12 … 7" before "week 7 … 12"), and
    // how far into the entry the first of them is ("Security Policy" before "Session Security").
    let disorder = 0;
    let last = -1;
    let lead = own.length;
    for (let k = 0; k < least.length; k++) {
      if (least[k] === NO_MATCH) continue;
      [matched, cost, lead] = [matched + 1, cost + least[k]!, Math.min(lead, at[k]!)];
      if (at[k]! < last) disorder++;
      last = at[k]!;
    }
    if (asId !== undefined && matched === 0) {
      const d = editDistance(asId, entries[i]!.id.replace(/-/g, ''), budgets[0]!);
      if (d <= budgets[0]!) [matched, cost, lead] = [1, 2 * d, 0];
    }
    if (matched < best) continue;
    if (matched > best) [best, kept] = [matched, []];
    kept.push({ i, cost, disorder, lead });
  }
  return kept.sort((a, b) => a.cost - b.cost || a.disorder - b.disorder || a.lead - b.lead || a.i - b.i).slice(0, limit).map((s) => entries[s.i]!);
}
