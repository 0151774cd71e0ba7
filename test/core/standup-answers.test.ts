// standup --answer, per person and by meaning: which question a flag answers, and whose events, team
// and blockers the suggested answers come from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar/calendar.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { foldEvents } from '../../src/core/log/fold.js';
import { itemsOf } from '../../src/core/plan/items.js';
import { parsePlanYaml } from '../../src/core/plan/yaml.js';
import { buildPlanView } from '../../src/core/queries/schedule.js';
import { standup } from '../../src/core/queries/standup.js';
import { answersByMeaning, answerSuggestions, DEFAULT_QUESTIONS, questionKind } from '../../src/core/queries/standup-answers.js';
import { teamMatcher } from '../../src/commands/shared/filters.js';

const parsed = parsePlanYaml(readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('bundled plan invalid');
const plan = parsed.plan;
const calendar = createCalendar({ start: '2026-11-30', timeZone: 'UTC', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, plan.totalWeeks);

let n = 0;
const at = (actor: string, ts: string, fields: Partial<NewEvent>): LogEvent =>
  createEvent({ actor, type: 'check', ...fields } as NewEvent, `e${String(++n).padStart(15, '0')}`, ts);

/** The suggestions for `actor` on `date`, the log being `events`. */
function suggest(events: LogEvent[], date: string, actor: string, team?: string) {
  const fold = foldEvents(events, { before: calendar.dayEnd(date) });
  const view = buildPlanView(plan, itemsOf(plan.items), calendar, fold.items);
  const s = standup(view, date, fold.timeline, fold.cancelled, fold.kpis, fold.standups);
  const all = foldEvents(events);
  return answerSuggestions(view, s, all.timeline, fold.cancelled, actor, team ? { words: team, matches: teamMatcher(team) } : undefined);
}
const ids = (entries: { id: string }[]) => entries.map((e) => e.id);
const teamsOf = (entries: { block: { team?: string | null } | undefined }[]) => [...new Set(entries.map((e) => e.block?.team ?? null))];

// Monday 30 Nov: Dave works on the backend block, Bob on the frontend one; each blocks an item.
const monday = [
  at('dave', '2026-11-30T10:00:00Z', { item: 'database-index-creation' }),
  at('bob', '2026-11-30T10:05:00Z', { item: 'skeleton-loading-setup' }),
  at('bob', '2026-11-30T11:00:00Z', { type: 'block', item: 'page-transition-animations', reason: 'design pending' }),
  at('dave', '2026-11-30T11:30:00Z', { type: 'block', item: 'redis-setup', reason: 'waiting for DBA' }),
];

describe('suggested answers are the answering person\'s own', () => {
  it('yesterday: only their own checks; blockers: only what they blocked', () => {
    const dave = suggest(monday, '2026-12-01', 'dave');
    expect(ids(dave.completed.map((e) => ({ id: e.item as string })))).toEqual(['database-index-creation']);
    expect(ids(dave.blocked)).toEqual(['redis-setup']);
    const bob = suggest(monday, '2026-12-01', 'bob');
    expect(bob.completed.map((e) => e.item)).toEqual(['skeleton-loading-setup']);
    expect(ids(bob.blocked)).toEqual(['page-transition-animations']);
  });

  it('today: their team\'s items, the team being the blocks of the items they changed', () => {
    const dave = suggest(monday, '2026-12-01', 'dave');
    expect(dave.teams).toEqual({ from: 'recent', names: ['Backend Lead + DevOps Engineer'] });
    expect(teamsOf(dave.today)).toEqual(['Backend Lead + DevOps Engineer']);
    expect(ids(dave.open)[0]).toBe('connection-pool-optimization');
    expect(ids(dave.open)).not.toContain('bundle-analysis');
    const bob = suggest(monday, '2026-12-01', 'bob');
    expect(teamsOf(bob.today)).toEqual(['Frontend Lead + UI Developer']);
    expect(ids(bob.open)[0]).toBe('bundle-analysis');
  });

  it('someone with no changes of their own gets every item of the day and no one else\'s work', () => {
    const erin = suggest(monday, '2026-12-01', 'erin');
    expect(erin.teams.from).toBe('everyone');
    expect(teamsOf(erin.today).sort()).toEqual(['Backend Lead + DevOps Engineer', 'Frontend Lead + UI Developer']);
    expect(erin.completed).toEqual([]);
    expect(erin.blocked).toEqual([]);
  });

  it('names match without regard to case', () => {
    const dave = suggest(monday, '2026-12-01', 'Dave');
    expect(dave.completed.map((e) => e.item)).toEqual(['database-index-creation']);
    expect(ids(dave.blocked)).toEqual(['redis-setup']);
    expect(dave.teams.from).toBe('recent');
  });

  it('--team chooses the team instead', () => {
    const dave = suggest(monday, '2026-12-01', 'dave', 'frontend');
    expect(dave.teams).toEqual({ from: 'flag', names: ['frontend'] });
    expect(teamsOf(dave.today)).toEqual(['Frontend Lead + UI Developer']);
  });

  it('an item checked then unchecked by them yesterday is not offered as done', () => {
    const log = [...monday, at('dave', '2026-11-30T15:00:00Z', { type: 'uncheck', item: 'database-index-creation' })];
    expect(suggest(log, '2026-12-01', 'dave').completed).toEqual([]);
  });

  it('the team comes from changes up to the day, within its last 10 working days', () => {
    // A change counting for Wednesday says nothing about Tuesday's team.
    const later = [at('erin', '2026-12-02T09:00:00Z', { item: 'bundle-size-analyzed' })];
    expect(suggest(later, '2026-12-01', 'erin').teams.from).toBe('everyone');
    expect(suggest(later, '2026-12-02', 'erin').teams).toEqual({ from: 'recent', names: ['Frontend Lead + UI Developer'] });
    // Mon 11 Jan, weeks 7-8: the DevOps Engineer block; Dave last worked a DevOps Engineer item (week 4)
    // on Tue 29 Dec (the 10th working day back) in one log, and on Thu 24 Dec (the 11th) in the other.
    const recent = suggest([at('dave', '2026-12-29T09:00:00Z', { item: 'advanced-github-actions' })], '2027-01-11', 'dave');
    expect(recent.teams).toEqual({ from: 'recent', names: ['DevOps Engineer'] });
    expect(teamsOf(recent.today)).toEqual(['DevOps Engineer']);
    const old = suggest([at('dave', '2026-12-24T09:00:00Z', { item: 'advanced-github-actions' })], '2027-01-11', 'dave');
    expect(old.teams.from).toBe('everyone');
    expect(teamsOf(old.today).length).toBeGreaterThan(1);
  });
});

describe('questions are matched by meaning', () => {
  it('classifies the bundled plan\'s questions and other wordings', () => {
    expect(plan.standup.questions.map(questionKind)).toEqual(['yesterday', 'today', 'blockers', 'onTrack']);
    expect(questionKind('What did you get done since the last standup?')).toBe('yesterday');
    expect(questionKind('What have you finished?')).toBe('yesterday');
    expect(questionKind('What is your plan for the day?')).toBe('today');
    expect(questionKind('What will you work on next?')).toBe('today');
    expect(questionKind('Is anything blocking you today?')).toBe('blockers');
    expect(questionKind('Are you stuck on anything?')).toBe('blockers');
    expect(questionKind('Any impediments?')).toBe('blockers');
    expect(questionKind('Which dependencies are you waiting for?')).toBe('blockers');
    expect(questionKind('Anything to celebrate?')).toBeUndefined();
  });

  it('each flag lands on the question that asks it, in the plan\'s order; the rest keep their own question', () => {
    const questions = ['Any blockers or impediments?', 'What is your plan for today?'];
    const answers = answersByMeaning(questions, { yesterday: 'skeletons', today: 'bundle', blockers: 'none' });
    expect(answers).toEqual({ 'Any blockers or impediments?': 'none', 'What is your plan for today?': 'bundle', [DEFAULT_QUESTIONS.yesterday]: 'skeletons' });
    expect(Object.keys(answers)).toEqual([...questions, DEFAULT_QUESTIONS.yesterday]);
    // A question no flag answers is left unanswered.
    expect(answersByMeaning(questions, { today: 'bundle' })).toEqual({ 'What is your plan for today?': 'bundle' });
    expect(answersByMeaning([], { blockers: 'none' })).toEqual({ [DEFAULT_QUESTIONS.blockers]: 'none' });
  });
});
