// The store's one door: everything a command reads — plan, config, calendar and the folded log — comes
// through openState, from the workspace or, without one, from the bundled plan starting this week.
// Behind it sit the caches (the plan snapshot with its zone table, the fold snapshot, the event window);
// none of them changes an answer, and none prints: what a reader should hear comes back as notes and
// warnings for the command to say.
import { readFileSync } from 'node:fs';
import { type Calendar, createCalendar, isValidTimeZone, localDateOf, zoneOf } from '../../core/calendar/calendar.js';
import { type Config, defaultConfig } from '../../core/config/config.js';
import type { LogEvent } from '../../core/log/events.js';
import { foldEvents, latestTs } from '../../core/log/fold.js';
import type { FoldResult, FoldState } from '../../core/log/state.js';
import type { PlanHead, PlanItems } from '../../core/plan/items.js';
import { LaunchError } from '../../errors.js';
import { formatLogProblem, type LogStamp, readEventLog } from '../event-log.js';
import { bundledPlanPath } from '../plan-source.js';
import { systemTimeZone } from '../system.js';
import { findWorkspace, INIT_HINT, type WorkspacePaths } from '../workspace.js';
import { readEventsBetween } from './event-window.js';
import { startFor } from './time-marks.js';
import { readFoldedLog } from './fold-snapshot.js';
import { type ConfigProblem, loadPlanAndConfig } from './plan-snapshot.js';
import { bundledSnapshotPath } from './user-cache.js';

// The writers' side of the door: a command that wrote plan.yaml leaves the snapshot the next read needs.
export { rememberPlan } from './plan-snapshot.js';

export interface StateRequest {
  cwd: string;
  /** --dir or LAUNCH_DIR. */
  dir: string | undefined;
  env: Record<string, string | undefined>;
  /** The run's instant, epoch ms. */
  now: number;
  /** The command appends events: it needs a workspace, and a log without malformed lines. */
  write?: boolean;
}

export interface State {
  plan: PlanHead;
  items: PlanItems;
  config: Config;
  calendar: Calendar;
  /** Undefined when showing the bundled plan without a workspace. */
  paths: WorkspacePaths | undefined;
  /** Today's date in the workspace's time zone. */
  today: string;
  /** The log folded as of today: the events counting on or before today, the last typed change winning. */
  fold: FoldState;
  /** The log folded as of the end of a day: what `--date` shows. */
  asOf(date: string): FoldState;
  /** Where the read of the log ended, so an append re-checks only what arrived since. */
  logStamp: LogStamp | null;
  /** For stderr, in this order: notes (dimmed), then warnings. */
  notes: string[];
  warnings: string[];
  /** The log's events whose time is in [from, to) (epoch ms), without folding or parsing the rest. */
  eventsBetween(from: number, to: number): LogEvent[];
  /**
   * Only when asked for with `reportConfig` (doctor): why config.yaml is unusable. The calendar is then
   * a stand-in (UTC, week 1 this week) so that the plan and the log can still be checked.
   */
  configProblem?: ConfigProblem;
}

/** The whole log, for commands that show or replay history (log, show, status, undo, doctor). */
export interface History {
  /** Every line's event, in file order. */
  events: LogEvent[];
  /** Distinct events in (ts, id) order, undone ones and undos included. */
  timeline: LogEvent[];
}

export interface StateWithHistory extends State {
  history: History;
}

export interface StateRead {
  history?: boolean;
  /** Return a broken config.yaml as `configProblem` instead of throwing (doctor). */
  reportConfig?: boolean;
}

export async function openState(req: StateRequest): Promise<State>;
export async function openState(req: StateRequest, read: StateRead & { history: true }): Promise<StateWithHistory>;
export async function openState(req: StateRequest, read?: StateRead): Promise<State | StateWithHistory>;
export async function openState(req: StateRequest, read: StateRead = {}): Promise<State | StateWithHistory> {
  const paths = findWorkspace(req.cwd, req.dir);
  if (!paths) {
    if (req.write) throw new LaunchError('no launch workspace here or in any parent directory', { hint: INIT_HINT });
    return bundled(req, read.history === true);
  }
  const loaded = await loadPlanAndConfig(paths.plan, paths.config);
  let configProblem = loaded.configProblem;
  // A zone table was built from Intl for this very zone: it vouches for the name without asking again.
  if (loaded.config && loaded.zone?.timeZone !== loaded.config.timeZone && !isValidTimeZone(loaded.config.timeZone)) {
    const line = keyLine(paths.config, 'timeZone');
    configProblem = { file: paths.config, ...(line ? { line } : {}), message: `timeZone: "${loaded.config.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)` };
  }
  if (configProblem && !read.reportConfig) throw configError(configProblem);
  const config = configProblem ? defaultConfig(localDateOf(req.now, zoneOf('UTC')), 'UTC') : loaded.config!;
  const calendar = createCalendar(config, loaded.plan.totalWeeks, configProblem ? zoneOf('UTC') : zoneOf(config.timeZone, loaded.zone));
  const now = req.now;
  const log = read.history ? readEventLog(paths.log) : readFoldedLog(paths.log, { now });
  const warnings = [...log.warnings];
  if (log.errors.length > 0) {
    const listed = log.errors.slice(0, 5).map(formatLogProblem).join('\n');
    if (req.write) {
      throw new LaunchError(`the event log has malformed lines; nothing was recorded\n${listed}`, {
        hint: 'run `launch doctor` to see them and `launch doctor --repair` to move them to a backup',
      });
    }
    warnings.push(`ignoring ${log.errors.length === 1 ? '1 malformed line' : `${log.errors.length} malformed lines`} of the event log (run \`launch doctor\`):\n${listed}`);
  }
  const today = calendar.dateOf(now);
  // The whole log folded: from the fold cache, or from the history a command asked for.
  let events: LogEvent[] | undefined;
  let all: FoldResult | undefined;
  let whole: FoldState;
  let maxTs: number | null;
  if ('fold' in log) {
    whole = log.fold;
    maxTs = log.maxTs;
  } else {
    events = log.events;
    whole = all = foldEvents(log.events, { now });
    maxTs = latestTs(log.events);
  }
  const views = new Map<string, FoldState>();
  const asOf = (date: string): FoldState => {
    let view = views.get(date);
    if (view === undefined) {
      const before = calendar.dayEnd(date);
      // The cached fold holds every event: it is the view as of any day on or after the latest ts.
      if (maxTs === null || maxTs < before) view = whole;
      else view = foldEvents((events ??= readEventLog(paths.log).events), { now, before });
      views.set(date, view);
    }
    return view;
  };
  const state: State = {
    plan: loaded.plan,
    items: loaded.items,
    config,
    calendar,
    paths,
    today,
    fold: asOf(today),
    asOf,
    logStamp: log.stamp,
    notes: [],
    warnings,
    eventsBetween: (from, to) => readEventsBetween(paths.log, from, to, { skip: log.repeats, startAt: startFor('marks' in log ? log.marks : undefined, from), checkedTo: log.stamp?.checkedTo }),
    ...(configProblem ? { configProblem } : {}),
  };
  if (all === undefined) return state;
  return { ...state, history: { events: events!, timeline: all.timeline } };
}

/** The line of a top-level key in a YAML file, for an error found after parsing it (undefined if unsure). */
function keyLine(path: string, key: string): number | undefined {
  try {
    const at = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return at >= 0 ? at + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** What every command but doctor says about a config.yaml it cannot use. */
export function configError(p: ConfigProblem): LaunchError {
  return new LaunchError(`${formatConfigProblem(p)}`, { hint: CONFIG_HINT });
}

export const formatConfigProblem = (p: ConfigProblem): string => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

export const CONFIG_HINT = 'correct that line of .launch/config.yaml; `launch doctor` checks the whole workspace';

/** No workspace: the bundled plan as if it started this week, with an empty log (read commands only). */
async function bundled(req: StateRequest, history: boolean): Promise<State | StateWithHistory> {
  const timeZone = systemTimeZone(req.env);
  // The zone table is built around a start date; yesterday's UTC date is close enough to centre it.
  const planPath = bundledPlanPath();
  // Its snapshot is the user's, not the install folder's (./user-cache.ts).
  const snapshot = bundledSnapshotPath(planPath, req.env, req.cwd);
  const loaded = await loadPlanAndConfig(planPath, undefined, { timeZone, start: new Date(req.now).toISOString().slice(0, 10) }, snapshot);
  const zone = zoneOf(timeZone, loaded.zone);
  const config = defaultConfig(localDateOf(req.now, zone), timeZone);
  const calendar = createCalendar(config, loaded.plan.totalWeeks, zone);
  const fold = foldEvents([]);
  const state: State = {
    asOf: () => fold,
    plan: loaded.plan,
    items: loaded.items,
    config,
    calendar,
    paths: undefined,
    today: calendar.dateOf(req.now),
    fold,
    logStamp: null,
    notes: [`No workspace: showing the bundled plan "${loaded.plan.title}" as if it started this week; ${INIT_HINT}.`],
    warnings: [],
    eventsBetween: () => [],
  };
  return history ? { ...state, history: { events: [], timeline: [] } } : state;
}
