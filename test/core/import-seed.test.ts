import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { PlanSchema } from '../../src/core/plan/schema.js';
import { checkPlanSanity } from '../../src/core/plan/sanity.js';
import { planToYaml } from '../../src/core/plan/yaml.js';
import { seedMarkdown } from '../helpers.js';

const { plan, warnings } = importMarkdown(seedMarkdown(), { sourceName: 'securenet-launch.md' });
const byTitle = (title: string) => {
  const item = plan.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
};

describe('importing the SecureNet seed plan', () => {
  it('validates against the schema and the sanity checks', () => {
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect(checkPlanSanity(plan)).toEqual([]);
  });

  it('finds every checkbox, KPI row and standup question', () => {
    expect(plan.items.filter((i) => i.kind === 'check')).toHaveLength(72);
    expect(plan.kpis).toHaveLength(16);
    expect(plan.standup.questions).toEqual([
      'What did you complete yesterday?',
      'What are you working on today?',
      'Any blockers or dependencies?',
      'Are you on track for sprint goals?',
    ]);
    expect(plan.standup.weeklyReview).toHaveLength(4);
    expect(plan.standup.riskAssessment).toContain('Escalate critical issues immediately');
  });

  it('gives all 30 "Day N" tasks their day and weekday', () => {
    const dayTasks = plan.items.filter((i) => i.day !== undefined);
    expect(dayTasks).toHaveLength(30);
    for (const t of dayTasks) expect(t.weekday).toBe(['mon', 'tue', 'wed', 'thu', 'fri'][t.day! - 1]);
    expect(byTitle('MFA Backend Implementation')).toMatchObject({ day: 4, weekday: 'thu', weeks: { from: 1, to: 1 } });
    expect(byTitle('Full Launch')).toMatchObject({ day: 5, weeks: { from: 10, to: 10 } });
  });

  it('keeps the steps of a task, commands included, as text', () => {
    expect(byTitle('Bundle Analysis').steps).toEqual([
      '$ npm install --save-dev webpack-bundle-analyzer',
      '$ npm run build',
      '$ npx webpack-bundle-analyzer dist/static/js/*.js',
      'Target: Identify largest chunks for optimization',
    ]);
  });

  it('puts the three kickoff actions on Week 1 Monday', () => {
    const kickoff = plan.items.filter((i) => i.line >= 9 && i.line <= 11);
    expect(kickoff.map((i) => i.title)).toEqual(['Team Standup', 'Environment Setup', 'Sprint 1 Kickoff']);
    for (const k of kickoff) expect(k).toMatchObject({ kind: 'task', weeks: { from: 1, to: 1 }, weekday: 'mon' });
    expect(kickoff[0]!.detail).toBe('Assign sprint roles and responsibilities');
  });

  it('puts the Friday review tasks on the Fridays of weeks 2 and 4', () => {
    for (const [title, week] of [['Sprint 1 retrospective and metrics review', 2], ['Mid-point stakeholder presentation', 4]] as const) {
      expect(byTitle(title)).toMatchObject({ kind: 'task', weeks: { from: week, to: week }, days: { from: 'fri', to: 'fri' } });
    }
  });

  it('spans Sprint 3-4 over weeks 5-8 with whole-week focus-area blocks', () => {
    expect(plan.sprints.find((s) => s.id === 's3-4')).toMatchObject({ name: 'Sprint 3-4', weeks: { from: 5, to: 8 } });
    const focus = plan.blocks.filter((b) => b.sprint === 's3-4');
    expect(focus.map((b) => [b.title, b.weeks])).toEqual([
      ['User Onboarding Refinement', { from: 5, to: 6 }],
      ['Advanced Testing', { from: 5, to: 6 }],
      ['Production Infrastructure', { from: 7, to: 8 }],
      ['Documentation & Training', { from: 7, to: 8 }],
    ]);
    expect(byTitle('Demo mode with realistic sample data')).toMatchObject({ weeks: { from: 5, to: 6 }, sprint: 's3-4' });
  });

  it('gives 20 blocks their teams and reads block day ranges', () => {
    expect(plan.blocks.filter((b) => b.team)).toHaveLength(20);
    const fe = plan.blocks.find((b) => b.title === 'Frontend Foundation')!;
    expect(fe).toMatchObject({ team: 'Frontend Lead + UI Developer', days: { from: 'mon', to: 'wed' }, weeks: { from: 1, to: 1 } });
  });

  it('parses KPI targets per week and thresholds inside checklist items', () => {
    const bundle = plan.kpis.find((k) => k.metric === 'Bundle Size')!;
    expect(bundle.sprint).toBe('s1');
    expect(bundle.targets.map((t) => [t.weeks.from, t.target.text])).toEqual([[1, '<600KB'], [2, '<500KB']]);
    const sat = plan.kpis.find((k) => k.metric === 'User Satisfaction')!;
    expect(sat.targets.map((t) => t.weeks)).toEqual([{ from: 5, to: 6 }, { from: 7, to: 8 }]);
    expect(byTitle('Initial bundle <500KB').thresholds).toMatchObject([{ op: '<', value: 500000, dimension: 'size' }]);
  });

  it('reads the escalation levels and contacts', () => {
    expect(plan.escalation.levels.map((l) => [l.id, l.timing, l.triggers.length])).toEqual([
      ['critical', 'Immediate Escalation', 4],
      ['high', 'Same Day Escalation', 4],
    ]);
    expect(plan.escalation.contacts[0]).toEqual({ role: 'Project Manager', contact: '[Emergency contact]' });
  });

  it('repairs the double-encoded emoji and says so', () => {
    expect(warnings[0]).toMatchObject({ line: 6 });
    expect(warnings[0]!.message).toMatch(/repaired 8 characters/);
    expect(planToYaml(plan)).not.toMatch(/ðŸ/);
  });

  it('gives readable, unique ids', () => {
    const ids = plan.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('skeleton-loading-setup');
    expect(ids).toContain('database-index-creation');
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
  });

  it('is deterministic and keeps ids when an unrelated item is added', () => {
    const again = importMarkdown(seedMarkdown(), { sourceName: 'securenet-launch.md' });
    expect(planToYaml(again.plan)).toBe(planToYaml(plan));
    const edited = seedMarkdown().replace('- [ ] Page transition animations added', '- [ ] Page transition animations added\n- [ ] Dark mode toggle works');
    const editedPlan = importMarkdown(edited, { sourceName: 'securenet-launch.md' }).plan;
    const editedIds = new Set(editedPlan.items.map((i) => i.id));
    for (const id of plan.items.map((i) => i.id)) expect(editedIds.has(id)).toBe(true);
    expect(editedIds.has('dark-mode-toggle')).toBe(true);
  });
});
