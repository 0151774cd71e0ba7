import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar/calendar.js';
import type { ItemState } from '../../src/core/log/item-state.js';
import type { KpiRecord } from '../../src/core/log/state.js';
import { itemsOf } from '../../src/core/plan/items.js';
import { parsePlanYaml } from '../../src/core/plan/yaml.js';
import { buildPlanView } from '../../src/core/queries/schedule.js';
import { today } from '../../src/core/queries/today.js';

const parsed = parsePlanYaml(readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('bundled plan invalid');
const plan = parsed.plan;

function at(date: string, opts: { holidays?: string[]; states?: Map<string, ItemState>; kpis?: Map<string, KpiRecord[]>; team?: (t: string | null) => boolean } = {}) {
  const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: opts.holidays ?? [] }, plan.totalWeeks);
  const view = buildPlanView(plan, itemsOf(plan.items), calendar, opts.states ?? new Map());
  return today(view, date, opts.kpis ?? new Map(), opts.team);
}
const taskTitles = (t: ReturnType<typeof at>) => t.tasks.flatMap((g) => g.items.map((e) => e.item.title));
const done = (by = 'alice'): ItemState => ({ status: 'done', by, at: '2026-11-30T10:00:00+01:00', notes: [], events: 1 });

describe('launch today on the bundled plan, start Mon 2026-11-30', () => {
  it('Mon 30 Nov: the kickoff actions and the two Day 1 tasks', () => {
    const t = at('2026-11-30');
    expect(taskTitles(t)).toEqual(['Team Standup', 'Environment Setup', 'Sprint 1 Kickoff', 'Skeleton Loading Setup', 'Database Index Creation']);
    expect(t.position).toMatchObject({ phase: 'during', week: 1, dayOfPlan: 1, totalWorkingDays: 50 });
    expect(t.sprint?.id).toBe('s1');
    expect(t.due).toHaveLength(8);
    expect(new Set(t.due.map((e) => e.schedule!.due))).toEqual(new Set(['2026-12-02']));
  });

  it('Thu 3 Dec: MFA Backend Implementation', () => {
    expect(taskTitles(at('2026-12-03'))).toEqual(['MFA Backend Implementation']);
  });

  it('Fri 11 Dec: the Sprint 1 review tasks and the week-2 KPI checkpoint', () => {
    const t = at('2026-12-11');
    expect(taskTitles(t)).toEqual([
      'Sprint 1 retrospective and metrics review', 'Sprint 2 planning and task assignment',
      'Risk assessment and mitigation planning', 'Stakeholder update and progress communication',
    ]);
    expect(t.checkpoint.map((c) => [c.kpi.metric, c.target.text, c.status])).toEqual([
      ['Bundle Size', '<500KB', 'no-data'], ['DB Query Time', '<50ms', 'no-data'],
      ['Cache Hit Rate', '>80%', 'no-data'], ['MFA Implementation', '100%', 'no-data'],
    ]);
  });

  it('Sat 5 Dec: no items, and the next working day is Monday', () => {
    const t = at('2026-12-05');
    expect(t.tasks).toEqual([]);
    expect(t.due).toEqual([]);
    expect(t.position.workingDay).toBe(false);
    expect(t.next?.date).toBe('2026-12-07');
    expect(taskTitles({ ...t, tasks: t.next!.tasks })).toContain('Code splitting implementation');
  });

  it('Mon 4 Jan: the Sprint 3-4 week 5-6 focus areas', () => {
    const t = at('2027-01-04');
    expect(t.sprint?.id).toBe('s3-4');
    expect(t.due.map((e) => e.block?.title)).toEqual([...Array(4).fill('User Onboarding Refinement'), ...Array(4).fill('Advanced Testing')]);
  });

  it('Fri 5 Feb: Full Launch; Mon 8 Feb: after the plan', () => {
    expect(taskTitles(at('2027-02-05'))).toEqual(['Full Launch']);
    const after = at('2027-02-08');
    expect(after.position.phase).toBe('after');
    expect(after.tasks).toEqual([]);
  });

  it('before the start: a countdown and the first day', () => {
    const t = at('2026-11-27');
    expect(t.position).toMatchObject({ phase: 'before', daysUntilStart: 3 });
    expect(t.next?.date).toBe('2026-11-30');
  });

  it('a holiday moves its task to the next working day, flagged', () => {
    const t = at('2026-12-04', { holidays: ['2026-12-03'] });
    const moved = t.tasks.flatMap((g) => g.items).find((e) => e.item.title === 'MFA Backend Implementation')!;
    expect(moved.schedule?.moved).toEqual({ from: '2026-12-03', to: '2026-12-04' });
    expect(at('2026-12-03', { holidays: ['2026-12-03'] }).position.workingDay).toBe(false);
  });

  it('overdue items come oldest first with working days late; done items are not overdue', () => {
    const states = new Map([['team-standup', done()]]);
    const t = at('2026-12-03', { states });
    expect(t.overdue[0]).toMatchObject({ daysLate: 3 });
    expect(t.overdue.map((o) => o.entry.item.id)).not.toContain('team-standup');
    expect(t.overdue.at(-1)!.daysLate).toBe(1);
    expect(at('2026-12-05').overdue.every((o) => o.daysLate >= 1)).toBe(true);
  });

  it('counts lateness once per due date, however many overdue items share it (same answers)', () => {
    const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, plan.totalWeeks);
    const view = buildPlanView(plan, itemsOf(plan.items), calendar, new Map());
    const calls: string[] = [];
    const counting = { ...calendar, workingDaysBetween: (from: string, to: string) => (calls.push(from), calendar.workingDaysBetween(from, to)) };
    const date = '2027-01-20';
    const t = today({ ...view, calendar: counting }, date, new Map());
    const dues = new Set(t.overdue.map((o) => o.entry.schedule!.due));
    expect(t.overdue.length).toBeGreaterThan(dues.size * 2);
    expect(calls.length).toBeLessThanOrEqual(new Set(calls).size);
    expect(t.overdue.map((o) => [o.entry.id, o.daysLate])).toEqual(t.overdue.map((o) => [o.entry.id, calendar.workingDaysBetween(o.entry.schedule!.due, date)]));
  });

  it('--team filters by block team words', () => {
    const backend = (team: string | null) => !!team && /backend/i.test(team);
    expect(taskTitles(at('2026-11-30', { team: backend }))).toEqual(['Database Index Creation']);
  });

  it('on track: behind names the late items, ahead counts early ones', () => {
    expect(at('2026-12-01').onTrack).toMatchObject({ verdict: 'behind', expected: 5 });
    const all = new Map(['team-standup', 'environment-setup', 'sprint-1-kickoff', 'skeleton-loading-setup', 'database-index-creation'].map((id) => [id, done()]));
    expect(at('2026-12-01', { states: all }).onTrack).toMatchObject({ verdict: 'on track', done: 5, expected: 5 });
    all.set('bundle-analysis', done());
    expect(at('2026-12-01', { states: all }).onTrack).toMatchObject({ verdict: 'ahead', early: 1 });
  });

  it('KPI checkpoint judges recorded values', () => {
    const kpis = new Map([['bundle-size', [{ id: 'e1', metric: 'bundle-size', value: '540KB', week: 1, actor: 'a', ts: '2026-12-04T10:00:00+01:00' }]]]);
    expect(at('2026-12-04', { kpis }).checkpoint.find((c) => c.kpi.id === 'bundle-size')).toMatchObject({ status: 'met' });
    expect(at('2026-12-11', { kpis }).checkpoint.find((c) => c.kpi.id === 'bundle-size')).toMatchObject({ status: 'missed' });
  });
});

describe('today and the owner filter', () => {
  it('lists what it lists without the filter, and asks it only about entries it would list', () => {
    const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, plan.totalWeeks);
    const blocked: ItemState = { status: 'blocked', reason: 'waiting', by: 'ana', at: '2026-12-01T10:00:00+01:00', notes: [], events: 1 };
    const view = buildPlanView(plan, itemsOf(plan.items), calendar, new Map([[plan.items.at(-1)!.id, blocked]]));
    const date = '2026-12-09';
    const asked: string[] = [];
    const t = today(view, date, new Map(), undefined, (e) => (asked.push(e.id), true));
    const plain = today(view, date, new Map());
    expect(t).toEqual(plain);
    const listed = new Set([...t.tasks.flatMap((g) => g.items), ...t.due, ...t.overdue.map((o) => o.entry), ...t.blocked].map((e) => e.id));
    // Overdue entries under a day late are asked about and left out: nothing else may be.
    const nearlyLate = view.entries.filter((e) => e.status !== 'done' && e.schedule !== null && e.schedule.due < date && !listed.has(e.id)).map((e) => e.id);
    expect(listed.size).toBeGreaterThan(3);
    expect(t.blocked).toHaveLength(1);
    expect(new Set(asked)).toEqual(new Set([...listed, ...nearlyLate]));
    expect(asked.length).toBeLessThan(view.entries.length / 2);
  });
});

describe('one sprint’s entries', () => {
  // sprintEntries filters for the first sprint asked for and groups them all on the second: in either
  // order, each is what bySprint holds.
  it('are what bySprint holds, whichever sprint is asked for first and however often', () => {
    const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, plan.totalWeeks);
    const expected = buildPlanView(plan, itemsOf(plan.items), calendar, new Map()).bySprint;
    expect(plan.sprints.length).toBeGreaterThan(1);
    for (const first of plan.sprints) {
      const view = buildPlanView(plan, itemsOf(plan.items), calendar, new Map());
      const own = view.sprintEntries(first.id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.map((e) => e.id)).toEqual(expected.get(first.id)!.map((e) => e.id));
      expect(view.sprintEntries(first.id)).toBe(own);
      for (const s of plan.sprints) expect(view.sprintEntries(s.id).map((e) => e.id), s.id).toEqual((expected.get(s.id) ?? []).map((e) => e.id));
    }
  });
});
