// A table of distinct values, each referred to by its index: how the snapshots store ids, actors and
// spans that thousands of rows share.

export interface Interner<T> {
  /** Each distinct value once, in the order first seen. */
  readonly values: T[];
  /** The value's index in `values` (added if new); -1 for undefined. */
  index(value: T | undefined): number;
}

/** `keyOf` says when two values are the same (default: as strings). */
export function interner<T>(keyOf: (value: T) => string = String): Interner<T> {
  const at = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    index(value) {
      if (value === undefined) return -1;
      const key = keyOf(value);
      let i = at.get(key);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        at.set(key, i);
      }
      return i;
    },
  };
}
