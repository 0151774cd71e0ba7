// Ids are typed at the terminal every day: short, lower-case, made of the title's first meaningful
// words, so that they survive re-imports as long as the title does.

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

/** The first `max` meaningful words joined by dashes ("Bundle size analyzed and …" → "bundle-size-analyzed"). */
export function slug(text: string, max = 3): string {
  const all = words(text);
  const meaningful = all.filter((w) => !STOPWORDS.has(w));
  const chosen = (meaningful.length > 0 ? meaningful : all).slice(0, max);
  return chosen.join('-').slice(0, 40).replace(/-+$/, '') || 'item';
}

/**
 * Makes ids unique. Clashing ids are replaced by their longer form (more title words), then get a
 * qualifier from their place (e.g. the week), then a counter in document order; the result depends
 * only on the candidates, so the same plan always yields the same ids.
 */
export function assignIds(
  bases: readonly string[],
  longer: readonly string[],
  qualifiers: readonly (string | undefined)[],
  reserved: ReadonlySet<string> = new Set(),
): string[] {
  const ids = [...bases];
  const attempts: ((i: number) => string)[] = [
    (i) => longer[i] ?? ids[i]!,
    (i) => (qualifiers[i] ? fit(`${ids[i]}-${qualifiers[i]}`, MAX_ID - 4) : ids[i]!),
  ];
  for (const attempt of attempts) {
    const clashing = clashes(ids, reserved);
    if (clashing.size === 0) return ids;
    ids.forEach((id, i) => {
      if (clashing.has(id)) ids[i] = attempt(i);
    });
  }
  const seen = new Set(reserved);
  return ids.map((id) => {
    let unique = id;
    for (let n = 2; seen.has(unique); n++) unique = `${fit(id, MAX_ID - String(n).length - 1)}-${n}`;
    seen.add(unique);
    return unique;
  });
}

/** The schema's limit for ids: qualifiers and counters must not push an id past it. */
const MAX_ID = 64;
const fit = (id: string, max: number): string => id.slice(0, max).replace(/-+$/, '');

function clashes(ids: readonly string[], reserved: ReadonlySet<string>): Set<string> {
  const count = new Map<string, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  return new Set(ids.filter((id) => count.get(id)! > 1 || reserved.has(id)));
}
