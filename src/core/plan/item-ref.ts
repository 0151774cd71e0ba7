// How users name things at the terminal: the exact id, a unique id prefix, or words of the title
// ("skeleton loading"). Used for items and, with the same rules, for KPI metrics.
import { words } from './words.js';
import { compareText } from './words.js';

export interface Named {
  id: string;
  title: string;
}

export type Resolution<T> =
  | { kind: 'found'; match: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'none'; suggestions: T[] };

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function resolveRef<T extends Named>(entries: readonly T[], ref: string, limit = 5): Resolution<T> {
  const wanted = ref.trim().toLowerCase();
  const exact = entries.find((e) => e.id === wanted);
  if (exact) return { kind: 'found', match: exact };

  const byPrefix = entries.filter((e) => e.id.startsWith(wanted));
  if (byPrefix.length === 1) return { kind: 'found', match: byPrefix[0]! };

  const refWords = words(wanted);
  const byWords = refWords.length === 0 ? [] : entries.filter((e) => {
    const titleWords = [...words(e.title), ...words(e.id)];
    return refWords.every((w) => titleWords.some((t) => t.startsWith(w)));
  });
  const exactTitle = byWords.filter((e) => e.title.toLowerCase() === wanted);
  if (exactTitle.length === 1) return { kind: 'found', match: exactTitle[0]! };
  const candidates = byPrefix.length > 1 ? byPrefix : byWords;
  if (candidates.length === 1) return { kind: 'found', match: candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };

  // Nothing matched: suggest the closest ids and titles for a "did you mean".
  const scored = entries
    .map((e) => {
      const overlap = refWords.filter((w) => words(e.title).some((t) => t.startsWith(w.slice(0, 4)))).length;
      return { e, score: editDistance(wanted, e.id) - overlap * 4 };
    })
    .sort((a, b) => a.score - b.score || compareText(a.e.id, b.e.id));
  const threshold = Math.max(3, Math.floor(wanted.length / 2));
  return { kind: 'none', suggestions: scored.filter((s) => s.score <= threshold).slice(0, limit).map((s) => s.e) };
}
