// Unique ids for a plan's items: the slugs of their titles, made unique without depending on order.
import { slug } from '../plan/words.js';

export { slug };

/**
 * Another form of the i-th id, asked for only when it clashes: the longer slugs of 10,000 titles, made
 * up front, were ~5% of a large import, and few ids ever clash.
 */
export type Derived = (i: number) => string | undefined;
export const none: Derived = () => undefined;

/**
 * Makes ids unique. Clashing ids are replaced by their longer form (more title words), then get a
 * qualifier from their place (e.g. the week), then a counter in document order; the result depends
 * only on the candidates, so the same plan always yields the same ids.
 */
export function assignIds(
  bases: readonly string[],
  longer: Derived,
  qualifiers: Derived,
  reserved: ReadonlySet<string> = new Set(),
): string[] {
  const ids = [...bases];
  const attempts: ((i: number) => string)[] = [
    (i) => longer(i) ?? ids[i]!,
    (i) => {
      const q = qualifiers(i);
      return q ? fit(`${ids[i]}-${q}`, MAX_ID - 4) : ids[i]!;
    },
  ];
  for (const attempt of attempts) {
    const clashing = clashes(ids, reserved);
    if (clashing.size === 0) return ids;
    ids.forEach((id, i) => {
      if (clashing.has(id)) ids[i] = attempt(i);
    });
  }
  const seen = new Set(reserved);
  // Each base resumes its counter where it last stopped (`seen` only grows, so the numbers skipped
  // stay taken): 20,000 items titled alike took 298 s counting from 2 each time, now well under one.
  const nextCounter = new Map<string, number>();
  return ids.map((id) => {
    let unique = id;
    let n = nextCounter.get(id) ?? 2;
    while (seen.has(unique)) unique = `${fit(id, MAX_ID - String(n).length - 1)}-${n++}`;
    nextCounter.set(id, n);
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
