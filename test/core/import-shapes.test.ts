import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { PlanSchema } from '../../src/core/plan/schema.js';
import { checkPlanSanity } from '../../src/core/plan/sanity.js';
import { fixture } from '../helpers.js';

const load = (name: string) => {
  const result = importMarkdown(fixture(name), { sourceName: name.split('/').pop()! });
  expect(PlanSchema.safeParse(result.plan).success).toBe(true);
  expect(checkPlanSanity(result.plan)).toEqual([]);
  return result;
};
const checkboxCount = (md: string) => md.split('\n').filter((l) => /^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]/.test(l)).length;
const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('plans of other shapes keep every checkbox', () => {
  for (const name of ['plans/release-checklist.md', 'plans/roadmap.md', 'plans/go-live.md', 'plans/phases.md']) {
    it(name, () => {
      const { plan } = load(name);
      const checks = plan.items.filter((i) => i.kind === 'check');
      expect(checks).toHaveLength(checkboxCount(fixture(name)));
    });
  }

  it('release checklist: nested checkboxes keep their parent, [x] is done, front matter names the plan', () => {
    const { plan, warnings } = load('plans/release-checklist.md');
    expect(plan.id).toBe('release-2-4');
    const byTitle = (t: string) => plan.items.find((i) => i.title === t)!;
    expect(byTitle('Frontend P1s assigned').parent).toBe(byTitle('All P1 bugs triaged').id);
    expect(byTitle('Payments team confirmed').parent).toBe(byTitle('Backend P1s assigned').id);
    expect(byTitle('Backend P1s assigned').done).toBe(true);
    expect(byTitle('Translations merged').done).toBeUndefined();
    expect(byTitle('npm').parent).toBe(byTitle('Publish packages').id);
    expect(warnings.some((w) => w.line === 28 && /note/.test(w.message))).toBe(true);
    expect(JSON.stringify(plan)).not.toMatch(/release captain/);
  });

  it('roadmap: [x] progress, weeks from headings, KPI table', () => {
    const { plan } = load('plans/roadmap.md');
    expect(plan.items.filter((i) => i.done)).toHaveLength(2);
    expect(plan.items.find((i) => i.title === 'Web client')!.weeks).toEqual({ from: 3, to: 4 });
    expect(plan.kpis.map((k) => [k.metric, k.targets.map((t) => t.target.text)])).toEqual([
      ['Signups', ['50 users', '200 users']],
      ['Activation', ['>20%', '>35%']],
    ]);
    expect(plan.totalWeeks).toBe(4);
  });

  it('go-live: T-minus headings become sections that hold their items', () => {
    const { plan } = load('plans/go-live.md');
    const launchDay = plan.sections.find((s) => s.title === 'Launch day (T-0)')!;
    expect(titles(plan.items.filter((i) => i.section === launchDay.id))).toEqual([
      'Flip the flag', 'Watch error rate <0.5% for 1h', 'Post status update',
    ]);
  });

  it('phase plan: "(Weeks 1-2)" spans the phase and its team', () => {
    const { plan } = load('plans/phases.md');
    expect(plan.weeks.map((w) => [w.title, w.weeks])).toEqual([
      ['Phase 1: Discovery', { from: 1, to: 2 }],
      ['Phase 2: Migration', { from: 3, to: 5 }],
      ['Phase 3: Cleanup', { from: 6, to: 6 }],
    ]);
    expect(plan.items.find((i) => i.title === 'Cut over')).toMatchObject({ weeks: { from: 3, to: 5 } });
    expect(plan.blocks.map((b) => b.team)).toEqual(['Platform', 'Platform + SRE']);
  });
});

describe('constructs', () => {
  it('reads every heading form', () => {
    const { plan } = load('constructs/headings.md');
    expect(plan.sprints.map((s) => [s.id, s.title, s.weeks])).toEqual([
      ['s1', 'Alpha', { from: 1, to: 2 }],
      ['s2-3', 'Beta', { from: 4, to: 6 }],
    ]);
    const at = (t: string) => plan.items.find((i) => i.title === t)!;
    expect(at('Built')).toMatchObject({ weeks: { from: 1, to: 1 }, days: { from: 'mon', to: 'wed' } });
    expect(plan.blocks.find((b) => b.title === 'Build')!.team).toBe('Platform Team');
    expect(at('Demoed')).toMatchObject({ days: { from: 'fri', to: 'fri' }, weekday: 'fri' });
    expect(at('Overflowed').weeks).toEqual({ from: 2, to: 3 });
    expect(at('Soaked')).toMatchObject({ weeks: { from: 4, to: 5 }, sprint: 's2-3', weekday: 'thu' });
    expect(at('Checked midweek')).toMatchObject({ day: 3, weekday: 'wed' });
  });

  it('turns Day lines and comment lines of code blocks into tasks with steps', () => {
    const { plan, warnings } = load('constructs/code-tasks.md');
    const tasks = plan.items.filter((i) => i.kind === 'task');
    expect(tasks.map((t) => [t.title, t.day, t.steps])).toEqual([
      ['Provision servers', 1, ['$ terraform apply', 'Verify health checks']],
      ['Deploy app', 2, undefined],
      ['Rotate secrets', undefined, ['$ vault rotate']],
      ['Update runbook', undefined, undefined],
    ]);
    expect(tasks[2]).toMatchObject({ days: { from: 'thu', to: 'thu' } });
    expect(warnings.map((w) => w.line)).toEqual([10, 26]);
  });

  it('reads the standup template and escalation rules', () => {
    const { plan } = load('constructs/standup-escalation.md');
    expect(plan.standup).toEqual({ questions: ['What shipped?', 'What is next?'], weeklyReview: ['Error budget'], riskAssessment: ['New risks'] });
    expect(plan.escalation.levels.map((l) => [l.id, l.timing, l.triggers])).toEqual([
      ['critical', 'Immediate Escalation', ['Data loss']],
      ['high', 'Same Day Escalation', ['Broken builds']],
    ]);
    expect(plan.escalation.contacts).toEqual([{ role: 'On-call', contact: 'pager 555' }]);
    expect(plan.items).toEqual([]);
  });

  it('repairs double-encoded UTF-8 but leaves real accents alone', () => {
    const { plan, warnings } = load('constructs/mojibake.md');
    expect(plan.title).toBe('Café plan 🚀');
    expect(titles(plan.items)).toEqual(['Ordinary café stays', 'Launch 🚀']);
    expect(warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/repaired 3 characters/) });
  });

  it('never throws on odd input and warns instead of dropping text', () => {
    for (const md of ['', '   ', '- [ ]', '|a|\n|-|\n|b|', '# \n## Week 0', '```\n# Day 99: x\n```', '<div>raw</div>', '> - [ ] quoted task']) {
      const { plan } = importMarkdown(md);
      expect(PlanSchema.safeParse(plan).success).toBe(true);
    }
    expect(importMarkdown('> - [ ] quoted task').plan.items).toHaveLength(1);
    expect(importMarkdown('# T\n\n<div>raw</div>').warnings).toEqual([{ line: 3, message: 'HTML kept as a note under "T"' }]);
  });
});

describe('bare URLs in item titles', () => {
  it('keep their underscores, asterisks and tildes (GFM autolink literals), and the item text around them', () => {
    const md = [
      '# P',
      '',
      '## Week 1',
      '',
      '- [ ] Add tests in https://github.com/acme/web/tree/main/src/__tests__/ today',
      '- [ ] Review www.example.com/*draft*/notes and http://x.org/a~~b~~c',
      '- [ ] Mail ops_team_lead@example.com about **the** ~~old~~ rota',
      '',
    ].join('\n');
    const { plan } = importMarkdown(md);
    expect(titles(plan.items)).toEqual([
      'Add tests in https://github.com/acme/web/tree/main/src/__tests__/ today',
      'Review www.example.com/*draft*/notes and http://x.org/a~~b~~c',
      'Mail ops_team_lead@example.com about the old rota',
    ]);
  });
});
