// launch log [--actor] [--item] [--since] [--limit]: the history, newest first.
import { describeEvent } from '../core/log/event-types.js';
import { type LogEvent } from '../core/log/events.js';
import { startOfLocalDay } from '../core/calendar/calendar.js';
import { UsageError } from '../errors.js';
import { openSession, resolveDate } from '../io/session.js';
import { safeText } from '../render/sanitize.js';
import { formatTimestamp } from '../render/timestamps.js';
import type { Ctx } from '../runtime.js';
import { resolveOne } from './shared/items.js';

export interface LogOptions {
  actor?: string;
  item?: string;
  since?: string;
  limit?: string;
}

export async function logCommand(ctx: Ctx, opts: LogOptions): Promise<void> {
  const session = await openSession(ctx, { history: true });
  const limit = opts.limit === undefined ? Infinity : Number(opts.limit);
  if (!(limit > 0)) throw new UsageError(`--limit: "${opts.limit}" is not a positive number`);
  const item = opts.item ? await resolveOne(ctx, session.plan.items, opts.item) : undefined;
  const since = opts.since ? startOfLocalDay(resolveDate(opts.since, session.today), session.calendar.zone) : undefined;
  const byId = new Map(session.state.timeline.map((e) => [e.id, e]));
  const actor = opts.actor?.toLowerCase();
  const picked: LogEvent[] = [];
  for (let i = session.state.timeline.length - 1; i >= 0 && picked.length < limit; i--) {
    const e = session.state.timeline[i]!;
    if (actor && e.actor.toLowerCase() !== actor) continue;
    if (item && e.item !== item.id) continue;
    if (since !== undefined && Date.parse(e.ts) < since) break;
    picked.push(e);
  }
  if (ctx.json) return ctx.printJson({ schema: 1, events: picked.map((e) => ({ ...e, undone: session.state.cancelled.has(e.id) })) });
  if (picked.length === 0) return ctx.print(session.paths ? 'no events match' : 'no events yet (no workspace)');
  const width = Math.max(...picked.map((e) => e.actor.length));
  for (const e of picked) {
    const undone = session.state.cancelled.has(e.id) ? ctx.theme.c.dim(' (undone)') : '';
    ctx.print(`${ctx.theme.c.dim(formatTimestamp(e.ts, session.calendar.zone))}  ${safeText(e.actor).padEnd(width)}  ${safeText(describeEvent(e, (id) => byId.get(id)))}${undone}`);
  }
}
