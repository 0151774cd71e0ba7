// `launch standup`: yesterday by person, today, blockers, the verdict, and the plan's questions — as
// text for the terminal or as Markdown to paste into chat (the same lines, other headings and bullets).
import type { Zone } from '../core/calendar/zone.js';
import { describeEvent } from '../core/log/event-types.js';
import type { LogEvent } from '../core/log/events.js';
import type { EscalationState } from '../core/log/state.js';
import type { Escalation } from '../core/plan/schema.js';
import { describeOnTrack } from '../core/queries/progress.js';
import type { Scheduled } from '../core/queries/schedule.js';
import type { Standup } from '../core/queries/standup.js';
import type { AnswerSuggestions, QuestionKind } from '../core/queries/standup-answers.js';
import { formatDate, formatShortDate } from './dates.js';
import { escalationBanner } from './escalations.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { count } from './count.js';

export interface StandupModel {
  standup: Standup;
  /** An item's title by id, so events read as work ("checked Skeleton Loading Setup"). */
  titleOf: (id: string) => string | undefined;
  escalations: EscalationState[];
  rules: Escalation;
  zone: Zone;
}

export const todayItems = (s: Standup): Scheduled[] => [...s.today.tasks.flatMap((g) => g.items), ...s.today.due];

/** An event in words, with the item's title in place of its id. */
export function eventWords(titleOf: (id: string) => string | undefined, e: LogEvent): string {
  const title = typeof e.item === 'string' ? titleOf(e.item) : undefined;
  const words = describeEvent(e);
  return title !== undefined ? words.replace(e.item as string, title) : words;
}

export function renderStandup(m: StandupModel, md: boolean, theme: Theme): string[] {
  const s = m.standup;
  const { c, mark } = theme;
  const out: string[] = [];
  const h = (text: string) => out.push(md ? `\n**${text}**` : c.bold(text));
  const li = (text: string, m = '') => out.push(md ? `- ${text}` : `  ${m ? `${m} ` : ''}${text}`);
  const verdict = s.onTrack ? `${describeOnTrack(s.onTrack)} (${s.onTrack.done} done, ${s.onTrack.expected} due by yesterday)` : '';
  const title = `Standup · ${formatDate(s.date)}${verdict ? ` · ${verdict}` : ''}`;
  out.push(md ? `### ${title}` : c.bold(title));
  if (!md) for (const line of escalationBanner(theme, m.escalations, m.rules, m.zone)) out.push(line); // may be 100,000s
  h(`Yesterday (since ${formatShortDate(s.since)})`);
  if (s.yesterday.length === 0) li(c.dim('nothing recorded'));
  for (const { actor, events } of s.yesterday) {
    for (const e of events) li(`${safeText(actor)}: ${safeText(eventWords(m.titleOf, e))}`, e.type === 'check' ? mark.done : e.type === 'block' ? mark.blocked : '·');
  }
  h('Today');
  const items = todayItems(s);
  if (items.length === 0) li(c.dim('nothing scheduled'));
  for (const e of items) li(`${safeText(e.item.title)}${e.block?.team ? c.dim(` · ${safeText(e.block.team)}`) : ''} (${e.id})`, e.status === 'done' ? mark.done : mark.todo);
  h('Blockers');
  if (s.blocked.length === 0 && s.overdue.length === 0) li(c.dim('none'));
  for (const e of s.blocked.slice(0, 10)) li(`${safeText(e.item.title)} — ${safeText(e.state?.reason ?? '')}${e.state?.by ? ` (${safeText(e.state.by)})` : ''}`, mark.blocked);
  if (s.blocked.length > 10) li(`… and ${s.blocked.length - 10} more blocked: launch list --status blocked`);
  if (s.overdue.length > 0) li(`${count(s.overdue.length, 'overdue item')}, oldest: ${safeText(s.overdue[0]!.entry.item.title)} (${s.overdue[0]!.daysLate} working day${s.overdue[0]!.daysLate === 1 ? '' : 's'} late)`, mark.missed);
  if (s.onTrack?.late.length) li(`behind on: ${s.onTrack.late.slice(0, 5).map((e) => e.id).join(', ')}${s.onTrack.late.length > 5 ? ', …' : ''}`);
  const numbered = (heading: string, lines: string[]) => {
    if (lines.length === 0) return;
    h(heading);
    lines.forEach((q, i) => out.push(md ? `${i + 1}. ${safeText(q)}` : `  ${i + 1}. ${safeText(q)}`));
  };
  numbered('Questions', s.questions);
  numbered('Weekly metrics review', s.weeklyReview);
  numbered('Risk assessment', s.riskAssessment);
  for (const a of s.answers) {
    h(`Answers · ${safeText(a.actor)}`);
    for (const [q, answer] of Object.entries(a.answers)) li(`${safeText(q)} ${c.dim('→')} ${safeText(answer)}`);
  }
  return out;
}

/** What `standup --answer` offers `sug.actor` for a question of this kind; none for other questions. */
export function suggestedAnswer(kind: QuestionKind | undefined, sug: AnswerSuggestions, titleOf: (id: string) => string | undefined): string | undefined {
  switch (kind) {
    case 'yesterday':
      return sug.completed.map((e) => eventWords(titleOf, e).replace(/^checked /, '')).join('; ') || 'nothing recorded';
    case 'today':
      return sug.open.map((e) => e.item.title).slice(0, 5).join('; ') || (sug.today.length > 0 ? 'nothing open' : 'nothing scheduled');
    case 'blockers':
      return sug.blocked.map((e) => `${e.item.title}: ${e.state?.reason ?? ''}`).join('; ') || 'none';
    case 'onTrack':
      return sug.onTrack ? describeOnTrack(sug.onTrack) : 'n/a';
    default:
      return undefined;
  }
}
