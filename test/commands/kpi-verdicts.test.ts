// KPI verdicts: final (met, missed, no data) only once a target's checkpoint has come, judged on the
// latest value counting on or before it; before that on-track, at-risk or pending. The table, the
// gate, `kpi record`'s message and escalation candidates all say the same.
import { describe, expect, it } from 'vitest';
import { launchIn, type Result, scratchDir } from '../support/in-process.js';

const ENV = { TZ: 'UTC' };
const TUE_W1 = '2026-12-01T09:00:00Z';
const TUE_W2 = '2026-12-08T09:00:00Z';
const MON_W3 = '2026-12-14T09:00:00Z';

async function workspace(): Promise<(args: string[], now: string) => Promise<Result>> {
  const dir = scratchDir();
  const run = (args: string[], now: string) => launchIn(args, { cwd: dir, env: ENV, now });
  expect((await run(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], '2026-11-29T10:00:00Z')).code).toBe(0);
  return run;
}
const cellsOf = (r: Result, kpi: string) => (JSON.parse(r.stdout).kpis as { kpi: string; week: number; status: string; actual: string | null; value: number | null; unit: string | null }[]).filter((c) => c.kpi === kpi);

describe('KPI verdicts at their checkpoint', () => {
  it('a week-1 reading on Tuesday leaves the week-2 target at risk, not missed (seen: ✖ missed)', async () => {
    const run = await workspace();
    const recorded = await run(['kpi', 'record', 'bundle size', '640KB'], TUE_W1);
    expect(recorded.stdout).toMatch(/◔ week 1 target <600KB: at-risk/);
    expect(recorded.stdout).toMatch(/◔ week 2 target <500KB: at-risk/);
    const cells = cellsOf(await run(['kpis', '--json'], TUE_W1), 'bundle-size');
    expect(cells.map((c) => c.status)).toEqual(['at-risk', 'at-risk']);
    expect(cells[0]).toMatchObject({ actual: '640KB', value: 640_000, unit: 'B' });
    const gate = await run(['kpis', '--gate'], TUE_W1);
    expect(gate.code).toBe(0);
  });

  it('at and after the checkpoint the verdict is final; the gate, the table and escalation agree', async () => {
    const run = await workspace();
    await run(['kpi', 'record', 'bundle size', '640KB'], TUE_W1);
    await run(['kpi', 'record', 'db query time', '60ms'], TUE_W1);
    // Friday of week 1 is the week-1 checkpoint.
    const friday = cellsOf(await run(['kpis', '--json', '--date', '2026-12-04'], TUE_W2), 'bundle-size');
    expect(friday.map((c) => c.status)).toEqual(['missed', 'at-risk']);
    const gate = await run(['kpis', '--gate', '--date', '2026-12-04'], TUE_W2);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toMatch(/Bundle Size week 1 \(target <600KB, actual 640KB\)/);
    expect(gate.stderr).not.toMatch(/week 2/);
    const candidates = JSON.parse((await run(['escalate', '--json', '--date', '2026-12-04'], TUE_W2)).stdout).candidates;
    expect(candidates.filter((c: { kind: string }) => c.kind === 'kpi').map((c: { id: string }) => c.id)).toEqual(['bundle-size']);
    // Week 2: a better value on Tuesday; week 2's checkpoint is Friday 11 Dec.
    await run(['kpi', 'record', 'bundle size', '480KB'], TUE_W2);
    const after = cellsOf(await run(['kpis', '--json'], MON_W3), 'bundle-size');
    expect(after.map((c) => [c.status, c.actual])).toEqual([['missed', '640KB'], ['met', '480KB']]);
    // A value measured after a checkpoint does not change it.
    await run(['kpi', 'record', 'db query time', '40ms', '--week', '2'], MON_W3);
    const db = cellsOf(await run(['kpis', '--json'], MON_W3), 'db-query-time');
    expect(db.map((c) => [c.status, c.actual])).toEqual([['met', '60ms'], ['missed', '60ms']]);
  });

  it('without --week, a value is for the target of the week it counts for, or the next (seen: a Sprint 2 KPI "met" in week 1)', async () => {
    const run = await workspace();
    const r = await run(['kpi', 'record', 'tour completion', '75%'], TUE_W1);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/for week 3/);
    expect(r.stdout).toMatch(/✓ week 3 target >70%: on-track/);
    expect(r.stdout).not.toMatch(/: met/);
  });

  it('a week the KPI has no target for is refused with the weeks it has', async () => {
    const run = await workspace();
    const r = await run(['kpi', 'record', 'tour completion', '75%', '--week', '1'], TUE_W1);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tour Completion has no target for week "1"; its targets are for weeks 3, 4/);
  });

  it('a value without a unit against a target with one is refused with a hint; a count\'s noun may go unsaid', async () => {
    const run = await workspace();
    const ms = await run(['kpi', 'record', 'db query time', '45'], TUE_W1);
    expect(ms.code).toBe(1);
    expect(ms.stderr).toMatch(/"45" has no unit, but <75ms is a time; write it as 45ms/);
    const users = await run(['kpi', 'record', 'load test', '750', '--week', '9'], TUE_W1);
    expect(users.code, users.stderr).toBe(0);
    expect(cellsOf(await run(['kpis', '--json'], TUE_W1), 'load-test')[0]).toMatchObject({ actual: '750', value: 750, unit: 'users', status: 'on-track' });
  });
});
