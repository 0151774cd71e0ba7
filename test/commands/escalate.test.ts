// launch escalate: recorded under the plan's rules, shown first in today and standup, then resolved.
import { describe, expect, it } from 'vitest';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

describe('escalation', () => {
  it('records, shows first in today and standup with contacts, lists candidates, and resolves', async () => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'America/New_York', '--as', 'alice'], dir)).code).toBe(0);
    expect((await launch(['escalate', 'redis-setup', '--level', 'urgent', '--reason', 'x'], dir)).code).toBe(2);
    expect((await launch(['escalate', 'redis-setup', '--level', 'high', '--reason', 'blocks caching'], dir)).code).toBe(0);
    const today = (await launch(['today', '--date', '2026-12-02'], dir)).stdout.split('\n');
    expect(today[2]).toMatch(/1 open escalation/);
    expect(today[3]).toMatch(/HIGH · Same Day Escalation · redis-setup: blocks caching/);
    expect(today[4]).toMatch(/contacts: Project Manager: \[Emergency contact\]/);
    expect((await launch(['standup', '--date', '2026-12-02'], dir)).stdout).toMatch(/open escalation/);
    const list = JSON.parse((await launch(['escalate', '--json'], dir)).stdout);
    expect(list.open.map((e: { item: string }) => e.item)).toEqual(['redis-setup']);
    expect((await launch(['escalate', '--resolve', 'redis-setup'], dir)).code).toBe(0);
    expect((await launch(['today', '--date', '2026-12-02'], dir)).stdout).not.toMatch(/open escalation/);
  });
});
