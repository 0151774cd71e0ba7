// launch escalate <item> --level critical|high --reason <text> | --resolve <item> | --candidates
import { escalationCandidates, openEscalations } from '../core/queries/escalation.js';
import { kpiCells } from '../core/queries/kpis.js';
import { buildPlanView } from '../core/queries/schedule.js';
import { today } from '../core/queries/today.js';
import { LaunchError, UsageError } from '../errors.js';
import { openSession } from '../io/session.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { resolveOne } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export interface EscalateOptions {
  level?: string;
  reason?: string;
  resolve?: boolean;
  as?: string;
}

export async function escalateCommand(ctx: Ctx, ref: string | undefined, opts: EscalateOptions): Promise<void> {
  if (!ref) return listEscalations(ctx);
  const session = await openForWrite(ctx);
  const item = await resolveOne(ctx, session.plan.items, ref);
  const actor = await actorFor(ctx, session, opts.as);
  if (opts.resolve) {
    if (!session.state.escalations.get(item.id)?.open) throw new LaunchError(`${item.id} has no open escalation`);
    const [event] = await record(ctx, session, [{ actor, type: 'escalate', item: item.id, resolve: true }]);
    if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event] });
    return ctx.print(`resolved the escalation on ${item.id}`);
  }
  const levels = session.plan.escalation.levels.map((l) => l.id);
  const allowed = levels.length > 0 ? levels : ['critical', 'high'];
  if (!opts.level || !allowed.includes(opts.level)) throw new UsageError(`--level: one of ${allowed.join(', ')}`);
  if (!opts.reason?.trim()) throw new UsageError('an escalation needs --reason <text>');
  const [event] = await record(ctx, session, [{ actor, type: 'escalate', item: item.id, level: opts.level, reason: opts.reason.trim() }]);
  if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event] });
  const level = session.plan.escalation.levels.find((l) => l.id === opts.level);
  ctx.print(`${ctx.theme.c.red('▲')} escalated ${item.id} (${opts.level}${level?.timing ? `: ${safeText(level.timing)}` : ''})`);
  for (const c of session.plan.escalation.contacts) ctx.print(ctx.theme.c.dim(`  ${safeText(c.role)}: ${safeText(c.contact)}`));
}

/** Without an item: open escalations, then the candidates the rules suggest. */
async function listEscalations(ctx: Ctx): Promise<void> {
  const session = await openSession(ctx);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const t = today(view, session.today, session.state.kpis);
  const missed = kpiCells(session.plan.kpis, session.calendar, session.state.kpis, session.today).filter((c) => c.status === 'missed' && c.due <= session.today);
  const open = openEscalations(session.state.escalations);
  const candidates = escalationCandidates(session.plan.escalation, t.overdue, missed, new Set(open.map((e) => e.key)));
  if (ctx.json) {
    return ctx.printJson({
      schema: 1,
      open,
      candidates: candidates.map((c) => ({ kind: c.kind, id: c.id, title: c.title, why: c.why, level: c.level?.id ?? null, timing: c.level?.timing ?? null, trigger: c.trigger ?? null })),
    });
  }
  const { c } = ctx.theme;
  ctx.print(c.bold(`Open escalations (${open.length})`));
  for (const e of open) ctx.print(`  ▲ ${safeText(e.level)} · ${safeText(e.item ?? 'general')}: ${safeText(e.reason)} (${safeText(e.actor)})`);
  ctx.print(c.bold(`Candidates (${candidates.length})`));
  for (const cand of candidates) {
    const rule = cand.level ? `${cand.level.id}${cand.level.timing ? ` · ${cand.level.timing}` : ''}` : 'no rule';
    ctx.print(`  △ ${cand.id}  ${safeText(cand.title)} — ${cand.why} → ${safeText(rule)}${cand.trigger ? c.dim(` ("${safeText(cand.trigger)}")`) : ''}`);
  }
}
