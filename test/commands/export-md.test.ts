// launch export md: the plan's Markdown with the log's progress in its checkboxes and nothing else
// changed, and the way back (boxes ticked by hand, read by plan update) in plan-update-boxes.test.ts.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcher, statusWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const ROOT = join(import.meta.dirname, '..', '..');

/** Every byte that differs between two exports: only box characters may. */
function differingBytes(a: Buffer, b: Buffer): { at: number; from: string; to: string; around: string }[] {
  expect(b.length).toBe(a.length);
  const out = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) out.push({ at: i, from: String.fromCharCode(a[i]!), to: String.fromCharCode(b[i]!), around: b.subarray(i - 1, i + 2).toString('latin1') });
  }
  return out;
}

async function workspaceOn(file: string, bytes: Buffer, sub = ''): Promise<string> {
  const dir = scratchDir('launch-export-');
  mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, sub, file), bytes);
  const r = await launch(['init', '--plan', join(sub, file), '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return dir;
}

const checkIds = async (dir: string): Promise<string[]> =>
  JSON.parse((await launch(['list', '--json'], dir)).stdout).items.filter((i: any) => i.kind === 'check').map((i: any) => i.id);

describe('launch export md', () => {
  it('changes only the boxes of the items the log changed, keeping CRLF, a BOM and other bytes', async () => {
    const md = '\uFEFF# Plan\r\n\r\n## Week 1: Build\r\n\r\n- [ ] Alpha caf\u00e9 \u00f0\u0178\u0161\u20ac\r\n- [x] Beta\r\n  - [ ] Gamma nested\r\n\r\n```\r\n- [ ] not a box\r\n```\r\n';
    const dir = await workspaceOn('plan.md', Buffer.from(md, 'utf8'));
    expect((await launch(['check', 'alpha'], dir)).code).toBe(0);
    expect((await launch(['check', 'gamma'], dir)).code).toBe(0);
    expect((await launch(['uncheck', 'beta'], dir)).code).toBe(0);
    const r = await launch(['export', 'md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const before = readFileSync(join(dir, 'plan.md'));
    const after = Buffer.from(r.stdout, 'utf8');
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(differingBytes(before, after).map((d) => `${d.from}>${d.to}`)).toEqual([' >x', 'x> ', ' >x']);
    expect(r.stdout).toContain('- [ ] not a box');
  });
});

/** Ids of done checklist items, as list --json shows them. */
const doneIds = async (dir: string): Promise<string[]> =>
  JSON.parse((await launch(['list', '--json'], dir)).stdout).items.filter((i: any) => i.status === 'done').map((i: any) => i.id).sort();

/**
 * Export after checking every other checklist item (and unchecking a `[x]` one), then read that export
 * into a fresh workspace on the original: the same items are done, and only box bytes differ.
 */
async function roundTrip(original: Buffer, file = 'plan.md', sub = ''): Promise<void> {
  const a = await workspaceOn(file, original, sub);
  const ids = await checkIds(a);
  expect(ids.length).toBeGreaterThan(0);
  const toCheck = ids.filter((_, n) => n % 2 === 0);
  expect((await launch(['check', ...toCheck, '--with-children'], a)).code).toBe(0);
  const exported = await launch(['export', 'md'], a);
  expect(exported.stderr).toBe('');
  const diff = differingBytes(original, Buffer.from(exported.stdout, 'utf8'));
  for (const d of diff) expect(`${d.from}>${d.to}`).toMatch(/^( >x|x> |X> |\t>x)$/);
  const b = await workspaceOn(file, original, sub);
  writeFileSync(join(b, sub, file), exported.stdout);
  const update = await launch(['plan', 'update', join(sub, file), '--yes'], b);
  expect(update.stderr).not.toMatch(/^error/m);
  expect(update.code).toBe(0);
  expect(await doneIds(b)).toEqual(await doneIds(a));
  // Read back into the workspace it came from, the export changes nothing.
  writeFileSync(join(a, sub, file), exported.stdout);
  expect((await launch(['plan', 'update', join(sub, file)], a)).stdout).toMatch(/already up to date/);
}

describe('launch export md → launch plan update: a round trip', () => {
  it('on the seed plan, emoji bytes and all', async () => {
    await roundTrip(readFileSync(join(ROOT, 'plans', 'securenet-launch.md')));
  });

  for (const name of readdirSync(join(ROOT, 'test', 'fixtures', 'plans'))) {
    it(`on test/fixtures/plans/${name}`, async () => {
      await roundTrip(readFileSync(join(ROOT, 'test', 'fixtures', 'plans', name)), name);
    });
  }

  it('on a nested plan in a folder below the project, with CRLF line ends', async () => {
    const nested = '# Nested\r\n\r\n## Week 1: Build\r\n\r\n### Monday - Friday: API\r\n- [ ] Parent one\r\n  - [ ] Child a\r\n    - [x] Grandchild\r\n  - [ ] Child b\r\n> - [ ] Quoted box\r\n1. [ ] Ordered box\r\n';
    await roundTrip(Buffer.from(nested), 'plan.md', 'docs/plans');
  });
});

const PLAN = '# Plan\n\n## Week 1: Build\n\n- [ ] Alpha\n- [ ] Beta\n- [x] Gamma\n';

describe('launch export md: where it writes', () => {
  it('--in-place rewrites the source named by the plan header, relative to the project folder', async () => {
    const dir = await workspaceOn('plan.md', Buffer.from(PLAN), 'docs');
    expect(readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8')).toMatch(/^# yaml-language-server: .*\n# Generated by `launch import docs\/plan\.md`\./);
    expect((await launch(['check', 'alpha'], dir)).code).toBe(0);
    // Run from another folder of the project: the header's path is the project folder's.
    mkdirSync(join(dir, 'src'));
    const r = await launch(['export', 'md', '--in-place'], join(dir, 'src'));
    expect(r.stderr).toMatch(/git diff/);
    expect(r.stdout).toMatch(/wrote \.\.\/docs\/plan\.md: 1 box\(es\) ticked, 0 unticked/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'docs', 'plan.md'), 'utf8')).toBe(PLAN.replace('[ ] Alpha', '[x] Alpha'));
    expect((await launch(['export', 'md', '--in-place'], dir)).stdout).toMatch(/is up to date/);
  });

  it('refuses, writing nothing, when the source was edited so that its items are no longer at their lines', async () => {
    const dir = await workspaceOn('plan.md', Buffer.from(PLAN));
    expect((await launch(['check', 'beta'], dir)).code).toBe(0);
    const edited = PLAN.replace('- [ ] Alpha\n', '- [ ] New first\n- [ ] Alpha\n');
    writeFileSync(join(dir, 'plan.md'), edited);
    const r = await launch(['export', 'md', '--in-place'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: plan\.md: no longer matches the workspace's plan, so its boxes cannot be placed; nothing was written\n3 item\(s\) of the plan have no checkbox at their line:\n {2}line 5: Alpha\n {2}line 6: Beta\n {2}line 7: Gamma\n4 checkbox\(es\) are not in the plan:\n {2}line 5: New first\n/);
    expect(r.stderr).toMatch(/hint: run `launch plan update plan\.md` first/);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(edited);
    expect((await launch(['export', 'md'], dir)).code).toBe(1);
  });

  it('--out follows the output rules: never the source, never .launch/, another file only if an earlier export or --force', async () => {
    const dir = await workspaceOn('plan.md', Buffer.from(PLAN));
    expect((await launch(['check', 'alpha'], dir)).code).toBe(0);
    const first = await launch(['export', 'md', '--out', 'progress.md'], dir);
    expect(first.stdout).toMatch(/wrote progress\.md from plan\.md: 1 box\(es\) ticked, 0 unticked/);
    expect((await launch(['check', 'beta'], dir)).code).toBe(0);
    expect((await launch(['export', 'md', '--out', 'progress.md'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'progress.md'), 'utf8')).toBe(PLAN.replace('[ ] Alpha', '[x] Alpha').replace('[ ] Beta', '[x] Beta'));
    const source = await launch(['export', 'md', '--out', 'plan.md'], dir);
    expect(source.code).toBe(1);
    expect(source.stderr).toMatch(/^error: plan\.md: is the Markdown the plan was imported from; use --in-place to rewrite it/);
    writeFileSync(join(dir, 'notes.md'), 'my notes\n');
    const other = await launch(['export', 'md', '--out', 'notes.md'], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error: notes\.md: exists and is not an earlier export of this plan; nothing was written\nhint: add --force/);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('my notes\n');
    expect((await launch(['export', 'md', '--out', 'notes.md', '--force'], dir)).code).toBe(0);
    expect((await launch(['export', 'md', '--out', '.launch/x.md'], dir)).stderr).toMatch(/launch export does not write there/);
    expect((await launch(['export', 'md', '--out', 'x.md', '--in-place'], dir)).code).toBe(2);
  });

  it('the bundled plan exports its shipped Markdown, which --in-place does not rewrite', async () => {
    const dir = scratchDir('launch-export-');
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const r = await launch(['export', 'md'], dir);
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdout)).toEqual(readFileSync(join(ROOT, 'plans', 'securenet-launch.md')));
    const inPlace = await launch(['export', 'md', '--in-place'], dir);
    expect(inPlace.code).toBe(1);
    expect(inPlace.stderr).toMatch(/bundled SecureNet plan.*--in-place does not rewrite it\nhint: write a copy instead/);
  });
});
