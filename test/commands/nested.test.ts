// Checklists nested in checklists: shown under their parent, counted once, and checked as a family.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
// "Store listings ready" holds Web, iOS and Android; two more items stand alone.
const FIXTURE = join(__dirname, '..', 'fixtures', 'constructs', 'owners-nested.md');

async function workspace(): Promise<string> {
  const dir = scratchDir();
  const r = await launch(['init', '--plan', FIXTURE, '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}
const ok = async (dir: string, ...args: string[]) => {
  const r = await launch(args, dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const overall = async (dir: string) => JSON.parse(await ok(dir, 'status', '--json')).overall;

describe('nested checklists', () => {
  it('today shows children under their parent, title column kept, and the parent with n/m', async () => {
    const dir = await workspace();
    await ok(dir, 'check', 'ios');
    const out = await ok(dir, 'today', '--date', '2026-12-04');
    expect(out).toContain(
      [
        '  ○ store-listings-ready   Store listings ready 1/3',
        '    ○ web                  Web',
        '    ✔ ios                  iOS',
        '    ○ android              Android',
        '  ○ release-notes-written  Release notes written',
      ].join('\n'),
    );
    // A child shown without its parent says whose it is.
    expect(await ok(dir, 'today', '--date', '2026-12-04', '--owner', 'dave')).toMatch(/✔ ios {2}iOS \(in Store listings ready\)\n/);
  });

  it('today keeps a child\'s id and title on one line when the longest id is the child\'s', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plan.md'), '# P\n\n## Sprint 1: S (Week 1)\n\n### Week 1: W\n\n#### Apps (Monday - Friday)\n\n- [ ] Store\n  - [ ] Android screenshots uploaded\n- [ ] Notes\n');
    expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const lines = (await ok(dir, 'today', '--date', '2026-12-04')).split('\n');
    const titleAt = (title: string) => lines.find((l) => l.endsWith(title) || l.includes(`${title} `))!.indexOf(title);
    expect(lines.some((l) => /android-screenshots-uploaded +Android screenshots uploaded/.test(l)), lines.join('\n')).toBe(true); // id and title on one line
    expect(titleAt('Android screenshots uploaded')).toBe(titleAt('Store'));
    expect(titleAt('Notes')).toBe(titleAt('Store'));
  });

  it('list indents children by depth without breaking the title column', async () => {
    const dir = await workspace();
    const lines = (await ok(dir, 'list')).split('\n');
    const column = (id: string, title: string) => lines.find((l) => l.includes(` ${id} `))!.indexOf(title);
    expect(lines.find((l) => l.includes('store-listings-ready'))).toMatch(/^ {2}○ store-listings-ready {3}Store listings ready 0\/3/);
    expect(lines.find((l) => l.includes(' web '))).toMatch(/^ {4}○ web/);
    expect(new Set([column('store-listings-ready', 'Store'), column('web', 'Web'), column('android', 'Android'), column('support-mail-ops', 'Support')]).size).toBe(1);
  });

  it('progress counts a parent by its children only', async () => {
    const dir = await workspace();
    expect(await overall(dir)).toEqual({ done: 0, total: 5 });
    await ok(dir, 'check', 'web', 'ios', 'android');
    expect(await overall(dir)).toEqual({ done: 3, total: 5 });
    await ok(dir, 'check', 'store-listings-ready');
    expect(await overall(dir)).toEqual({ done: 3, total: 5 });
    expect(await ok(dir, 'today', '--date', '2026-12-04')).toMatch(/3\/5 done/);
  });

  it('checking a parent with open children is refused without --with-children, and records nothing', async () => {
    const dir = await workspace();
    const r = await launch(['check', 'store-listings-ready'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/store-listings-ready has 3 open items under it \(web, ios, android\); nothing recorded/);
    expect(r.stderr).toMatch(/hint: .*launch check store-listings-ready --with-children/);
    expect(eventsOf(dir)).toEqual([]);
    await ok(dir, 'check', 'store-listings-ready', '--with-children');
    expect(eventsOf(dir).map((e) => e.item)).toEqual(['store-listings-ready', 'web', 'ios', 'android']);
  });

  it('checking the last open child says how to check the parent; unchecking is symmetric', async () => {
    const dir = await workspace();
    expect(await ok(dir, 'check', 'web', 'ios')).not.toMatch(/every item/);
    expect(await ok(dir, 'check', 'android')).toMatch(/every item under store-listings-ready is done: launch check store-listings-ready\n$/);
    await ok(dir, 'check', 'store-listings-ready');
    expect(await ok(dir, 'uncheck', 'web')).toMatch(/store-listings-ready is still checked: launch uncheck store-listings-ready\n$/);
    await ok(dir, 'uncheck', 'store-listings-ready', '--with-children');
    const statuses = JSON.parse(await ok(dir, 'list', '--json')).items.map((i: { id: string; status: string }) => `${i.id}:${i.status}`);
    expect(statuses.slice(0, 4)).toEqual(['store-listings-ready:todo', 'web:todo', 'ios:todo', 'android:todo']);
  });

  it('cold and warm caches nest and count the same', async () => {
    const dir = await workspace();
    await ok(dir, 'check', 'ios');
    const reads = [['today', '--date', '2026-12-04'], ['list'], ['status', '--json']];
    const answers = () => Promise.all(reads.map((args) => ok(dir, ...args)));
    const warm = await answers();
    for (const name of readdirSync(join(dir, '.launch'))) if (name.endsWith('.snapshot.json')) rmSync(join(dir, '.launch', name));
    expect(await answers()).toEqual(warm);
    expect(await answers()).toEqual(warm);
  });
});
