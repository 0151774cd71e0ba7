// launch standup: yesterday by person, blockers, questions, Markdown for chat, and recorded answers.
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

async function workspace(): Promise<string> {
  const dir = scratchDir();
  expect((await launch(['init', '--start', '2026-11-30', '--tz', 'America/New_York', '--as', 'alice'], dir)).code).toBe(0);
  return dir;
}
const standup = async (dir: string, date: string) => JSON.parse((await launchIn(['standup', '--json', '--date', date], { cwd: dir, env: ENV, now: '2026-12-08T14:00:00Z' })).stdout);

describe('launch standup', () => {
  it('an item checked on Mon 30 Nov shows under yesterday on Tue 1 Dec; Friday shows on Monday', async () => {
    const dir = await workspace();
    await launch(['check', 'skeleton-loading-setup', '--date', '2026-11-30'], dir);
    // Typed on Monday 7 Dec, for Friday.
    await launchIn(['check', 'session-security', '--date', '2026-12-04', '--as', 'bob'], { cwd: dir, env: ENV, now: '2026-12-07T14:00:00Z' });
    const tue = await standup(dir, '2026-12-01');
    expect(tue.since).toBe('2026-11-30');
    expect(tue.yesterday.map((y: { actor: string; item: string }) => [y.actor, y.item])).toEqual([['alice', 'skeleton-loading-setup']]);
    const mon = await standup(dir, '2026-12-07');
    expect(mon.since).toBe('2026-12-04');
    expect(mon.yesterday.map((y: { actor: string; item: string }) => [y.actor, y.item])).toEqual([['bob', 'session-security']]);
    expect((await standup(dir, '2026-12-02')).yesterday).toEqual([]);
  });

  it('blockers carry the reason and who blocked; the 4 questions are listed; Friday adds the review prompts', async () => {
    const dir = await workspace();
    await launch(['block', 'redis-setup', '--reason', 'waiting for DBA', '--as', 'bob'], dir);
    const s = await standup(dir, '2026-12-01');
    expect(s.blockers).toEqual([{ id: 'redis-setup', title: 'Redis Setup', reason: 'waiting for DBA', actor: 'bob' }]);
    expect(s.questions).toHaveLength(4);
    expect(s.weeklyReview).toEqual([]);
    const fri = await standup(dir, '2026-12-04');
    expect(fri.weeklyReview).toHaveLength(4);
    expect(fri.riskAssessment).toHaveLength(4);
    expect(s.onTrack).toMatchObject({ verdict: 'behind', expected: 5, done: 0 });
    expect(s.today.map((i: { id: string }) => i.id)).toContain('bundle-analysis');
  });

  it('--format md is ready to paste', async () => {
    const dir = await workspace();
    await launch(['check', 'skeleton-loading-setup', '--date', '2026-11-30'], dir);
    const md = (await launch(['standup', '--format', 'md', '--date', '2026-12-01'], dir)).stdout;
    expect(md).toMatch(/^### Standup · Tue 1 Dec 2026/);
    expect(md).toMatch(/\*\*Yesterday \(since Mon 30 Nov\)\*\*\n- alice: checked Skeleton Loading Setup/);
    expect(md).toMatch(/\*\*Questions\*\*\n1\. What did you complete yesterday\?/);
  });

  it('--answer without a terminal takes flags, records a standup event, and shows it that day', async () => {
    const dir = await workspace();
    expect((await launch(['standup', '--answer'], dir)).code).toBe(2);
    const r = await launch(['standup', '--answer', '--date', '2026-12-01', '--yesterday', 'skeletons', '--blockers', 'none'], dir);
    expect(r.code).toBe(0);
    const [e] = eventsOf(dir);
    expect(e).toMatchObject({ type: 'standup', date: '2026-12-01', answers: { 'What did you complete yesterday?': 'skeletons', 'Any blockers or dependencies?': 'none' } });
    expect((await standup(dir, '2026-12-01')).answers[0].answers['What did you complete yesterday?']).toBe('skeletons');
    expect((await launch(['standup', '--date', '2026-12-01'], dir)).stdout).toMatch(/Answers · alice\n.*What did you complete yesterday\? → skeletons/);
  });
});
