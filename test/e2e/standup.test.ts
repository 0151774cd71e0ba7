import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, tempDir } from './run.js';

function workspace(): string {
  const dir = tempDir();
  expect(launch(['init', '--start', '2026-11-30', '--tz', 'America/New_York', '--as', 'alice'], { cwd: dir }).code).toBe(0);
  return dir;
}
const standup = (dir: string, date: string) => JSON.parse(launch(['standup', '--json', '--date', date], { cwd: dir }).stdout);

describe('launch standup', () => {
  it('an item checked on Mon 30 Nov shows under yesterday on Tue 1 Dec; Friday shows on Monday', () => {
    const dir = workspace();
    launch(['check', 'skeleton-loading-setup', '--date', '2026-11-30'], { cwd: dir });
    launch(['check', 'session-security', '--date', '2026-12-04', '--as', 'bob'], { cwd: dir });
    const tue = standup(dir, '2026-12-01');
    expect(tue.since).toBe('2026-11-30');
    expect(tue.yesterday.map((y: { actor: string; item: string }) => [y.actor, y.item])).toEqual([['alice', 'skeleton-loading-setup']]);
    const mon = standup(dir, '2026-12-07');
    expect(mon.since).toBe('2026-12-04');
    expect(mon.yesterday.map((y: { actor: string; item: string }) => [y.actor, y.item])).toEqual([['bob', 'session-security']]);
    expect(standup(dir, '2026-12-02').yesterday).toEqual([]);
  });

  it('blockers carry the reason and who blocked; the 4 questions are listed; Friday adds the review prompts', () => {
    const dir = workspace();
    launch(['block', 'redis-setup', '--reason', 'waiting for DBA', '--as', 'bob'], { cwd: dir });
    const s = standup(dir, '2026-12-01');
    expect(s.blockers).toEqual([{ id: 'redis-setup', title: 'Redis Setup', reason: 'waiting for DBA', actor: 'bob' }]);
    expect(s.questions).toHaveLength(4);
    expect(s.weeklyReview).toEqual([]);
    const fri = standup(dir, '2026-12-04');
    expect(fri.weeklyReview).toHaveLength(4);
    expect(fri.riskAssessment).toHaveLength(4);
    expect(s.onTrack).toMatchObject({ verdict: 'behind', expected: 5, done: 0 });
    expect(s.today.map((i: { id: string }) => i.id)).toContain('bundle-analysis');
  });

  it('--format md is ready to paste', () => {
    const dir = workspace();
    launch(['check', 'skeleton-loading-setup', '--date', '2026-11-30'], { cwd: dir });
    const md = launch(['standup', '--format', 'md', '--date', '2026-12-01'], { cwd: dir }).stdout;
    expect(md).toMatch(/^### Standup · Tue 1 Dec 2026/);
    expect(md).toMatch(/\*\*Yesterday \(since Mon 30 Nov\)\*\*\n- alice: checked Skeleton Loading Setup/);
    expect(md).toMatch(/\*\*Questions\*\*\n1\. What did you complete yesterday\?/);
  });

  it('--answer without a terminal takes flags, records a standup event, and shows it that day', () => {
    const dir = workspace();
    expect(launch(['standup', '--answer'], { cwd: dir }).code).toBe(2);
    const r = launch(['standup', '--answer', '--date', '2026-12-01', '--yesterday', 'skeletons', '--blockers', 'none'], { cwd: dir });
    expect(r.code).toBe(0);
    const [e] = readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(e).toMatchObject({ type: 'standup', date: '2026-12-01', answers: { 'What did you complete yesterday?': 'skeletons', 'Any blockers or dependencies?': 'none' } });
    expect(standup(dir, '2026-12-01').answers[0].answers['What did you complete yesterday?']).toBe('skeletons');
    expect(launch(['standup', '--date', '2026-12-01'], { cwd: dir }).stdout).toMatch(/Answers · alice\n.*What did you complete yesterday\? → skeletons/);
  });
});

describe('escalation', () => {
  it('records, shows first in today and standup with contacts, lists candidates, and resolves', () => {
    const dir = workspace();
    expect(launch(['escalate', 'redis-setup', '--level', 'urgent', '--reason', 'x'], { cwd: dir }).code).toBe(2);
    expect(launch(['escalate', 'redis-setup', '--level', 'high', '--reason', 'blocks caching'], { cwd: dir }).code).toBe(0);
    const today = launch(['today', '--date', '2026-12-02'], { cwd: dir }).stdout.split('\n');
    expect(today[2]).toMatch(/1 open escalation/);
    expect(today[3]).toMatch(/HIGH · Same Day Escalation · redis-setup: blocks caching/);
    expect(today[4]).toMatch(/contacts: Project Manager: \[Emergency contact\]/);
    expect(launch(['standup', '--date', '2026-12-02'], { cwd: dir }).stdout).toMatch(/open escalation/);
    const list = JSON.parse(launch(['escalate', '--json'], { cwd: dir }).stdout);
    expect(list.open.map((e: { item: string }) => e.item)).toEqual(['redis-setup']);
    expect(launch(['escalate', '--resolve', 'redis-setup'], { cwd: dir }).code).toBe(0);
    expect(launch(['today', '--date', '2026-12-02'], { cwd: dir }).stdout).not.toMatch(/open escalation/);
  });
});
