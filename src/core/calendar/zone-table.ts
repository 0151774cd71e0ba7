// A time zone's offsets over a span of time, sampled from Intl once. Intl's time-zone formatter costs
// more to create than the rest of `launch today` runs, so the store keeps such a table with the plan
// snapshot (src/io/store/) and hands it to the zone (./zone.ts); instants outside it still go to Intl.

export interface ZoneTable {
  timeZone: string;
  /** Covered range, epoch ms [from, to). */
  from: number;
  to: number;
  /** [instant, offset ms] pairs in time order: the offset in force from that instant on. */
  offsets: [number, number][];
}

/** The zone's UTC offset at `t` from the table, or undefined when `t` is outside it. */
export function tabledOffset(table: ZoneTable, t: number): number | undefined {
  if (t < table.from || t >= table.to) return undefined;
  const { offsets } = table;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]![0] <= t) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo]![1];
}

const DAY_MS = 86_400_000;

/**
 * Builds a table by sampling `offsetAt` daily and bisecting every change to the second; zones change
 * at most a few times a year, so this is a few hundred calls.
 */
export function buildZoneTable(timeZone: string, from: number, to: number, offsetAt: (t: number) => number): ZoneTable {
  const offsets: [number, number][] = [[from, offsetAt(from)]];
  let prev = offsets[0]![1];
  for (let t = from + DAY_MS; t < to + DAY_MS; t += DAY_MS) {
    const at = Math.min(t, to);
    const offset = offsetAt(at);
    if (offset !== prev) {
      let lo = (at - DAY_MS) / 1000;
      let hi = at / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid * 1000) === prev) lo = mid;
        else hi = mid;
      }
      offsets.push([hi * 1000, offset]);
      prev = offset;
    }
  }
  return { timeZone, from, to, offsets };
}
