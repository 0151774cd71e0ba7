// Appending events: ids are random, timestamps carry the workspace's offset, and the line is on disk
// before the command says it is done.
import { formatOffsetTimestamp } from '../../core/calendar/calendar.js';
import { createEvent, type LaunchEvent, type NewEvent } from '../../core/log/events.js';
import { LaunchError } from '../../errors.js';
import { appendEvents, newEventId } from '../../io/event-log-append.js';
import type { State } from '../../io/store/open.js';
import { INIT_HINT, resolveActor } from '../../io/workspace.js';
import type { Ctx } from '../../runtime.js';

export interface RecordOptions {
  /**
   * The day the events count for ("I forgot to tick it yesterday"), never after today: they get local
   * noon of that day as `ts`, and when they were typed as `recorded`.
   */
  date?: string | undefined;
}

export function actorFor(ctx: Ctx, state: State, as?: string): Promise<string> {
  return resolveActor(as, state.config, ctx.rt.cwd, ctx.rt.env, state.paths);
}

export async function record(ctx: Ctx, state: State, fields: NewEvent[], opts: RecordOptions = {}): Promise<LaunchEvent[]> {
  if (!state.paths) throw new LaunchError('no launch workspace', { hint: INIT_HINT });
  const now = ctx.rt.now().getTime();
  const zone = state.calendar.zone;
  const backdated = opts.date !== undefined && opts.date !== state.today;
  const at = backdated ? state.calendar.noonOf(opts.date!) : now;
  const ts = formatOffsetTimestamp(at, zone);
  const events = fields.map((f) => {
    const e = createEvent(f, newEventId(), ts);
    if (backdated) (e as Record<string, unknown>).recorded = formatOffsetTimestamp(now, zone);
    return e;
  });
  await appendEvents(state.paths.log, events, { after: state.logStamp });
  return events;
}
