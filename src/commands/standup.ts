// launch standup [--date] [--actor] [--format text|md] [--answer]: prepares the standup from the log
// and the plan's own template; --answer records the team's answers as a standup event.
import { describeEvent } from '../core/log/event-types.js';
import { type LogEvent } from '../core/log/events.js';
import { orderEvents } from '../core/log/fold.js';
import { describeOnTrack } from '../core/queries/progress.js';
import { buildPlanView, type Scheduled } from '../core/queries/schedule.js';
import { type Standup, standup as standupQuery, standupWindow } from '../core/queries/standup.js';
import { UsageError } from '../errors.js';
import { askText } from '../io/prompts.js';
import { readEventsBetween } from '../io/store/event-window.js';
import { openSession, resolveDate, type Session } from '../io/session.js';
import { formatDate, formatShortDate } from '../render/dates.js';
import { escalationBanner } from '../render/escalations.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { teamMatcher } from './shared/filters.js';
import { itemJson } from './shared/item-view.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export interface StandupOptions {
  date?: string;
  actor?: string;
  team?: string;
  format?: string;
  answer?: boolean;
  yesterday?: string;
  today?: string;
  blockers?: string;
  as?: string;
}

const todayItems = (s: Standup): Scheduled[] => [...s.today.tasks.flatMap((g) => g.items), ...s.today.due];

function eventWords(session: Session, e: LogEvent): string {
  const item = typeof e.item === 'string' ? session.plan.items.find((i) => i.id === e.item) : undefined;
  const words = describeEvent(e);
  // "checked skeleton-loading-setup" reads better at standup as the item's title.
  return item ? words.replace(item.id, item.title) : words;
}

function toJson(session: Session, s: Standup) {
  return {
    schema: 1,
    date: s.date,
    since: s.since,
    yesterday: s.yesterday.flatMap(({ actor, events }) => events.map((e) => ({ actor, type: e.type, item: e.item ?? null, ts: e.ts, text: eventWords(session, e) }))),
    today: todayItems(s).map(itemJson),
    blockers: s.blocked.map((e) => ({ id: e.id, title: e.item.title, reason: e.state?.reason ?? null, actor: e.state?.by ?? null })),
    overdue: s.overdue.map((o) => ({ ...itemJson(o.entry), daysLate: o.daysLate })),
    onTrack: s.onTrack ? { verdict: s.onTrack.verdict, done: s.onTrack.done, expected: s.onTrack.expected, late: s.onTrack.late.map((e) => e.id) } : null,
    questions: s.questions,
    weeklyReview: s.weeklyReview,
    riskAssessment: s.riskAssessment,
    answers: s.answers.map((a) => ({ actor: a.actor, ts: a.ts, answers: a.answers })),
  };
}

/** One renderer for both formats: Markdown differs only in headings and list markers. */
function render(ctx: Ctx, session: Session, s: Standup, md: boolean): void {
  const { c, mark } = ctx.theme;
  const h = (text: string) => ctx.print(md ? `\n**${text}**` : c.bold(text));
  const li = (text: string, m = '') => ctx.print(md ? `- ${text}` : `  ${m ? `${m} ` : ''}${text}`);
  const verdict = s.onTrack ? `${describeOnTrack(s.onTrack)} (${s.onTrack.done} done, ${s.onTrack.expected} due by yesterday)` : '';
  ctx.print(md ? `### Standup · ${formatDate(s.date)}${verdict ? ` · ${verdict}` : ''}` : c.bold(`Standup · ${formatDate(s.date)}${verdict ? ` · ${verdict}` : ''}`));
  if (!md) escalationBanner(ctx, session);
  h(`Yesterday (since ${formatShortDate(s.since)})`);
  if (s.yesterday.length === 0) li(c.dim('nothing recorded'));
  for (const { actor, events } of s.yesterday) {
    for (const e of events) li(`${safeText(actor)}: ${safeText(eventWords(session, e))}`, e.type === 'check' ? mark.done : e.type === 'block' ? mark.blocked : '·');
  }
  h('Today');
  const items = todayItems(s);
  if (items.length === 0) li(c.dim('nothing scheduled'));
  for (const e of items) li(`${safeText(e.item.title)}${e.block?.team ? c.dim(` · ${safeText(e.block.team)}`) : ''} (${e.id})`, e.status === 'done' ? mark.done : mark.todo);
  h('Blockers');
  if (s.blocked.length === 0 && s.overdue.length === 0) li(c.dim('none'));
  for (const e of s.blocked.slice(0, 10)) li(`${safeText(e.item.title)} — ${safeText(e.state?.reason ?? '')}${e.state?.by ? ` (${safeText(e.state.by)})` : ''}`, mark.blocked);
  if (s.blocked.length > 10) li(`… and ${s.blocked.length - 10} more blocked: launch list --status blocked`);
  if (s.overdue.length > 0) li(`${s.overdue.length} overdue item(s), oldest: ${safeText(s.overdue[0]!.entry.item.title)} (${s.overdue[0]!.daysLate} working day${s.overdue[0]!.daysLate === 1 ? "" : "s"} late)`, mark.missed);
  if (s.onTrack?.late.length) li(`behind on: ${s.onTrack.late.slice(0, 5).map((e) => e.id).join(', ')}${s.onTrack.late.length > 5 ? ', …' : ''}`);
  const numbered = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    h(title);
    lines.forEach((q, i) => ctx.print(md ? `${i + 1}. ${safeText(q)}` : `  ${i + 1}. ${safeText(q)}`));
  };
  numbered('Questions', s.questions);
  numbered('Weekly metrics review', s.weeklyReview);
  numbered('Risk assessment', s.riskAssessment);
  for (const a of s.answers) {
    h(`Answers · ${safeText(a.actor)}`);
    for (const [q, answer] of Object.entries(a.answers)) li(`${safeText(q)} ${c.dim('→')} ${safeText(answer)}`);
  }
}

function suggestedAnswers(session: Session, s: Standup, actor: string): string[] {
  const mine = s.yesterday.find((y) => y.actor === actor)?.events ?? [];
  return [
    mine.filter((e) => e.type === 'check').map((e) => eventWords(session, e).replace(/^checked /, '')).join('; ') || 'nothing recorded',
    todayItems(s).filter((e) => e.status !== 'done').map((e) => e.item.title).slice(0, 5).join('; ') || 'nothing scheduled',
    s.blocked.map((e) => `${e.item.title}: ${e.state?.reason ?? ''}`).join('; ') || 'none',
    s.onTrack ? describeOnTrack(s.onTrack) : 'n/a',
  ];
}

/** The log's events of standup's "yesterday", in timeline order, read without folding the whole log. */
function yesterdaysEvents(session: Session, date: string): LogEvent[] {
  if (!session.paths) return [];
  const { from, to } = standupWindow(session.calendar, date);
  return orderEvents(readEventsBetween(session.paths.log, from, to)).timeline;
}

async function recordAnswers(ctx: Ctx, opts: StandupOptions): Promise<void> {
  const session = await openForWrite(ctx, { history: true }); // yesterday's events
  const date = resolveDate(opts.date, session.today);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const s = standupQuery(view, date, session.state.timeline, session.state.cancelled, session.state.kpis, session.state.standups);
  const actor = await actorFor(ctx, session, opts.as);
  const questions = s.questions.length > 0 ? s.questions : ['What did you complete yesterday?', 'What are you working on today?', 'Any blockers or dependencies?'];
  const flags = [opts.yesterday, opts.today, opts.blockers];
  const answers: Record<string, string> = {};
  if (ctx.interactive && flags.every((f) => f === undefined)) {
    const suggested = suggestedAnswers(session, s, actor);
    // Ask everything first: Ctrl-C half-way records nothing.
    for (const [i, q] of questions.entries()) answers[q] = await askText(q, suggested[i]);
  } else {
    if (flags.every((f) => f === undefined)) {
      throw new UsageError('--answer needs a terminal, or the answers as flags', 'launch standup --answer --yesterday "…" --today "…" --blockers "…"');
    }
    flags.forEach((f, i) => {
      if (f !== undefined && questions[i]) answers[questions[i]!] = f;
    });
  }
  const [event] = await record(ctx, session, [{ actor, type: 'standup', date, answers }]);
  if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event] });
  ctx.print(`Recorded ${safeText(actor)}'s standup answers for ${formatDate(date)}`);
}

export async function standupCommand(ctx: Ctx, opts: StandupOptions): Promise<void> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'md') throw new UsageError(`--format: "${format}" is not text or md`);
  if (opts.answer) return recordAnswers(ctx, opts);
  const session = await openSession(ctx);
  const date = resolveDate(opts.date, session.today);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const s = standupQuery(view, date, yesterdaysEvents(session, date), session.state.cancelled, session.state.kpis, session.state.standups, {
    ...(opts.actor ? { actor: opts.actor } : {}),
    ...(opts.team ? { team: teamMatcher(opts.team) } : {}),
  });
  if (ctx.json) return ctx.printJson(toJson(session, s));
  render(ctx, session, s, format === 'md');
}
