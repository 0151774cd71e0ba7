// Opening the store for a command: what it notes and warns goes to stderr, and a write without a
// workspace offers, on a terminal, to create one.
import { createCalendar, localDateOf, zoneOf } from '../../core/calendar/calendar.js';
import { defaultConfig } from '../../core/config/config.js';
import { foldEvents } from '../../core/log/fold.js';
import { itemsOf } from '../../core/plan/items.js';
import type { Plan } from '../../core/plan/schema.js';
import { isLaunchError } from '../../errors.js';
import { initWorkspace } from '../../io/init-workspace.js';
import { bundledPlanYaml, loadPlanFile } from '../../io/plan-source.js';
import { confirm } from '../../io/prompts.js';
import { openState, type State, type StateRead, type StateRequest, type StateWithHistory } from '../../io/store/open.js';
import { systemTimeZone } from '../../io/system.js';
import { INIT_HINT, WORKSPACE_DIR } from '../../io/workspace.js';
import { join } from 'node:path';
import type { Ctx } from '../../runtime.js';

const request = (ctx: Ctx, write: boolean): StateRequest => ({ cwd: ctx.rt.cwd, dir: ctx.dir, env: ctx.rt.env, now: ctx.rt.now().getTime(), write });

/**
 * Warnings at once; notes (the bundled plan is shown) with the output, so that a command that ends in
 * a usage error, or shows something else, never says them.
 */
function say<S extends State>(ctx: Ctx, state: S): S {
  for (const note of state.notes) ctx.noteWithOutput(note);
  for (const warning of state.warnings) ctx.warn(warning);
  return state;
}

export async function openForRead(ctx: Ctx): Promise<State>;
export async function openForRead(ctx: Ctx, read: StateRead & { history: true }): Promise<StateWithHistory>;
export async function openForRead(ctx: Ctx, read: StateRead = {}): Promise<State> {
  return say(ctx, await openState(request(ctx, false), read));
}

/** For commands that append events: the workspace must exist (offered on a terminal). */
export async function openForWrite(ctx: Ctx): Promise<State>;
export async function openForWrite(ctx: Ctx, read: { history: true }): Promise<StateWithHistory>;
export async function openForWrite(ctx: Ctx, read: { history?: true } = {}): Promise<State> {
  const open = async () => say(ctx, read.history ? await openState(request(ctx, true), { history: true }) : await openState(request(ctx, true)));
  try {
    return await open();
  } catch (error) {
    const noWorkspace = isLaunchError(error) && error.hint === INIT_HINT;
    if (!noWorkspace || !ctx.interactive || ctx.dir) throw error;
    const yes = await confirm('No launch workspace here. Create .launch/ with the bundled plan, starting this week?');
    if (!yes) throw error;
    const timeZone = systemTimeZone(ctx.rt.env);
    const today = localDateOf(ctx.rt.now().getTime(), zoneOf(timeZone));
    const { configToYaml } = await import('../../lazy/parse.js');
    initWorkspace({ dir: join(ctx.rt.cwd, WORKSPACE_DIR), planYaml: bundledPlanYaml(), configYaml: configToYaml(defaultConfig(today, timeZone)), force: false });
    ctx.note(`Created ${WORKSPACE_DIR}/ (week 1 is this week; \`launch init --force --start <date>\` changes it).`);
    return open();
  }
}

/**
 * `list --plan` / `show --plan`: a plan file on its own, under the workspace's calendar settings (or,
 * without a workspace, as if it started this week). It has no log, so only its `[x]` marks give
 * statuses and there is no history. What the workspace's state would note (the bundled plan is shown)
 * is not said: the file is what is shown.
 */
export async function openPlanFile(ctx: Ctx, file: string): Promise<State>;
export async function openPlanFile(ctx: Ctx, file: string, read: { history: true }): Promise<StateWithHistory>;
export async function openPlanFile(ctx: Ctx, file: string, read: { history?: true } = {}): Promise<State> {
  const state = read.history ? await openState(request(ctx, false), { history: true }) : await openState(request(ctx, false));
  const { plan } = await loadPlanFile(file, ctx.rt.cwd);
  return say(ctx, withPlanFile({ ...state, notes: [] }, plan));
}

function withPlanFile<S extends State>(state: S, plan: Plan): S {
  const { items, ...head } = plan;
  const history = 'history' in state ? { history: { events: [], timeline: [] } } : {};
  const fold = foldEvents([]);
  return { ...state, plan: head, items: itemsOf(items), calendar: createCalendar(state.config, plan.totalWeeks, state.calendar.zone), fold, asOf: () => fold, ...history };
}
