// Opens what a command works on: the plan, the config, the calendar and the folded log — from the
// workspace, or, when there is none, the bundled plan starting this week (read commands only).
import { readlinkSync } from 'node:fs';
import type { Config } from '../core/config/config.js';
import { DEFAULT_WORKING_DAYS } from '../core/config/config.js';
import { addDays, type Calendar, createCalendar, isValidTimeZone, localDateOf, parsePlainDate, zoneOf } from '../core/calendar/calendar.js';
import type { ZoneTable } from '../core/calendar/zone-table.js';
import { foldResultOf } from '../core/log/fold-incremental.js';
import { foldEvents } from '../core/log/fold.js';
import { type FoldResult } from '../core/log/state.js';
import { type LogEvent } from '../core/log/events.js';
import type { Plan } from '../core/plan/schema.js';
import { LaunchError, UsageError } from '../errors.js';
import type { Ctx } from '../runtime.js';
import { formatLogProblem, type LogStamp, readEventLog } from './event-log.js';
import { readFoldedLog } from './store/fold-snapshot.js';
import { loadPlanAndConfig } from './store/plan-snapshot.js';
import { bundledPlanPath } from './plan-source.js';
import { findWorkspace, type WorkspacePaths } from './workspace.js';

export interface Session {
  plan: Plan;
  config: Config;
  calendar: Calendar;
  /** Undefined when running on the bundled plan without a workspace. */
  paths: WorkspacePaths | undefined;
  /** Every line of the log as read; empty (frozen) unless opened with `history`. */
  events: LogEvent[];
  /** The fold; its `timeline` is empty (frozen) unless opened with `history`. */
  state: FoldResult;
  /** Whether `events` and `state.timeline` hold the log's history. */
  history: boolean;
  /** Where the read of the log ended, so an append re-checks only what arrived since. */
  logStamp: LogStamp | null;
  /** Today's date in the workspace's time zone. */
  today: string;
}

/**
 * The machine's zone. Asking Intl costs as much as the rest of a run, so TZ and the /etc/localtime link
 * are tried first; Intl decides only when neither names a zone.
 */
export function systemTimeZone(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.TZ?.replace(/^:/, '');
  if (fromEnv && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(fromEnv)) return fromEnv;
  try {
    const link = readlinkSync('/etc/localtime');
    const m = /zoneinfo\/(.+)$/.exec(link);
    if (m) return m[1]!;
  } catch {
    // not a link (or no such file): ask Intl
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function defaultConfig(start: string, timeZone: string): Config {
  return { version: 1, start, timeZone, workingDays: [...DEFAULT_WORKING_DAYS], holidays: [] };
}

export const INIT_HINT = 'run `launch init` to create a workspace (.launch/) here';

export interface OpenOptions {
  /** Commands that append events need a real workspace and a log without malformed lines. */
  write?: boolean;
  /**
   * Commands that read `events` or `state.timeline` (log, show, status, standup, undo, doctor) need
   * the whole log read and folded. Without it the fold may come from the fold cache
   * (./fold-cache.ts), which reads only what was appended since the last run, and both are empty.
   */
  history?: boolean;
}

// What a session without history holds instead: frozen, so a command that forgot to ask for history
// fails loudly if it tries to add to them, and reads nothing rather than a partial log.
const NO_EVENTS: LogEvent[] = Object.freeze([]) as unknown as LogEvent[];

export async function openSession(ctx: Ctx, opts: OpenOptions = {}): Promise<Session> {
  const paths = findWorkspace(ctx.rt.cwd, ctx.dir);
  if (!paths) {
    if (opts.write) throw new LaunchError('no launch workspace here or in any parent directory', { hint: INIT_HINT });
    const timeZone = systemTimeZone(ctx.rt.env);
    const now = ctx.rt.now().getTime();
    // The zone table is built around a start date; yesterday's UTC date is close enough to centre it.
    const { plan, zone } = await loadPlanAndConfig(bundledPlanPath(), undefined, { timeZone, start: new Date(now).toISOString().slice(0, 10) });
    const config = defaultConfig(localDateOf(now, zoneOf(timeZone)), timeZone);
    ctx.note(`No workspace: showing the bundled plan "${plan.title}" as if it started this week; ${INIT_HINT}.`);
    return build(plan, config, undefined, [], foldEvents([]), null, true, ctx, zone);
  }
  const loaded = await loadPlanAndConfig(paths.plan, paths.config);
  const plan = loaded.plan;
  const config = loaded.config!;
  if (loaded.zone?.timeZone !== config.timeZone && !isValidTimeZone(config.timeZone)) {
    throw new LaunchError(`${paths.config}: timeZone: "${config.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
  }
  const log = opts.history ? readEventLog(paths.log) : readFoldedLog(paths.log);
  for (const w of log.warnings) ctx.warn(w);
  if (log.errors.length > 0) {
    const listed = log.errors.slice(0, 5).map(formatLogProblem).join('\n');
    if (opts.write) {
      throw new LaunchError(`the event log has malformed lines; nothing was recorded\n${listed}`, {
        hint: 'run `launch doctor` to see them and `launch doctor --repair` to move them to a backup',
      });
    }
    ctx.warn(`ignoring ${log.errors.length} malformed line(s) of the event log (run \`launch doctor\`):\n${listed}`);
  }
  if ('fold' in log) return build(plan, config, paths, NO_EVENTS, foldResultOf(log.fold, NO_EVENTS), log.stamp, false, ctx, loaded.zone);
  return build(plan, config, paths, log.events, foldEvents(log.events), log.stamp, true, ctx, loaded.zone);
}

function build(
  plan: Plan,
  config: Config,
  paths: WorkspacePaths | undefined,
  events: LogEvent[],
  state: FoldResult,
  logStamp: LogStamp | null,
  history: boolean,
  ctx: Ctx,
  table: ZoneTable | undefined,
): Session {
  const calendar = createCalendar(config, plan.totalWeeks, zoneOf(config.timeZone, table));
  return {
    plan,
    config,
    calendar,
    paths,
    events,
    state,
    history,
    logStamp,
    today: calendar.dateOf(ctx.rt.now().getTime()),
  };
}

/**
 * `list --plan` / `show --plan`: a plan file on its own, under the session's calendar settings. It has
 * no log, so only its `[x]` marks give statuses and there is no history.
 */
export function withPlanFile(session: Session, plan: Plan): Session {
  return { ...session, plan, calendar: createCalendar(session.config, plan.totalWeeks, session.calendar.zone), events: NO_EVENTS, state: foldEvents(NO_EVENTS) };
}

/** `--date` accepts YYYY-MM-DD, today, yesterday and tomorrow (in the workspace's time zone). */
export function resolveDate(input: string | undefined, today: string): string {
  if (input === undefined || input === 'today') return today;
  if (input === 'yesterday') return addDays(today, -1);
  if (input === 'tomorrow') return addDays(today, 1);
  const date = parsePlainDate(input);
  if (!date) throw new UsageError(`--date: "${input}" is not a date`, 'use YYYY-MM-DD, today, yesterday or tomorrow');
  return date;
}
