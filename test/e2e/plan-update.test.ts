// launch plan update: the built binary sets the workspace up and records events; the command function
// itself runs in-process (it is registered in src/cli.ts separately).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captureCtx, run, statusIn } from './git-team.js';
import { tempDir } from './run.js';

const answer = vi.hoisted(() => ({ value: true, asked: [] as [string, boolean | undefined][] }));
vi.mock('../../src/io/prompts.js', () => ({
  confirm: async (message: string, initial?: boolean) => {
    answer.asked.push([message, initial]);
    return answer.value;
  },
}));
const { importIntoWorkspace, planUpdateCommand } = await import('../../src/commands/plan-update.js');

const md = (backend: string[], frontend = ['Skeleton Loading Setup', 'Bundle Analysis']) => `# Team Plan

## Week 1: Build

### Monday - Wednesday: Backend
${backend.map((t) => `- [ ] ${t}`).join('\n')}

### Thursday - Friday: Frontend
${frontend.map((t) => `- [ ] ${t}`).join('\n')}
`;

function workspace(): string {
  const dir = tempDir('launch-plan-');
  writeFileSync(join(dir, 'plan.md'), md(['Database Index Creation', 'Redis Setup', 'Connection Pool Tuning']));
  expect(run(dir, 'init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice').code).toBe(0);
  for (const id of ['database-index-creation', 'redis-setup', 'skeleton-loading-setup']) expect(run(dir, 'check', id).code).toBe(0);
  // Renamed in place, removed, added.
  writeFileSync(join(dir, 'plan2.md'), md(['Database Index Tuning', 'Connection Pool Tuning', 'Query Cache Warmup']));
  return dir;
}

async function update(dir: string, source: string, opts: { yes?: boolean; json?: boolean; tty?: boolean } = {}) {
  const c = captureCtx(dir, opts);
  let error: { message: string; hint?: string } | undefined;
  try {
    await planUpdateCommand(c.ctx, source, { yes: opts.yes });
  } catch (e) {
    error = e as { message: string; hint?: string };
  }
  return { out: c.out(), err: c.err(), error };
}

const planText = (dir: string) => readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');

beforeEach(() => {
  answer.value = true;
  answer.asked = [];
});

describe('launch plan update', () => {
  it('shows the diff and, without --yes off a terminal, changes nothing and exits 1 with a hint', async () => {
    const dir = workspace();
    const before = planText(dir);
    const r = await update(dir, 'plan2.md');
    expect(r.out).toMatch(/^Plan update: \.launch\/plan\.yaml ← plan2\.md\n/);
    expect(r.out).toMatch(/\+ added {2}\s*query-cache-warmup\s+Query Cache Warmup \(w1-backend\)/);
    expect(r.out).toMatch(/- removed\s+redis-setup\s+Redis Setup \(done; its 1 event\(s\) stay in the log\)/);
    expect(r.out).toMatch(/~ renamed\s+database-index-creation\s+"Database Index Creation" → "Database Index Tuning" \(keeps its id and history\)/);
    expect(r.error?.message).toMatch(/\.launch\/plan\.yaml was not changed/);
    expect(r.error?.hint).toMatch(/launch plan update plan2\.md --yes/);
    expect(planText(dir)).toBe(before);
  });

  it('with --yes replaces the plan, keeps statuses and the renamed item\'s history; doctor lists the orphan', async () => {
    const dir = workspace();
    const r = await update(dir, 'plan2.md', { yes: true });
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/updated \.launch\/plan\.yaml: 5 items; 2 item\(s\) keep their status/);
    expect(r.err).toMatch(/launch doctor/);
    const renamed = JSON.parse(run(dir, 'show', 'database-index-creation', '--json').stdout).item;
    expect(renamed).toMatchObject({ title: 'Database Index Tuning', status: 'done' });
    expect(statusIn(dir, 'skeleton-loading-setup')).toBe('done');
    expect(statusIn(dir, 'query-cache-warmup')).toBe('todo');
    const ids = JSON.parse(run(dir, 'list', '--json').stdout).items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(['database-index-creation', 'connection-pool-tuning', 'query-cache-warmup', 'skeleton-loading-setup', 'bundle-analysis']);
    const doctor = run(dir, 'doctor', '--json');
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout).orphans).toEqual([expect.objectContaining({ type: 'check', item: 'redis-setup' })]);
    expect(readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(3);

    const again = await update(dir, 'plan2.md');
    expect(again.error).toBeUndefined();
    expect(again.out).toBe('.launch/plan.yaml is already up to date with plan2.md\n');
  });

  it('--json prints the diff with a stable shape', async () => {
    const dir = workspace();
    const r = await update(dir, 'plan2.md', { json: true, yes: true });
    const json = JSON.parse(r.out);
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
    const refused = await update(dir, 'plan.md', { json: true });
    expect(JSON.parse(refused.out)).toMatchObject({ applied: false });
    expect(refused.error?.message).toMatch(/was not changed/);
  });

  it('asks on a terminal, defaulting to no when items would be removed', async () => {
    const dir = workspace();
    answer.value = false;
    const no = await update(dir, 'plan2.md', { tty: true });
    expect(answer.asked).toEqual([['Replace .launch/plan.yaml with this plan?', false]]);
    expect(no.error?.message).toMatch(/was not changed/);
    expect(no.error?.hint).toBeUndefined();
    answer.value = true;
    expect((await update(dir, 'plan2.md', { tty: true })).error).toBeUndefined();
    expect(statusIn(dir, 'query-cache-warmup')).toBe('todo');
  });

  it('accepts a YAML plan, copied byte for byte when no id needs keeping', async () => {
    const dir = workspace();
    const yaml = planText(dir).replace('title: Redis Setup', 'title: Redis Setup for sessions # edited by hand');
    writeFileSync(join(dir, 'plan.yaml'), yaml);
    const r = await update(dir, 'plan.yaml', { yes: true });
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/~ renamed\s+redis-setup\s+"Redis Setup" → "Redis Setup for sessions"\n/);
    expect(planText(dir)).toBe(yaml);
    expect(statusIn(dir, 'redis-setup')).toBe('done');
  });

  it('refuses outside a workspace; the import hook then does nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), md(['One Thing']));
    const r = await update(dir, 'plan.md');
    expect(r.error?.message).toMatch(/no launch workspace/);
    expect(await importIntoWorkspace(captureCtx(dir).ctx, 'plan.md')).toBe(false);
  });

  it('the import hook updates the workspace plan', async () => {
    const dir = workspace();
    const c = captureCtx(dir);
    expect(await importIntoWorkspace(c.ctx, 'plan2.md', { yes: true })).toBe(true);
    expect(statusIn(dir, 'query-cache-warmup')).toBe('todo');
  });
});
