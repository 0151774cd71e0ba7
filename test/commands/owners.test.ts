// Owners: `launch assign`, the plan's `@name`, and --mine / --owner, through the fold, the log, undo,
// a merge of two logs and the caches.
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher, logPath, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const FIXTURE = join(__dirname, '..', 'fixtures', 'constructs', 'owners-nested.md');

const ownerOf = async (dir: string, id: string): Promise<string | null> => JSON.parse((await launch(['show', id, '--json'], dir)).stdout).item.owner;
const listIds = async (dir: string, ...args: string[]): Promise<string[]> => {
  const r = await launch(['list', ...args, '--json'], dir);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).items.map((i: { id: string }) => i.id);
};

async function nestedWorkspace(): Promise<string> {
  const dir = scratchDir();
  const r = await launch(['init', '--plan', FIXTURE, '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

describe('launch assign', () => {
  it('records an assign event per item; show, list and --json give the owner; a repeat records nothing', async () => {
    const dir = await workspaceWith(launch);
    const r = await launch(['assign', 'redis-setup', 'skeleton-loading-setup', '--to', 'bob'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('redis-setup: owner bob\nskeleton-loading-setup: owner bob\n');
    expect(eventsOf(dir).map((e) => [e.type, e.item, e.owner, e.actor])).toEqual([
      ['assign', 'redis-setup', 'bob', 'alice'],
      ['assign', 'skeleton-loading-setup', 'bob', 'alice'],
    ]);
    expect(await ownerOf(dir, 'redis-setup')).toBe('bob');
    expect((await launch(['show', 'redis-setup'], dir)).stdout).toMatch(/owner {4}bob/);
    expect((await launch(['list', 'redis', 'setup'], dir)).stdout).toMatch(/redis-setup +Redis Setup @bob\n/);
    const again = await launch(['assign', 'redis-setup', '--to', 'bob', '--json'], dir);
    expect(JSON.parse(again.stdout)).toEqual({ schema: 1, recorded: [], unchanged: ['redis-setup'] });
    expect(eventsOf(dir)).toHaveLength(2);
  });

  it('--to "" takes the owner away; a bad name or no --to is a usage error that records nothing', async () => {
    const dir = await workspaceWith(launch);
    await launch(['assign', 'redis-setup', '--to', 'bob'], dir);
    const off = await launch(['assign', 'redis-setup', '--to', ''], dir);
    expect(off.stdout).toBe('redis-setup: owner nobody (was bob)\n');
    expect(await ownerOf(dir, 'redis-setup')).toBeNull();
    for (const args of [['--to', 'a\nb'], ['--to', '\u202ebob'], []]) {
      const bad = await launch(['assign', 'redis-setup', ...args], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--to/);
    }
    expect(eventsOf(dir)).toHaveLength(2);
  });

  it('undo gives the item its previous owner back', async () => {
    const dir = await workspaceWith(launch);
    await launch(['assign', 'redis-setup', '--to', 'bob'], dir);
    await launch(['assign', 'redis-setup', '--to', 'carol'], dir);
    expect((await launch(['undo'], dir)).stdout).toMatch(/assigned redis-setup to carol/);
    expect(await ownerOf(dir, 'redis-setup')).toBe('bob');
    expect((await launch(['log'], dir)).stdout).toMatch(/assigned redis-setup to bob/);
  });

  it('a merge of two logs: the assignment typed last wins, whatever the line order', async () => {
    const dir = await workspaceWith(launch);
    await launch(['assign', 'redis-setup', '--to', 'bob'], dir);
    const mine = readFileSync(logPath(dir), 'utf8');
    const later = new Date(Date.parse(eventsOf(dir).at(-1).ts) + 500).toISOString();
    // A teammate's clone assigned it half a second later; git's union merge may put their line first.
    const theirs = JSON.stringify({ v: 1, id: 'feedfacefeedface', ts: later, actor: 'carol', type: 'assign', item: 'redis-setup', owner: 'dave' }) + '\n';
    writeFileSync(logPath(dir), theirs + mine);
    expect(await ownerOf(dir, 'redis-setup')).toBe('dave');
    writeFileSync(logPath(dir), mine + theirs);
    expect(await ownerOf(dir, 'redis-setup')).toBe('dave');
    expect((await launch(['doctor'], dir)).code).toBe(0);
  });

  it('cold and warm caches give the same owners', async () => {
    const dir = await workspaceWith(launch);
    await launch(['assign', 'redis-setup', '--to', 'bob'], dir);
    const reads = [['list', '--json'], ['show', 'redis-setup', '--json'], ['today', '--owner', 'bob', '--json'], ['list', '--owner', 'bob']];
    const answers = async () => Promise.all(reads.map(async (args) => (await launch(args, dir)).stdout));
    const warm = await answers();
    expect(await answers()).toEqual(warm);
    for (const name of readdirSync(join(dir, '.launch'))) if (name.endsWith('.snapshot.json')) rmSync(join(dir, '.launch', name));
    expect(await answers()).toEqual(warm);
    // An event appended after the snapshot was written is folded onto it (typed between two reads).
    const stamp = new Date(Date.parse(eventsOf(dir).at(-1).ts) + 500).toISOString();
    await launch(['list'], dir);
    appendFileSync(logPath(dir), JSON.stringify({ v: 1, id: 'feedfacefeedface', ts: stamp, actor: 'carol', type: 'assign', item: 'redis-setup', owner: 'dave' }) + '\n');
    expect(await ownerOf(dir, 'redis-setup')).toBe('dave');
  });
});

describe('an owner or a note is not a status', () => {
  it('an item ticked [x] in the plan stays done when it is assigned or noted', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plan.md'), '# P\n\n## Week 1: W\n\n- [x] Already shipped\n- [ ] Still open\n');
    expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const status = async () => JSON.parse((await launch(['list', '--json'], dir)).stdout).items.find((i: { id: string }) => i.id === 'already-shipped').status;
    expect(await status()).toBe('done');
    expect((await launch(['assign', 'already-shipped', '--to', 'bob'], dir)).code).toBe(0);
    expect(await status()).toBe('done');
    expect((await launch(['note', 'already-shipped', '-m', 'shipped Friday'], dir)).code).toBe(0);
    expect(await status()).toBe('done');
    expect((await launch(['uncheck', 'already-shipped'], dir)).code).toBe(0);
    expect(await status()).toBe('todo');
  });
});

describe('owners in the plan and --mine / --owner', () => {
  it('imports a trailing @name as the owner, leaves addresses in the text, and an event overrides it', async () => {
    const dir = await nestedWorkspace();
    const yaml = readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
    expect(yaml).toMatch(/title: Store listings ready\n(?:.*\n)*? {4}owner: carol\n/);
    expect(yaml).toMatch(/title: Support mail to ops@example.com\n/);
    expect(await ownerOf(dir, 'store-listings-ready')).toBe('carol');
    expect(await ownerOf(dir, 'support-mail-ops')).toBeNull();
    await launch(['assign', 'store-listings-ready', '--to', ''], dir);
    expect(await ownerOf(dir, 'store-listings-ready')).toBeNull();
    await launch(['assign', 'web', '--to', 'Carol'], dir);
    expect(await listIds(dir, '--owner', 'carol')).toEqual(['web']);
  });

  it('--mine is the actor whoami names; --owner anyone; list, today and standup take both', async () => {
    const dir = await nestedWorkspace();
    await launch(['assign', 'android', '--to', 'alice'], dir);
    expect(await listIds(dir, '--mine')).toEqual(['android']);
    expect(await listIds(dir, '--owner', 'dave')).toEqual(['ios']);
    const today = await launch(['today', '--date', '2026-12-04', '--mine', '--json'], dir);
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(today.stdout))).toMatch(/"android"/);
    expect(today.stdout).not.toMatch(/"ios"/);
    const bob = await launch(['today', '--date', '2026-12-04', '--mine'], dir, { ...ENV, LAUNCH_ACTOR: 'dave' });
    expect(bob.stdout).toMatch(/ios/);
    expect(bob.stdout).not.toMatch(/android/);
    const standup = await launch(['standup', '--date', '2026-12-04', '--owner', 'dave', '--json'], dir);
    expect(standup.code, standup.stderr).toBe(0);
    expect(standup.stdout).toMatch(/"ios"/);
    expect(standup.stdout).not.toMatch(/"android"/);
    const both = await launch(['list', '--mine', '--owner', 'dave'], dir);
    expect(both.code).toBe(2);
  });
});

describe('launch list <words>', () => {
  it('keeps items whose title or id has every word, ignoring case and accents', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plan.md'), '# Café launch\n\n## Week 1\n\n- [ ] Café menu printed\n- [ ] Menu translated\n- [ ] Résumé review\n');
    expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    expect(await listIds(dir, 'MENU')).toEqual(['cafe-menu-printed', 'menu-translated']);
    expect(await listIds(dir, 'cafe', 'menu')).toEqual(['cafe-menu-printed']);
    expect(await listIds(dir, 'resume')).toEqual(['resume-review']);
    expect(await listIds(dir, 'menu-trans')).toEqual(['menu-translated']);
    expect((await launch(['list', 'nothing', 'here'], dir)).stdout).toBe('no items match\n');
  });

  it('--status blocked shows each item\'s block reason', async () => {
    const dir = await workspaceWith(launch);
    await launch(['block', 'redis-setup', '--reason', 'waiting for the DBA'], dir);
    expect((await launch(['list', '--status', 'blocked'], dir)).stdout).toMatch(/■ redis-setup {2}Redis Setup — waiting for the DBA\n/);
  });
});
