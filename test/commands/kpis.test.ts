// launch kpi record and launch kpis on the bundled plan, and checklist items measured with check --value.
import { describe, expect, it } from 'vitest';
import { eventsOf, initialised, launcher, logOf } from '../support/commands.js';

const launch = launcher('2026-12-01T09:00:00Z');

const workspace = (): Promise<string> => initialised(launch, ['--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice']);
type Row = { metric: string; week: number | string; target: string; actual: string | null; status: string };
const kpis = async (dir: string, ...args: string[]) => JSON.parse((await launch(['kpis', '--json', ...args], dir)).stdout).kpis as Row[];
const cell = (rows: Row[], metric: string, week: number | string) => rows.find((r) => r.metric === metric && r.week === week)!;

describe('KPIs on the bundled plan', () => {
  it('Bundle Size 540KB in week 1: on track for week 1 and at risk for week 2 until their checkpoints, then met and missed; the gate fails on 11 Dec', async () => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', 'bundle size', '540KB', '--week', '1'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/week 1 target <600KB: on-track\n.*week 2 target <500KB: at-risk/);
    const rows = await kpis(dir, '--date', '2026-12-09');
    expect(cell(rows, 'Bundle Size', 1)).toMatchObject({ target: '<600KB', actual: '540KB', status: 'met' });
    expect(cell(rows, 'Bundle Size', 2)).toMatchObject({ target: '<500KB', actual: '540KB', status: 'at-risk' });
    expect(cell(await kpis(dir, '--date', '2026-12-11'), 'Bundle Size', 2)).toMatchObject({ status: 'missed' });
    const gate = await launch(['kpis', '--gate', '--date', '2026-12-11'], dir);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toMatch(/KPI gate failed: 1 target due by 2026-12-11 missed: Bundle Size week 2 \(target <500KB, actual 540KB\)/);
    expect((await launch(['kpis', '--gate', '--date', '2026-12-04'], dir)).code).toBe(0);
  });

  it('Cache Hit Rate 85% meets >60% and >80%; Security Audit Pass meets Pass; Load Test 750 users', async () => {
    const dir = await workspace();
    await launch(['kpi', 'record', 'cache hit', '85%', '--week', '1'], dir);
    await launch(['kpi', 'record', 'security audit', 'Pass', '--week', '9'], dir);
    await launch(['kpi', 'record', 'load test', '750 users', '--week', '9'], dir);
    const rows = await kpis(dir, '--date', '2027-02-08');
    expect([cell(rows, 'Cache Hit Rate', 1).status, cell(rows, 'Cache Hit Rate', 2).status]).toEqual(['met', 'met']);
    expect(cell(rows, 'Security Audit', 9).status).toBe('met');
    expect(cell(rows, 'Load Test', 9).status).toBe('met');
    expect(cell(rows, 'Load Test', 10).status).toBe('missed');
    expect(cell(rows, 'DB Query Time', 1).status).toBe('no-data');
    expect(cell(await kpis(dir, '--date', '2026-11-30'), 'DB Query Time', 1).status).toBe('pending');
  });

  it('a later qualitative word meets an earlier target ("Optimized" meets "Functional")', async () => {
    const dir = await workspace();
    await launch(['kpi', 'record', 'user onboarding', 'Optimized', '--week', '9'], dir);
    const rows = await kpis(dir, '--sprint', '5', '--date', '2027-02-08');
    expect([cell(rows, 'User Onboarding', 9).status, cell(rows, 'User Onboarding', 10).status]).toEqual(['met', 'met']);
    expect(rows.every((r) => ['Security Audit', 'Load Test', 'Launch Readiness', 'User Onboarding'].includes(r.metric))).toBe(true);
  });

  it.each(['abc', '600XB', '5ms'])('refuses "%s" for Bundle Size and leaves the log unchanged', async (value) => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', 'bundle size', value, '--week', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Bundle Size: .*nothing recorded\nhint: expected a size like 600KB/);
    expect(logOf(dir)).toBe('');
  });

  it('an unknown or ambiguous metric lists candidates', async () => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', 'completion', '80%', '--week', '3'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"completion" matches 2 KPIs:\n {2}tour-completion/);
  });

  it('the table shows targets, marks and the legend', async () => {
    const dir = await workspace();
    await launch(['kpi', 'record', 'bundle size', '540KB', '--week', '1'], dir);
    const out = (await launch(['kpis', '--sprint', '1', '--date', '2026-12-09'], dir)).stdout;
    expect(out).toMatch(/Sprint 1 KPIs\s+as of Wed 9 Dec 2026/);
    expect(out).toMatch(/^ {2}Bundle Size {2,}<600KB ✔ {2,}<500KB ◔ {2,}540KB$/m);
    expect(out).toMatch(/✔ met {2}✖ missed {2}– no data \(checkpoint passed\) {2}✓ on track {2}◔ at risk {2}· pending/);
    expect(out).not.toMatch(/Sprint 2 KPIs/);
  });
});

describe('measured checklist items', () => {
  it('check --value passes a met threshold and refuses a miss unless --force', async () => {
    const dir = await workspace();
    const miss = await launch(['check', 'initial-bundle', '--value', '520KB'], dir);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/520KB misses <500KB; nothing recorded/);
    expect(logOf(dir)).toBe('');
    expect((await launch(['check', 'initial-bundle', '--value', '480KB'], dir)).code).toBe(0);
    const forced = await launch(['check', 'core-web-vitals', '--value', 'LCP=2.6s', '--value', 'FID=80ms', '--value', 'CLS=0.05', '--force'], dir);
    expect(forced.code).toBe(0);
    const events = eventsOf(dir);
    expect(events[1]).toMatchObject({ item: 'core-web-vitals', missed: true, values: [{ label: 'LCP', text: '2.6s', status: 'missed' }, { label: 'FID', status: 'met' }, { label: 'CLS', status: 'met' }] });
    const measured = JSON.parse((await launch(['kpis', '--json'], dir)).stdout).measured;
    expect(measured.map((m: { id: string; missed: boolean }) => [m.id, m.missed])).toEqual([['initial-bundle-500kb', false], ['core-web-vitals', true]]);
    expect((await launch(['check', 'redis-setup', '--value', '5ms'], dir)).code).toBe(2);
    expect((await launch(['check', 'core-web-vitals', '--value', 'TTFB=1s'], dir)).stderr).toMatch(/no threshold labelled "TTFB"/);
  });
});
