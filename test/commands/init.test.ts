// launch init, and how commands find the workspace it creates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

  it('--as in an existing workspace (a teammate\'s clone) sets only this clone\'s actor', async () => {
    const dir = await workspace();
    const files = ['plan.yaml', 'config.yaml'].map((f) => join(dir, '.launch', f));
    const before = files.map((f) => ({ text: readFileSync(f, 'utf8'), ino: statSync(f).ino, mtime: statSync(f).mtimeMs }));
    const r = await launch(['init', '--as', 'carol'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Joined \.launch\/ tracking "SecureNet Production Launch: Sprint Planning"\n {2}your events are recorded as carol \(\.launch\/actor: this clone only, git-ignored\)\n {2}config\.yaml and plan\.yaml are the team's and were left as they are\n/);
    expect(readFileSync(join(dir, '.launch', 'actor'), 'utf8')).toBe('carol\n');
    expect(files.map((f) => ({ text: readFileSync(f, 'utf8'), ino: statSync(f).ino, mtime: statSync(f).mtimeMs }))).toEqual(before);
    await launch(['check', 'redis-setup'], dir);
    expect(eventsOf(dir).map((e) => e.actor)).toEqual(['carol']);
    // --json says the same; LAUNCH_ACTOR, which wins over .launch/actor, is pointed out.
    const json = await launch(['init', '--as', 'dan', '--json'], dir, { ...ENV, LAUNCH_ACTOR: 'erin' });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ dir: '.launch', start: '2026-11-30', timeZone: 'Europe/Berlin', keptLog: true, actor: 'dan', written: ['actor'] });
    expect(json.stderr).toMatch(/LAUNCH_ACTOR \(erin\) comes before \.launch\/actor/);
    // Without --as, an existing workspace is still refused, and the hint says how to join it.
    const bare = await launch(['init'], dir);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/hint: .*launch init --as <name>/);
    expect((await launch(['init', '--as', 'carol', '--start', '2026-12-07'], dir)).code).toBe(1);
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before.map((b) => b.text));
  });

  it('--force keeps the start, zone and holidays, and the plan, unless they are given again', async () => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--holiday', '2026-12-25', '--as', 'alice'], dir)).code).toBe(0);
    const config = () => readFileSync(join(dir, '.launch', 'config.yaml'), 'utf8');
    const plan = () => readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
    const [config0, plan0] = [config(), plan()];
    // The machine is in UTC and it is Tuesday 1 Dec: neither may leak into the workspace.
    const forced = await launch(['init', '--force', '--as', 'carol'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect([config(), plan()]).toEqual([config0, plan0]);
    expect(readFileSync(join(dir, '.launch', 'actor'), 'utf8')).toBe('carol\n');

    const moved = await launch(['init', '--force', '--start', '2026-12-07', '--json'], dir);
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ start: '2026-12-07', timeZone: 'Europe/Berlin', written: ['config.yaml'] });
    expect(config()).toBe(config0.replace('start: "2026-11-30"', 'start: "2026-12-07"'));
    expect(config()).toMatch(/holidays:\n {2}- "2026-12-25"/);
    expect((await launch(['init', '--force', '--tz', 'UTC'], dir)).code).toBe(0);
    expect(config()).toMatch(/start: "2026-12-07"\ntimeZone: UTC\n/);
    expect(plan()).toBe(plan0);

    writeFileSync(join(dir, 'p.md'), '# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    const replanned = await launch(['init', '--force', '--plan', 'p.md'], dir);
    expect(replanned.code, replanned.stderr).toBe(0);
    expect(replanned.stdout).toMatch(/^Updated \.launch\/ tracking "P"/);
    expect(plan()).toMatch(/id: one-thing/);
    expect(config()).toMatch(/start: "2026-12-07"\ntimeZone: UTC\n/);
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
