// launch plan update (and launch import inside a workspace, which does the same): the diff against the
// tracked plan, then the new plan with every status kept. The question asked on a terminal is in
// test/e2e/interactive.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const md = (backend: string[], frontend = ['Skeleton Loading Setup', 'Bundle Analysis']) => `# Team Plan

## Week 1: Build

### Monday - Wednesday: Backend
${backend.map((t) => `- [ ] ${t}`).join('\n')}

### Thursday - Friday: Frontend
${frontend.map((t) => `- [ ] ${t}`).join('\n')}
`;

async function workspace(): Promise<string> {
  const dir = scratchDir('launch-plan-');
  writeFileSync(join(dir, 'plan.md'), md(['Database Index Creation', 'Redis Setup', 'Connection Pool Tuning']));
  expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
  for (const id of ['database-index-creation', 'redis-setup', 'skeleton-loading-setup']) expect((await launch(['check', id], dir)).code).toBe(0);
  // Renamed in place, removed, added.
  writeFileSync(join(dir, 'plan2.md'), md(['Database Index Tuning', 'Connection Pool Tuning', 'Query Cache Warmup']));
  return dir;
}

const planText = (dir: string) => readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
const statusIn = async (dir: string, id: string) => JSON.parse((await launch(['show', id, '--json'], dir)).stdout).item.status;

describe('launch plan update', () => {
  it('shows the diff and, without --yes off a terminal, changes nothing and exits 1 with a hint', async () => {
    const dir = await workspace();
    const before = planText(dir);
    const r = await launch(['plan', 'update', 'plan2.md'], dir);
    expect(r.stdout).toMatch(/^Plan update: \.launch\/plan\.yaml ← plan2\.md\n/);
    expect(r.stdout).toMatch(/\+ added {2}\s*query-cache-warmup\s+Query Cache Warmup \(w1-backend\)/);
    expect(r.stdout).toMatch(/- removed\s+redis-setup\s+Redis Setup \(done; its 1 event stays in the log\)/);
    expect(r.stdout).toMatch(/~ renamed\s+database-index-creation\s+"Database Index Creation" → "Database Index Tuning" \(keeps its id and history\)/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*\.launch\/plan\.yaml was not changed/m);
    expect(r.stderr).toMatch(/^hint: .*launch plan update plan2\.md --yes/m);
    expect(planText(dir)).toBe(before);
  });

  it('with --yes replaces the plan, keeps statuses and the renamed item\'s history; doctor lists the orphan', async () => {
    const dir = await workspace();
    const r = await launch(['plan', 'update', 'plan2.md', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/updated \.launch\/plan\.yaml: 5 items; 2 items keep their status/);
    expect(r.stderr).toMatch(/launch doctor/);
    const renamed = JSON.parse((await launch(['show', 'database-index-creation', '--json'], dir)).stdout).item;
    expect(renamed).toMatchObject({ title: 'Database Index Tuning', status: 'done' });
    expect(await statusIn(dir, 'skeleton-loading-setup')).toBe('done');
    expect(await statusIn(dir, 'query-cache-warmup')).toBe('todo');
    const ids = JSON.parse((await launch(['list', '--json'], dir)).stdout).items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(['database-index-creation', 'connection-pool-tuning', 'query-cache-warmup', 'skeleton-loading-setup', 'bundle-analysis']);
    const doctor = await launch(['doctor', '--json'], dir);
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout).orphans).toEqual([expect.objectContaining({ type: 'check', item: 'redis-setup' })]);
    expect(eventsOf(dir)).toHaveLength(3);

    const again = await launch(['plan', 'update', 'plan2.md'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('.launch/plan.yaml is already up to date with plan2.md\n');
  });

  it('lists a rename once: a later update with an unrelated change does not list it again', async () => {
    const dir = await workspace();
    expect((await launch(['plan', 'update', 'plan2.md', '--yes'], dir)).code).toBe(0);
    // The same plan with one unrelated item added: the imported id of "Database Index Tuning" still
    // differs from the id it keeps, but its title no longer changes, so it is no rename.
    writeFileSync(join(dir, 'plan3.md'), md(['Database Index Tuning', 'Connection Pool Tuning', 'Query Cache Warmup'], ['Skeleton Loading Setup', 'Bundle Analysis', 'Lazy Images']));
    const r = await launch(['plan', 'update', 'plan3.md', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\+ added {2}\s*lazy-images\s+Lazy Images/);
    expect(r.stdout).not.toMatch(/renamed/);
    expect(r.stdout).toMatch(/ 5 items unchanged/);
    const json = JSON.parse((await launch(['plan', 'update', 'plan3.md', '--json'], dir)).stdout);
    expect(json).toMatchObject({ upToDate: true, diff: { renamed: [], unchanged: 6 } });
    // The item still has its old id, and its history.
    expect(JSON.parse((await launch(['show', 'database-index-creation', '--json'], dir)).stdout).item).toMatchObject({ title: 'Database Index Tuning', status: 'done' });
  });

  it('--json prints the diff with a stable shape', async () => {
    const dir = await workspace();
    const r = await launch(['plan', 'update', 'plan2.md', '--json', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      schema: 1,
      source: 'plan2.md',
      plan: 'plan',
      upToDate: false,
      applied: true,
      diff: {
        added: [{ id: 'query-cache-warmup', title: 'Query Cache Warmup', kind: 'check', place: { block: 'w1-backend' } }],
        removed: [{ id: 'redis-setup', events: 1 }],
        renamed: [{ id: 'database-index-creation', importedId: 'database-index-tuning', from: 'Database Index Creation', to: 'Database Index Tuning', by: 'place' }],
        moved: [],
        kpis: { added: [], removed: [] },
      },
    });
    const refused = await launch(['plan', 'update', 'plan.md', '--json'], dir);
    expect(JSON.parse(refused.stdout)).toMatchObject({ applied: false });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/was not changed/);
  });

  it('accepts a YAML plan, copied byte for byte when no id needs keeping', async () => {
    const dir = await workspace();
    const yaml = planText(dir).replace('title: Redis Setup', 'title: Redis Setup for sessions # edited by hand');
    writeFileSync(join(dir, 'plan.yaml'), yaml);
    const r = await launch(['plan', 'update', 'plan.yaml', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/~ renamed\s+redis-setup\s+"Redis Setup" → "Redis Setup for sessions"\n/);
    expect(planText(dir)).toBe(yaml);
    expect(await statusIn(dir, 'redis-setup')).toBe('done');
  });

  it('refuses outside a workspace, where import writes a plan file instead', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plan.md'), md(['One Thing']));
    const r = await launch(['plan', 'update', 'plan.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no launch workspace/);
    const imported = await launch(['import', 'plan.md'], dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).not.toMatch(/Plan update/);
    expect(readdirSync(dir).sort()).toEqual(['plan.md', 'plans']);
  });

  it('import inside a workspace updates the workspace plan', async () => {
    const dir = await workspace();
    const r = await launch(['import', 'plan2.md', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Plan update: \.launch\/plan\.yaml ← plan2\.md\n/);
    expect(await statusIn(dir, 'query-cache-warmup')).toBe('todo');
  });
});
