// Words of titles and ids: how titles become ids (short, lower-case, made of the title's first
// meaningful words, so that they survive re-imports as long as the title does), how typed words find
// an item, and the one text order used for ids, dates and names.

const STOPWORDS = new Set([
  'a', 'an', 'and', 'or', 'the', 'for', 'of', 'with', 'to', 'in', 'on', 'at', 'by', 'all', 'from',
  'as', 'is', 'are', 'be', 'per', 'via', 'into', 'its', 'our', 'your', 'their', 'any', 'every',
]);

export function words(text: string): string[] {
  // Decomposing strips accents ("é" → "e"); plain ASCII has none, and normalize() goes through ICU.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The words that carry meaning ("the", "for" … dropped), or all of them when none does. */
export function meaningful(all: string[]): string[] {
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : all;
}

/** The first `max` meaningful words joined by dashes ("Bundle size analyzed and …" → "bundle-size-analyzed"). */
export function slug(text: string, max = 3): string {
  const chosen = meaningful(words(text)).slice(0, max);
  return chosen.join('-').slice(0, 40).replace(/-+$/, '') || 'item';
}

/**
 * Code-unit order for ids, dates and names. `localeCompare` would load ICU's collator, which costs
 * more than a whole `launch today`; ISO dates and ids sort correctly by code unit anyway.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether every typed word is found in `text` (a title and an id), ignoring case and accents:
 * "cafe" finds "Café menu", "skeleton-load" finds skeleton-loading-setup.
 */
export function matchesAllWords(typed: readonly string[], text: string): boolean {
  const wanted = typed.flatMap(words);
  if (wanted.length === 0) return true;
  const hay = words(text).join(' ');
  return wanted.every((w) => hay.includes(w));
}
