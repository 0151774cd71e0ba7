// Events counted in words, for sync's commit messages ("checked 2, blocked 1") and its report of what
// teammates did ("bob checked 3 items, blocked 1"). Pure.
import { EVENT_TYPES, isKnownType, TYPE_NAMES } from './event-types.js';
import type { LogEvent } from './events.js';

/** Event type → how many, in the log's own type names so `--json` readers need no second vocabulary. */
export type Counts = Record<string, number>;

export interface ActorCounts {
  actor: string;
  counts: Counts;
}

const ITEM: [string, string] = ['item', 'items'];

/** Counts per type; an event present twice (a union merge can do that) counts once. */
export function countByType(events: readonly LogEvent[]): Counts {
  const seen = new Set<string>();
  const counts: Counts = {};
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    counts[e.type] = (counts[e.type] ?? 0) + 1;
  }
  return counts;
}

/** Counts per actor, actors in alphabetical order so the report reads the same on every machine. */
export function countByActor(events: readonly LogEvent[]): ActorCounts[] {
  const byActor = new Map<string, LogEvent[]>();
  for (const e of events) {
    const list = byActor.get(e.actor);
    if (list) list.push(e);
    else byActor.set(e.actor, [e]);
  }
  return [...byActor.keys()].sort().map((actor) => ({ actor, counts: countByType(byActor.get(actor)!) }));
}

const typeRank = (type: string) => (isKnownType(type) ? TYPE_NAMES.indexOf(type) : TYPE_NAMES.length);

/**
 * "checked 3 items, blocked 1, recorded 2 KPI values". With `nouns: false` (commit messages) the nouns
 * are left out; otherwise a noun is written when it differs from the previous phrase's.
 */
export function describeCounts(counts: Counts, opts: { nouns: boolean }): string {
  const types = Object.keys(counts).filter((t) => counts[t]! > 0).sort((a, b) => typeRank(a) - typeRank(b) || (a < b ? -1 : 1));
  let previous: string | undefined;
  return types
    .map((type) => {
      const n = counts[type]!;
      if (!isKnownType(type)) return `${n} ${type} event${n === 1 ? '' : 's'}`;
      const { verb, noun = ITEM } = EVENT_TYPES[type];
      const show = opts.nouns && noun[1] !== previous;
      previous = noun[1];
      return show ? `${verb} ${n} ${noun[n === 1 ? 0 : 1]}` : `${verb} ${n}`;
    })
    .join(', ');
}
