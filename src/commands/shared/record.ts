// Appending events: the workspace must exist (offered on a terminal), ids are random, timestamps carry
// the workspace's offset, and the line is on disk before the command says it is done.
import { formatOffsetTimestamp, localDateOf, startOfLocalDay, zoneOf } from '../../core/calendar/calendar.js';
import { createEvent, type LaunchEvent, type NewEvent } from '../../core/log/events.js';
import { isLaunchError, LaunchError } from '../../errors.js';
import { appendEvents, newEventId } from '../../io/event-log.js';
import { initWorkspace } from '../../io/init-workspace.js';
import { bundledPlanPath } from '../../io/plan-source.js';
import { confirm } from '../../io/prompts.js';
import { defaultConfig, INIT_HINT, openSession, type Session, systemTimeZone } from '../../io/session.js';
import { resolveActor, WORKSPACE_DIR } from '../../io/workspace.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../runtime.js';

/**
 * Opens the workspace for writing; with none, offers (on a terminal) to create one. `history`: the
 * command reads `session.events` or `session.state.timeline` (see OpenOptions).
 */
export async function openForWrite(ctx: Ctx, opts: { history?: boolean } = {}): Promise<Session> {
  try {
    return await openSession(ctx, { write: true, history: opts.history === true });
  } catch (error) {
    const noWorkspace = isLaunchError(error) && error.hint === INIT_HINT;
    if (!noWorkspace || !ctx.interactive || ctx.dir) throw error;
    const yes = await confirm('No launch workspace here. Create .launch/ with the bundled plan, starting this week?');
    if (!yes) throw error;
    const timeZone = systemTimeZone(ctx.rt.env);
    const today = localDateOf(ctx.rt.now().getTime(), zoneOf(timeZone));
    const { configToYaml } = await import('../../lazy/parse.js');
    initWorkspace({ dir: join(ctx.rt.cwd, WORKSPACE_DIR), planYaml: readFileSync(bundledPlanPath(), 'utf8'), configYaml: configToYaml(defaultConfig(today, timeZone)), force: false });
    ctx.note(`Created ${WORKSPACE_DIR}/ (week 1 is this week; \`launch init --force --start <date>\` changes it).`);
    return openSession(ctx, { write: true, history: opts.history === true });
  }
}

export interface RecordOptions {
  /** Backdate to this local day ("I forgot to tick it yesterday"): recorded at local noon. */
  date?: string;
  as?: string;
}

export function actorFor(ctx: Ctx, session: Session, as?: string): Promise<string> {
  return resolveActor(as, session.config, ctx.rt.cwd, ctx.rt.env, session.paths);
}

export async function record(ctx: Ctx, session: Session, fields: NewEvent[], opts: RecordOptions = {}): Promise<LaunchEvent[]> {
  if (!session.paths) throw new LaunchError('no launch workspace', { hint: INIT_HINT });
  const now = ctx.rt.now().getTime();
  const tz = session.calendar.zone;
  const backdated = opts.date !== undefined && opts.date !== session.today;
  const at = backdated ? startOfLocalDay(opts.date!, tz) + 12 * 3600_000 : now;
  const ts = formatOffsetTimestamp(at, tz);
  const events = fields.map((f) => {
    const e = createEvent(f, newEventId(), ts);
    if (backdated) (e as Record<string, unknown>).recorded = formatOffsetTimestamp(now, tz);
    return e;
  });
  await appendEvents(session.paths.log, events, { after: session.logStamp });
  return events;
}
