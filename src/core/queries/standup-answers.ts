// `launch standup --answer`, per person: which of the plan's questions each answer flag answers (by
// the question's words, not its position), and the answers suggested to the person answering — their
// own checks of yesterday, their team's open items today, the items they blocked.
import { startOfLocalDay } from '../calendar/calendar.js';
import { isKnownType } from '../log/event-types.js';
import { type LogEvent, sameActor } from '../log/events.js';
import type { OnTrack } from './progress.js';
import type { PlanView, Scheduled } from './schedule.js';
import type { Standup } from './standup.js';
import type { TeamFilter } from './today.js';

/** The answers `--yesterday`, `--today` and `--blockers` give, in that order. */
export const ANSWER_FLAGS = ['yesterday', 'today', 'blockers'] as const;
export type AnswerFlag = (typeof ANSWER_FLAGS)[number];
/** What a question asks about; the on-track question has no flag, only a suggestion. */
export type QuestionKind = AnswerFlag | 'onTrack';

/** A flag's own question, for a plan with no question that asks it (and a plan with no questions). */
export const DEFAULT_QUESTIONS: Readonly<Record<AnswerFlag, string>> = {
  yesterday: 'What did you complete yesterday?',
  today: 'What are you working on today?',
  blockers: 'Any blockers or dependencies?',
};

// First match wins: blockers before the days ("anything blocking you today?"), the days' own words
// before the weaker ones ("what will get done today?" asks about today).
const KIND_WORDS: readonly [QuestionKind, RegExp][] = [
  ['blockers', /\b(block\w*|impediments?|dependenc\w*|depend\w*|stuck|obstacles?|waiting (?:on|for))\b/i],
  ['onTrack', /\b(on track|off track|on schedule|behind|sprint goals?)\b/i],
  ['yesterday', /\b(yesterday|since (?:the )?last (?:standup|stand-up|meeting))\b/i],
  ['today', /\b(today|this morning)\b/i],
  ['yesterday', /\b(complet\w*|done|finish\w*|accomplish\w*|achiev\w*|shipped)\b/i],
  ['today', /\b(working on|work on|plan\w*|next|will you)\b/i],
];

/** What a standup question asks, judged by its words; undefined for anything else. */
export function questionKind(question: string): QuestionKind | undefined {
  return KIND_WORDS.find(([, words]) => words.test(question))?.[0];
}

/**
 * The answers of the flags given, each under the first plan question that asks for it. A flag no
 * question asks for keeps its own question (DEFAULT_QUESTIONS); a question no flag answers stays
 * unanswered. Plan questions come first, in the plan's order.
 */
export function answersByMeaning(questions: readonly string[], flags: Partial<Record<AnswerFlag, string>>): Record<string, string> {
  const planned = new Map<string, string>();
  const own: [string, string][] = [];
  for (const flag of ANSWER_FLAGS) {
    const text = flags[flag];
    if (text === undefined) continue;
    const question = questions.find((q) => questionKind(q) === flag && !planned.has(q));
    if (question === undefined) own.push([DEFAULT_QUESTIONS[flag], text]);
    else planned.set(question, text);
  }
  const answers: Record<string, string> = {};
  for (const q of questions) if (planned.has(q)) answers[q] = planned.get(q)!;
  for (const [q, text] of own) answers[q] = text;
  return answers;
}

/** How far back a person's own changes say which team they are on: two weeks of working days. */
export const RECENT_WORKING_DAYS = 10;

export interface AnswerSuggestions {
  actor: string;
  /** The person's checks under standup's "yesterday", one per item, not unchecked by them after. */
  completed: LogEvent[];
  /** Today's items (tasks, then checklist items due) of the person's team; `open` leaves out done ones. */
  today: Scheduled[];
  open: Scheduled[];
  /**
   * Whose items `today` holds: the blocks matching --team; the teams of the blocks the person changed
   * items of in the last RECENT_WORKING_DAYS (and blocks for "All" or no team); or, when that names no
   * item today, everyone's.
   */
  teams: { from: 'flag' | 'recent' | 'everyone'; names: string[] };
  /** Items blocked now whose block the person made. */
  blocked: Scheduled[];
  onTrack: OnTrack | undefined;
}

const teamKey = (team: string | null | undefined): string => (team ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
/** A block for "All", or with no team at all, is everyone's. */
const everyones = (team: string | null | undefined): boolean => teamKey(team) === '' || teamKey(team) === 'all';

/** The teams of the blocks whose items the person changed, counting from `from` to before `to`. */
function recentTeams(view: PlanView, timeline: readonly LogEvent[], cancelled: ReadonlySet<string>, actor: string, from: number, to: number): string[] {
  const teams = new Map<string, string>();
  for (const e of timeline) {
    if (typeof e.item !== 'string' || !isKnownType(e.type) || cancelled.has(e.id) || !sameActor(e.actor, actor)) continue;
    const at = Date.parse(e.ts);
    if (at < from || at >= to) continue;
    const team = view.byId.get(e.item)?.block?.team;
    if (team && !everyones(team)) teams.set(teamKey(team), team);
  }
  return [...teams.values()];
}

/** The person's own checks of yesterday, the last change of theirs per item deciding. */
function completedBy(s: Standup, actor: string): LogEvent[] {
  const last = new Map<string, LogEvent>();
  for (const { actor: who, events } of s.yesterday) {
    if (!sameActor(who, actor)) continue;
    for (const e of events) if (typeof e.item === 'string' && (e.type === 'check' || e.type === 'uncheck')) last.set(e.item, e);
  }
  return [...last.values()].filter((e) => e.type === 'check');
}

/**
 * The suggestions for `actor` on the standup `s` (built without an actor or team filter). `timeline`
 * is the log in fold order; `cancelled` the events undone as of the standup's date.
 */
export function answerSuggestions(
  view: PlanView,
  s: Standup,
  timeline: readonly LogEvent[],
  cancelled: ReadonlySet<string>,
  actor: string,
  team?: { words: string; matches: TeamFilter },
): AnswerSuggestions {
  const all = [...s.today.tasks.flatMap((g) => g.items), ...s.today.due];
  let teams: AnswerSuggestions['teams'];
  let today: Scheduled[];
  if (team) {
    teams = { from: 'flag', names: [team.words] };
    today = all.filter((e) => team.matches(e.block?.team ?? null));
  } else {
    const { calendar } = view;
    let first = s.date;
    for (let i = 1; i < RECENT_WORKING_DAYS; i++) first = calendar.previousWorkingDay(first);
    const names = recentTeams(view, timeline, cancelled, actor, startOfLocalDay(first, calendar.zone), calendar.dayEnd(s.date));
    const keys = new Set(names.map(teamKey));
    const mine = all.filter((e) => keys.has(teamKey(e.block?.team)));
    if (mine.length > 0) {
      teams = { from: 'recent', names };
      today = all.filter((e) => keys.has(teamKey(e.block?.team)) || everyones(e.block?.team));
    } else {
      teams = { from: 'everyone', names: [] };
      today = all;
    }
  }
  return {
    actor,
    completed: completedBy(s, actor),
    today,
    open: today.filter((e) => e.status !== 'done'),
    teams,
    blocked: s.blocked.filter((e) => e.state?.by !== undefined && sameActor(e.state.by, actor)),
    onTrack: s.onTrack,
  };
}
