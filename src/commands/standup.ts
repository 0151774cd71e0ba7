// launch standup [--date] [--actor] [--format text|md] [--answer]: prepares the standup from the log
// and the plan's own template; --answer records the team's answers as a standup event.
import { orderEvents } from '../core/log/fold.js';
import { openEscalations } from '../core/queries/escalation.js';
import type { PlanView } from '../core/queries/schedule.js';
import { planView } from './shared/view.js';
import { standup as standupQuery, standupWindow } from '../core/queries/standup.js';
import type { EntryFilter } from '../core/queries/today.js';
import { ANSWER_FLAGS, answerSuggestions, answersByMeaning, DEFAULT_QUESTIONS, questionKind } from '../core/queries/standup-answers.js';
import { UsageError } from '../errors.js';
import { askText } from '../io/prompts.js';
import type { State } from '../io/store/open.js';
import { formatDate } from '../render/dates.js';
import { recordedJson } from '../render/json/records.js';
import type { StandupAnswerJson } from '../render/json/standup.schema.js';
import { standupJson } from '../render/json/standup.js';
import { safeText } from '../render/sanitize.js';
import { renderStandup, type StandupModel, suggestedAnswer } from '../render/standup.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { MINE_OPTION, OWNER_OPTION, ownerFilter, teamMatcher } from './shared/filters.js';
import { openForRead, openForWrite } from './shared/open.js';
import { AS_OPTION, DATE_OPTION, resolveDate, resolveWriteDate } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

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
  mine?: boolean;
  owner?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('standup')
    .description('yesterday by person, today, blockers, on-track verdict and the plan\'s standup questions')
    .option(...DATE_OPTION)
    .option('--actor <name>', 'only this person\'s events under yesterday')
    .option('--team <words>', 'only blocks whose team has these words; with --answer, the team whose items are suggested')
    .option(...MINE_OPTION)
    .option(...OWNER_OPTION)
    .addOption(program.createOption('--format <format>', 'text, or md to paste into chat').choices(['text', 'md']).default('text'))
    .option('--answer', 'answer the questions (prompts on a terminal, else --yesterday/--today/--blockers) and record them')
    .option('--yesterday <text>', 'with --answer: what you completed yesterday')
    .option('--today <text>', 'with --answer: what you work on today')
    .option('--blockers <text>', 'with --answer: blockers or dependencies')
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch standup', 'launch standup --format md | pbcopy', 'launch standup --answer'))
    .action(handle(rt, standupCommand));

function model(ctx: Ctx, state: State, date: string, events: Parameters<typeof standupQuery>[2], opts: StandupOptions, owner?: EntryFilter): StandupModel & { view: PlanView } {
  const fold = state.asOf(date);
  const view = planView(ctx, state, fold.items);
  const s = standupQuery(view, date, events, fold.cancelled, fold.kpis, fold.standups, {
    ...(opts.actor ? { actor: opts.actor } : {}),
    ...(opts.team ? { team: teamMatcher(opts.team) } : {}),
    ...(owner ? { owner } : {}),
  });
  return { view, standup: s, titleOf: (id) => view.byId.get(id)?.item.title, escalations: openEscalations(fold.escalations), rules: state.plan.escalation, zone: state.calendar.zone };
}

async function recordAnswers(ctx: Ctx, opts: StandupOptions): Promise<void> {
  const state = await openForWrite(ctx, { history: true }); // yesterday's events
  const date = resolveWriteDate(opts.date, state.today) ?? state.today;
  const m = model(ctx, state, date, state.history.timeline, {});
  const actor = await actorFor(ctx, state, opts.as);
  const s = m.standup;
  const questions = s.questions.length > 0 ? s.questions : Object.values(DEFAULT_QUESTIONS);
  const flags = { yesterday: opts.yesterday, today: opts.today, blockers: opts.blockers };
  let answers: Record<string, string> = {};
  if (ctx.interactive && ANSWER_FLAGS.every((f) => flags[f] === undefined)) {
    const team = opts.team ? { words: opts.team, matches: teamMatcher(opts.team) } : undefined;
    const suggestions = answerSuggestions(m.view, s, state.history.timeline, state.asOf(date).cancelled, actor, team);
    // Ask everything first: Ctrl-C half-way records nothing.
    for (const q of questions) answers[q] = await askText(q, suggestedAnswer(questionKind(q), suggestions, m.titleOf));
  } else {
    if (ANSWER_FLAGS.every((f) => flags[f] === undefined)) {
      throw new UsageError('--answer needs a terminal, or the answers as flags', 'launch standup --answer --yesterday "…" --today "…" --blockers "…"');
    }
    answers = answersByMeaning(questions, flags);
  }
  const recorded = await record(ctx, state, [{ actor, type: 'standup', date, answers }], { date });
  if (ctx.json) return ctx.printJson(recordedJson<StandupAnswerJson>(recorded));
  ctx.print(`Recorded ${safeText(actor)}'s standup answers for ${formatDate(date)}`);
}

export async function standupCommand(ctx: Ctx, opts: StandupOptions): Promise<void> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'md') throw new UsageError(`--format: "${format}" is not text or md`);
  if (opts.answer) return recordAnswers(ctx, opts);
  const state = await openForRead(ctx);
  const date = resolveDate(opts.date, state.today);
  // Only the log's lines of "yesterday" are read, without folding the whole log.
  const { from, to } = standupWindow(state.calendar, date);
  const m = model(ctx, state, date, orderEvents(state.eventsBetween(from, to)).timeline, opts, await ownerFilter(ctx, state, opts));
  if (ctx.json) return ctx.printJson(standupJson(m));
  ctx.printLines(renderStandup(m, format === 'md', ctx.theme));
}
