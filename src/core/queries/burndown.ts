// Open items left at the end of each working day, against the ideal straight line from everything open
// on day one to nothing open on the last day. Each day's count is the view as of that day: the events
// counting on or before it, the last typed change of each item winning (as the fold decides).
import { parseInstant } from '../calendar/instant.js';
import { EVENT_TYPES, isKnownType } from '../log/event-types.js';
import type { LogEvent } from '../log/events.js';
import { cancelledIds } from '../log/fold.js';
import type { PlanView } from './schedule.js';

export interface BurndownPoint {
  date: string;
  /** Null for days after `until`: the future has no actuals. */
  remaining: number | null;
  ideal: number;
}

export interface Burndown {
  total: number;
  points: BurndownPoint[];
}

const transition = (e: LogEvent) => (isKnownType(e.type) ? EVENT_TYPES[e.type].burndown : undefined);

/** `timeline`: the whole log in fold order (the last typed change last), as the store gives it. */
export function burndown(view: PlanView, timeline: readonly LogEvent[], until: string): Burndown {
  const { calendar } = view;
  const range = calendar.planRange;
  // A parent counts by its children, as everywhere progress is counted (PlanView.counted).
  const total = view.counted.length;
  if (!range) return { total, points: [] };
  const days = calendar.workingDaysIn(range.first, range.last);
  const known = new Set(view.counted.map((e) => e.id));
  const markedDone = new Set(view.counted.filter((e) => e.markedDone).map((e) => e.id));

  // Events that move an item, and undos, in the order their days come (events before the plan count
  // on day one); each keeps its place in the timeline, which says which change was typed last.
  const relevant: { at: number; ts: number }[] = [];
  timeline.forEach((e, at) => {
    if (e.type === 'undo' || (transition(e) && typeof e.item === 'string' && known.has(e.item))) relevant.push({ at, ts: parseInstant(e.ts) });
  });
  relevant.sort((a, b) => a.ts - b.ts || a.at - b.at);

  const counted: boolean[] = new Array<boolean>(timeline.length).fill(false);
  /** Per item, the timeline position of its last counted change. */
  const winner = new Map<string, number>();
  // Items done so far, kept as winners change: counting over every item on each day cost
  // days × items (500 × 10,000 on the big plan) for `status`.
  let done = markedDone.size;
  const isDone = (item: string, at: number | undefined) => (at === undefined ? markedDone.has(item) : transition(timeline[at]!) === 'done');
  let cancelled: ReadonlySet<string> = new Set();
  const consider = (at: number) => {
    const e = timeline[at]!;
    if (!transition(e) || cancelled.has(e.id)) return;
    const item = e.item as string;
    const before = winner.get(item);
    if ((before ?? -1) >= at) return;
    done += Number(isDone(item, at)) - Number(isDone(item, before));
    winner.set(item, at);
  };
  const remaining = () => total - done;

  const points: BurndownPoint[] = [];
  let next = 0;
  days.forEach((day, i) => {
    const end = calendar.dayEnd(day);
    let undone = false;
    const added: number[] = [];
    for (; next < relevant.length && relevant[next]!.ts < end; next++) {
      const { at } = relevant[next]!;
      counted[at] = true;
      added.push(at);
      if (timeline[at]!.type === 'undo') undone = true;
    }
    if (undone) {
      // An undo counted today may cancel a change counted on an earlier day: start over.
      cancelled = cancelledIds(timeline.filter((_, at) => counted[at]));
      winner.clear();
      done = markedDone.size;
      counted.forEach((c, at) => c && consider(at));
    } else {
      for (const at of added) consider(at);
    }
    const ideal = Math.round(total * (1 - (i + 1) / days.length) * 10) / 10;
    points.push({ date: day, remaining: day <= until ? remaining() : null, ideal });
  });
  return { total, points };
}
