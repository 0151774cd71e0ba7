// launch plan update reading boxes ticked or unticked by hand in the Markdown (as `launch export md`
// writes them): events by the person running it, noted "from the plan file", and never a second
// "done" through the plan's [x] mark.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, launcher, statusWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const PLAN = '# Plan\n\n## Week 1: Build\n\n- [ ] Alpha\n- [ ] Beta\n- [x] Gamma\n';

async function workspace(): Promise<string> {
  const dir = scratchDir('launch-boxes-');
  writeFileSync(join(dir, 'plan.md'), PLAN);
  expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
  expect((await launch(['check', 'beta'], dir)).code).toBe(0);
  // By hand: Alpha ticked, Gamma (done by its import mark) unticked; Beta's box stays as imported,
  // though the log says done: a plan whose progress lives in the log keeps its boxes as typed.
  writeFileSync(join(dir, 'plan.md'), '# Plan\n\n## Week 1: Build\n\n- [x] Alpha\n- [ ] Beta\n- [ ] Gamma\n');
  return dir;
}

describe('launch plan update: boxes changed by hand', () => {
  it('off a terminal without --yes, lists them, records nothing and says how', async () => {
    const dir = await workspace();
    const before = eventsOf(dir).length;
    const r = await launch(['plan', 'update', 'plan.md'], dir);
    expect(r.stdout).toMatch(/^Boxes in plan\.md that differ from the log/m);
    expect(r.stdout).toMatch(/\[x\] check\s+alpha\s+Alpha \(line 5; the log says todo\)/);
    expect(r.stdout).not.toMatch(/beta/);
    expect(r.stdout).toMatch(/\[ \] uncheck\s+gamma\s+Gamma \(line 7; the log says done\)/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was not changed and nothing was recorded\nhint: .*launch plan update plan\.md --yes/);
    expect(eventsOf(dir)).toHaveLength(before);
  });

  it('with --yes, records checks and unchecks by the current actor, and keeps the plan\'s marks as they were', async () => {
    const dir = await workspace();
    const planBefore = readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
    const r = await launch(['plan', 'update', 'plan.md', '--yes'], dir);
    expect(r.stdout).toMatch(/recorded 1 check and 1 uncheck from plan\.md/);
    expect(r.code).toBe(0);
    const added = eventsOf(dir).slice(-2);
    expect(added.map((e) => [e.type, e.item, e.actor, e.note])).toEqual([
      ['check', 'alpha', 'alice', 'from the plan file'],
      ['uncheck', 'gamma', 'alice', 'from the plan file'],
    ]);
    // Only the boxes changed: the plan itself (Gamma's import mark included) is not rewritten.
    expect(readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8')).toBe(planBefore);
    expect(await statusWith(launch, dir, 'alpha')).toBe('done');
    expect(await statusWith(launch, dir, 'beta')).toBe('done');
    expect(await statusWith(launch, dir, 'gamma')).toBe('todo');
    expect((await launch(['plan', 'update', 'plan.md'], dir)).stdout).toMatch(/already up to date/);
    const show = await launch(['show', 'gamma'], dir);
    expect(show.stdout).toMatch(/from the plan file/);
  });

  it('--json lists the boxes', async () => {
    const dir = await workspace();
    const r = await launch(['plan', 'update', 'plan.md', '--yes', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.applied).toBe(true);
    expect(json.boxes.map((b: any) => `${b.id}:${b.done}`)).toEqual(['alpha:true', 'gamma:false']);
  });
});
