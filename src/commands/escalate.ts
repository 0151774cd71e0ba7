// launch escalate <item...> --level <level> --reason <text> | --resolve <item...> | (nothing: the list)
import { escalationCandidates, openEscalations } from '../core/queries/escalation.js';
import { kpiCells, missedBy } from '../core/queries/kpis.js';
import { planView } from './shared/view.js';
import { today } from '../core/queries/today.js';
import { LaunchError, UsageError } from '../errors.js';
import type { EscalateJson, EscalateResolveJson } from '../render/json/escalate.schema.js';
import { escalationsJson } from '../render/json/escalate.js';
import { recordedJson } from '../render/json/records.js';
import { escalated, renderEscalations } from '../render/escalate.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForRead, openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveDate, resolveWriteDate } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface EscalateOptions {
  level?: string;
  reason?: string;
  resolve?: boolean;
  as?: string;
  date?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('escalate')
    .description('escalate an item under the plan\'s rules; with no item, list open escalations and candidates')
    .argument('[item...]', 'item id, id prefix, or words of its title (no quotes needed)')
    .option('--level <level>', 'the plan\'s escalation level (critical, high)')
    .option('--reason <text>', 'what is wrong')
    .option('--resolve', 'close the item\'s open escalation')
    .option('--date <date>', 'with an item: the day it counts for; alone: the day to look at')
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch escalate redis-setup --level high --reason "blocks all caching work"', 'launch escalate skeleton loading --level high --reason "designs late"', 'launch escalate --resolve redis-setup', 'launch escalate'))
    .option(...QUIET_OPTION)
    .action(handle(rt, escalateCommand));

export async function escalateCommand(ctx: Ctx, words: string[], opts: EscalateOptions): Promise<void> {
  if (words.length === 0) return listEscalations(ctx, opts);
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const item = await resolveOne(ctx, state.items.all(), words.join(' '));
  const actor = await actorFor(ctx, state, opts.as);
  if (opts.resolve) {
    if (!state.fold.escalations.get(item.id)?.open) throw new LaunchError(`${item.id} has no open escalation`);
    const recorded = await record(ctx, state, [{ actor, type: 'escalate', item: item.id, resolve: true }], { date });
    if (ctx.json) return ctx.printJson(recordedJson<EscalateResolveJson>(recorded));
    return ctx.print(`resolved the escalation on ${item.id}`);
  }
  const rules = state.plan.escalation;
  const levels = rules.levels.map((l) => l.id);
  const allowed = levels.length > 0 ? levels : ['critical', 'high'];
  if (!opts.level || !allowed.includes(opts.level)) throw new UsageError(`--level: one of ${allowed.join(', ')}`);
  if (!opts.reason?.trim()) throw new UsageError('an escalation needs --reason <text>');
  const recorded = await record(ctx, state, [{ actor, type: 'escalate', item: item.id, level: opts.level, reason: opts.reason.trim() }], { date });
  if (ctx.json) return ctx.printJson(recordedJson<EscalateJson>(recorded));
  ctx.printLines(escalated(ctx.theme, item.id, opts.level, rules.levels.find((l) => l.id === opts.level), rules));
}

/** Without an item: open escalations, then the candidates the rules suggest. */
async function listEscalations(ctx: Ctx, opts: EscalateOptions): Promise<void> {
  const state = await openForRead(ctx);
  const date = resolveDate(opts.date, state.today);
  const fold = state.asOf(date);
  const view = planView(ctx, state, fold.items);
  const t = today(view, date, fold.kpis);
  const missed = missedBy(kpiCells(state.plan.kpis, state.calendar, fold.kpis, date));
  const open = openEscalations(fold.escalations);
  const candidates = escalationCandidates(state.plan.escalation, t.overdue, missed, new Set(open.map((e) => e.key)));
  if (ctx.json) return ctx.printJson(escalationsJson(open, candidates));
  ctx.printLines(renderEscalations(open, candidates, ctx.theme));
}
