// How users name things at the terminal: the exact id, a unique id prefix, or words of the title
// ("skeleton loading"). Used for items and, with the same rules, for KPI metrics. A name that matches
// nothing gets the closest entries as suggestions (./suggest.ts), never a match: a typo writes nothing.
import { closest } from './suggest.js';
import { words } from './words.js';

export interface Named {
  id: string;
  title: string;
}

/** How a reference found its entry: the exact id, a unique id prefix, or words of the title. */
export type FoundBy = 'id' | 'prefix' | 'title';

export type Resolution<T> =
  | { kind: 'found'; match: T; by: FoundBy }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'none'; suggestions: T[] };

/** Suggestions kept for a picker; off a terminal only the first five are shown. 0 skips the search. */
export const SUGGESTIONS = 12;

export function resolveRef<T extends Named>(entries: readonly T[], ref: string, limit = SUGGESTIONS): Resolution<T> {
  const wanted = ref.trim().toLowerCase();
  const exact = entries.find((e) => e.id === wanted);
  if (exact) return { kind: 'found', match: exact, by: 'id' };

  const byPrefix = entries.filter((e) => e.id.startsWith(wanted));
  if (byPrefix.length === 1) return { kind: 'found', match: byPrefix[0]!, by: 'prefix' };

  // Each entry's words, read once for the title match and again, if nothing matched, for suggestions.
  const own: string[][] = [];
  const wordsOf = (i: number): string[] => (own[i] ??= words(entries[i]!.title).concat(words(entries[i]!.id)));
  const refWords = words(wanted);
  const byWords = refWords.length === 0 ? [] : entries.filter((_, i) => refWords.every((w) => wordsOf(i).some((t) => t.startsWith(w))));
  const exactTitle = byWords.filter((e) => e.title.toLowerCase() === wanted);
  if (exactTitle.length === 1) return { kind: 'found', match: exactTitle[0]!, by: 'title' };
  const candidates = byPrefix.length > 1 ? byPrefix : byWords;
  if (candidates.length === 1) return { kind: 'found', match: candidates[0]!, by: 'title' };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  return { kind: 'none', suggestions: limit > 0 ? closest(entries, wanted, wordsOf, limit) : [] };
}
