// launch init, and how commands find the workspace it creates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher, statusWith, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const workspace = () => workspaceWith(launch);
const statusOf = (dir: string, id: string) => statusWith(launch, dir, id);

describe('launch init', () => {
  it('creates plan, config and an empty log, and refuses to overwrite without --force', async () => {
    const dir = await workspace();
    for (const f of ['plan.yaml', 'config.yaml', 'events.jsonl']) expect(existsSync(join(dir, '.launch', f))).toBe(true);
    expect(readFileSync(join(dir, '.launch', 'config.yaml'), 'utf8')).toMatch(/start: "2026-11-30"\ntimeZone: Europe\/Berlin\nworkingDays:\n {2}- mon/);
    const again = await launch(['init'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already a launch workspace/);
    await launch(['check', 'skeleton-loading-setup'], dir);
    expect((await launch(['init', '--force', '--start', '2026-12-07'], dir)).code).toBe(0);
    expect(eventsOf(dir)).toHaveLength(1);
    expect(await statusOf(dir, 'skeleton-loading-setup')).toBe('done');
  });

  it('imports a Markdown plan and rejects a bad zone', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), '# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    expect((await launch(['init', '--plan', 'p.md', '--tz', 'Mars/Olympus'], dir)).code).toBe(2);
    expect((await launch(['init', '--plan', 'p.md', '--tz', 'UTC'], dir)).code).toBe(0);
    expect(JSON.parse((await launch(['list', '--json'], dir)).stdout).items.map((i: { id: string }) => i.id)).toEqual(['one-thing']);
  });

  it('adds the union merge rule to .gitattributes once, inside a git work tree', async () => {
    const dir = scratchDir();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'team'));
    expect((await launch(['init', '--start', '2026-11-30'], join(dir, 'team'))).code).toBe(0);
    expect((await launch(['init', '--force'], join(dir, 'team'))).code).toBe(0);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('team/.launch/events.jsonl merge=union\n');
  });
});

describe('finding the workspace', () => {
  it('walks up from a subdirectory, and --dir / LAUNCH_DIR override', async () => {
    const dir = await workspace();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect((await launch(['check', 'redis-setup'], join(dir, 'a', 'b'))).code).toBe(0);
    const elsewhere = scratchDir();
    expect((await launch(['show', 'redis-setup', '--json', '--dir', dir], elsewhere)).stdout).toMatch(/"status": "done"/);
    expect((await launch(['show', 'redis-setup', '--json'], elsewhere, { ...ENV, LAUNCH_DIR: join(dir, '.launch') })).stdout).toMatch(/"status": "done"/);
    const missing = await launch(['today', '--dir', elsewhere], elsewhere);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no launch workspace there/);
  });

  it('without a workspace, read commands use the bundled plan and say so; write commands exit 1 with the hint', async () => {
    const dir = scratchDir();
    const today = await launch(['today', '--json'], dir);
    expect(today.code).toBe(0);
    expect(JSON.parse(today.stdout).workspace).toBe(false);
    expect(today.stderr).toMatch(/No workspace: showing the bundled plan/);
    const check = await launch(['check', 'redis-setup'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/hint: run `launch init`/);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });
});
