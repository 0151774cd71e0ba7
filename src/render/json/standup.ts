// `launch standup --json` (./standup.schema.ts).
import { eventWords, type StandupModel, todayItems } from '../standup.js';
import { itemJson, overdueJson } from './shared.js';
import type { StandupJson } from './standup.schema.js';

export function standupJson(m: StandupModel): StandupJson {
  const s = m.standup;
  return {
    schema: 1,
    date: s.date,
    since: s.since,
    yesterday: s.yesterday.flatMap(({ actor, events }) => events.map((e) => ({ actor, type: e.type as StandupJson['yesterday'][number]['type'], item: (e.item as string | undefined) ?? null, ts: e.ts, text: eventWords(m.titleOf, e) }))),
    today: todayItems(s).map(itemJson),
    blockers: s.blocked.map((e) => ({ id: e.id, title: e.item.title, reason: e.state?.reason ?? null, actor: e.state?.by ?? null })),
    overdue: s.overdue.map(overdueJson),
    onTrack: s.onTrack ? { verdict: s.onTrack.verdict, done: s.onTrack.done, expected: s.onTrack.expected, late: s.onTrack.late.map((e) => e.id) } : null,
    questions: s.questions,
    weeklyReview: s.weeklyReview,
    riskAssessment: s.riskAssessment,
    answers: s.answers.map((a) => ({ actor: a.actor, ts: a.ts, answers: a.answers })),
  };
}
