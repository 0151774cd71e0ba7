// launch standup: yesterday by person, blockers, questions, Markdown for chat, and recorded answers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, initialised, launcher } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const workspace = (): Promise<string> => initialised(launch, ['--start', '2026-11-30', '--tz', 'America/New_York', '--as', 'alice']);
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

  it('--answer files each flag under the bundled plan\'s question that asks it, leaving the on-track one unanswered', async () => {
    const dir = await workspace();
    const r = await launch(['standup', '--answer', '--date', '2026-12-01', '--blockers', 'waiting for DBA', '--today', 'bundle analysis', '--yesterday', 'skeletons'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(eventsOf(dir)[0].answers).toEqual({
      'What did you complete yesterday?': 'skeletons',
      'What are you working on today?': 'bundle analysis',
      'Any blockers or dependencies?': 'waiting for DBA',
    });
  });

  it('--answer matches flags to a plan\'s questions by their words, whatever their order or number', async () => {
    const answer = async (questions: string[], flags: string[]) => {
      const dir = scratchDir();
      const list = questions.map((q, i) => `${i + 1}. **${q}**`).join('\n');
      writeFileSync(join(dir, 'plan.md'), `# Team Plan\n\n## Week 1: Build\n\n- [ ] Redis Setup\n\n## Daily Standup\n\n### Daily Questions\n${list}\n`);
      expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
      expect(JSON.parse((await launch(['standup', '--json', '--date', '2026-12-01'], dir)).stdout).questions).toEqual(questions);
      const r = await launch(['standup', '--answer', '--date', '2026-12-01', ...flags], dir);
      expect(r.code, r.stderr).toBe(0);
      return eventsOf(dir)[0].answers;
    };
    // Two questions, blockers first: --today is not filed under blockers, and --blockers is kept.
    expect(await answer(['Any blockers or impediments?', 'What is your plan for today?'], ['--today', 'bundle', '--blockers', 'none'])).toEqual({
      'Any blockers or impediments?': 'none',
      'What is your plan for today?': 'bundle',
    });
    // A flag that no question asks for keeps a question of its own; an unasked question stays unanswered.
    const kept = await answer(['Are you stuck on anything?', 'Anything to celebrate?'], ['--yesterday', 'skeletons', '--blockers', 'no']);
    expect(kept).toEqual({ 'Are you stuck on anything?': 'no', 'What did you complete yesterday?': 'skeletons' });
    expect(Object.keys(kept)).toEqual(['Are you stuck on anything?', 'What did you complete yesterday?']);
    // The days in reverse order, in other words.
    expect(await answer(['What will you work on next?', 'What did you get done since the last standup?', 'Which dependencies are you waiting for?'], ['--yesterday', 'a', '--today', 'b', '--blockers', 'c'])).toEqual({
      'What will you work on next?': 'b',
      'What did you get done since the last standup?': 'a',
      'Which dependencies are you waiting for?': 'c',
    });
  });

  it('the answers show under the questions they answer', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plan.md'), '# Team Plan\n\n## Week 1: Build\n\n- [ ] Redis Setup\n\n## Daily Standup\n\n### Daily Questions\n1. **Blockers?**\n2. **Plan for today?**\n');
    expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    await launch(['standup', '--answer', '--date', '2026-12-01', '--today', 'redis', '--blockers', 'none'], dir);
    const out = (await launch(['standup', '--date', '2026-12-01'], dir)).stdout;
    expect(out).toMatch(/Answers · alice\n {2}Blockers\? → none\n {2}Plan for today\? → redis\n/);
  });
});
