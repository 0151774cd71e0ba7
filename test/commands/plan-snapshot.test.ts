// The workspace's plan snapshot (.launch/.plan.yaml.snapshot.json) spares reading the YAML on every
// command: what a read command answers must not depend on whether it was there.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

describe('the plan snapshot', () => {
  it('every read command answers the same from the YAML and from the snapshot', async () => {
    const dir = scratchDir();
    const init = await launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], dir);
    expect(init.code, init.stderr).toBe(0);
    for (const args of [['check', 'redis-setup', '--date', '2026-12-01'], ['block', 'bundle-analysis', '--reason', 'waiting on CI'], ['note', 'team-standup', 'roles assigned']]) {
      const r = await launch(args, dir);
      expect(r.code, r.stderr).toBe(0);
    }
    const snapshot = join(dir, '.launch', '.plan.yaml.snapshot.json');
    const reads = [
      ['today', '--json', '--date', '2026-12-09'],
      ['today', '--date', '2026-12-09', '--all'],
      ['standup', '--json', '--date', '2026-12-02'],
      ['status', '--json', '--date', '2026-12-09'],
      ['list', '--json'],
      ['show', 'bundle-analysis', '--json'],
      ['kpis', '--json', '--date', '2026-12-09'],
    ];
    const stamp = () => {
      const st = statSync(snapshot);
      return `${st.ino}:${st.mtimeMs}`;
    };
    const answers = async (fresh: boolean) => {
      const out: string[] = [];
      for (const args of reads) {
        if (fresh) rmSync(snapshot, { force: true });
        const before = fresh ? undefined : stamp();
        const r = await launch(args, dir);
        expect(r.code, r.stderr).toBe(0);
        // From the snapshot: read, not rewritten.
        if (before !== undefined) expect(stamp()).toBe(before);
        out.push(r.stdout);
      }
      return out;
    };
    const fromYaml = await answers(true);
    expect(await answers(false)).toEqual(fromYaml);
  });

  it('check <exact id> materialises only that item, not every row of the plan', async () => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], dir)).code).toBe(0);
    expect((await launch(['today'], dir)).code).toBe(0); // the snapshot in place
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const r = await launch(['check', 'redis-setup'], dir);
      expect(r.code, r.stderr).toBe(0);
      // Items parsed from the snapshot's rows: one object each, or the whole array of them at once.
      const isItem = (v: unknown) => typeof v === 'object' && v !== null && 'id' in v && 'kind' in v && 'line' in v;
      const items = parse.mock.results.map(({ value }) => (Array.isArray(value) && value.every(isItem) ? value.length : isItem(value) ? 1 : 0));
      expect(items.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      parse.mockRestore();
    }
  });
});
