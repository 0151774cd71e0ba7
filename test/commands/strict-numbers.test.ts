// Numbers given to flags are plain decimal: Number() read `--week 0x2` as week 2 and `--week 1e1` as
// week 10. And a value that could mean two things (480Kb, an unlabelled 2.1s on an item measuring
// LCP and FID, a 6/5 rating) is refused with what to write instead, never guessed.
import { describe, expect, it } from 'vitest';
import { eventsOf, launcher, workspaceWith } from '../support/commands.js';

const launch = launcher('2026-12-01T09:00:00Z');
const NOT_DECIMAL = ['0x2', '1e1', '2.0', ' 2', '+2', '0', '-1', '', '0b10', '２'];

describe('week, sprint and count flags', () => {
  it('--week takes decimal digits only, for list, kpis and kpi record', async () => {
    const dir = await workspaceWith(launch);
    for (const week of NOT_DECIMAL) {
      for (const args of [['list', '--week', week], ['kpis', '--week', week], ['kpi', 'record', 'bundle', 'size', '540KB', '--week', week]]) {
        const r = await launch(args, dir);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(`error: --week: "${week}" is not a week number\nhint: write a whole number from 1 in decimal digits, e.g. --week 2`);
      }
    }
    expect(eventsOf(dir)).toEqual([]);
    const two = await launch(['list', '--week', '2', '--json'], dir);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).items.length).toBeGreaterThan(0);
    expect((await launch(['kpi', 'record', 'bundle', 'size', '540KB', '--week', '1'], dir)).code).toBe(0);
  });

  it('--sprint and --limit likewise', async () => {
    const dir = await workspaceWith(launch);
    for (const sprint of ['0x2', 's1e0', '1.0', 's 1', '']) {
      const r = await launch(['list', '--sprint', sprint], dir);
      expect(r.code, `--sprint ${sprint}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`error: --sprint: "${sprint}" is not a sprint number`);
    }
    for (const sprint of ['1', 's1', 'Sprint 1', '3']) expect((await launch(['list', '--sprint', sprint], dir)).code, sprint).toBe(0);
    for (const limit of ['1e1', '0x5', '0', '2.5']) {
      const r = await launch(['log', '--limit', limit], dir);
      expect(r.code, `--limit ${limit}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`error: --limit: "${limit}" is not a number of events`);
    }
    expect((await launch(['log', '--limit', '5'], dir)).code).toBe(0);
  });
});

describe('values that could mean two things', () => {
  it('check --value and kpi record refuse them, saying what to write, and record nothing', async () => {
    const dir = await workspaceWith(launch);
    const bits = await launch(['check', 'initial-bundle', '--value', '480Kb'], dir);
    expect(bits.code).toBe(1);
    expect(bits.stderr).toContain('"480Kb": a lowercase b is bits (480Kb is 60KB); write 480KB if you mean bytes');
    const vitals = await launch(['check', 'core-web-vitals', '--value', '2.1s'], dir);
    expect(vitals.code).toBe(1);
    expect(vitals.stderr).toContain('"2.1s" could be LCP <2.5s or FID <100ms: name it, e.g. --value LCP=2.1s or --value FID=2.1s');
    const rating = await launch(['kpi', 'record', 'user', 'satisfaction', '6/5', '--week', '5'], dir);
    expect(rating.code).toBe(1);
    expect(rating.stderr).toContain('"6/5" is above its scale: a rating out of 5 is at most 5');
    const kbits = await launch(['kpi', 'record', 'bundle', 'size', '540kb', '--week', '1'], dir);
    expect(kbits.code).toBe(1);
    expect(eventsOf(dir)).toEqual([]);

    expect((await launch(['check', 'initial-bundle', '--value', '480KB'], dir)).code).toBe(0);
    expect((await launch(['check', 'core-web-vitals', '--value', 'LCP=2.1s', 'FID=80ms', '0.05'], dir)).code).toBe(0);
    expect((await launch(['kpi', 'record', 'user', 'satisfaction', '4.6/5', '--week', '5'], dir)).code).toBe(0);
  });
});
