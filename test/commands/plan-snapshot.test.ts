// The workspace's plan snapshot (.launch/.plan.yaml.snapshot.json) spares reading the YAML on every
// command: what a read command answers must not depend on whether it was there.
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launcher } from '../support/commands.js';
import { repoRoot } from '../helpers.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

describe('the plan snapshot', () => {
  it('every read command answers the same from the YAML and from the snapshot', async () => {
    const dir = scratchDir();
    const init = await launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], dir);
    expect(init.code, init.stderr).toBe(0);
    for (const args of [['check', 'redis-setup', '--date', '2026-12-01'], ['block', 'bundle-analysis', '--reason', 'waiting on CI'], ['note', 'team-standup', 'roles assigned']]) {
      const r = await launch(args, dir);
      expect(r.code, r.stderr).toBe(0);
    }
    const snapshot = join(dir, '.launch', '.plan.yaml.snapshot.json');
    const reads = [
      ['today', '--json', '--date', '2026-12-09'],
      ['today', '--date', '2026-12-09', '--all'],
      ['standup', '--json', '--date', '2026-12-02'],
      ['status', '--json', '--date', '2026-12-09'],
      ['list', '--json'],
      ['show', 'bundle-analysis', '--json'],
      ['kpis', '--json', '--date', '2026-12-09'],
    ];
    // The inode: a read may re-date the snapshot (within 2 s of the plan's change it checks the plan's bytes), never rewrite it.
    const stamp = () => statSync(snapshot).ino;
    const answers = async (fresh: boolean) => {
      const out: string[] = [];
      for (const args of reads) {
        if (fresh) rmSync(snapshot, { force: true });
        const before = fresh ? undefined : stamp();
        const r = await launch(args, dir);
        expect(r.code, r.stderr).toBe(0);
        // From the snapshot: read, not rewritten.
        if (before !== undefined) expect(stamp()).toBe(before);
        out.push(r.stdout);
      }
      return out;
    };
    const fromYaml = await answers(true);
    expect(await answers(false)).toEqual(fromYaml);
  });

  it('check <exact id> materialises only that item, not every row of the plan nor its columns', async () => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], dir)).code).toBe(0);
    expect((await launch(['today'], dir)).code).toBe(0); // the snapshot in place
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const r = await launch(['check', 'redis-setup'], dir);
      expect(r.code, r.stderr).toBe(0);
      // Items parsed from the snapshot's rows: one object each, or the whole array of them at once.
      const isItem = (v: unknown) => typeof v === 'object' && v !== null && 'id' in v && 'kind' in v && 'line' in v;
      const items = parse.mock.results.map(({ value }) => (Array.isArray(value) && value.every(isItem) ? value.length : isItem(value) ? 1 : 0));
      expect(items.reduce((a, b) => a + b, 0)).toBe(1);
      // Nor its columns: the id index finds it, and the plan is flat.
      const hasColumns = (v: unknown): boolean => typeof v === 'object' && v !== null && (('ids' in v && 'kinds' in v) || hasColumns((v as { columns?: unknown }).columns));
      const columns = parse.mock.results.filter(({ value }) => hasColumns(value));
      expect(columns).toHaveLength(0);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('a command that writes the plan leaves its snapshot', () => {
  const snapshotOf = (dir: string) => join(dir, '.launch', '.plan.yaml.snapshot.json');
  /** The snapshot as the command left it, then as a read builds it from the YAML: they must be the same bytes, and the read must use the first. */
  async function expectReadUses(dir: string) {
    const path = snapshotOf(dir);
    const left = readFileSync(path, 'utf8');
    const ino = statSync(path).ino;
    const read = await launch(['today', '--json', '--date', '2026-12-09'], dir);
    expect(read.code, read.stderr).toBe(0);
    expect(statSync(path).ino, 'the read rebuilt the snapshot').toBe(ino);
    rmSync(path);
    const again = await launch(['today', '--json', '--date', '2026-12-09'], dir);
    expect(again.stdout).toBe(read.stdout);
    expect(readFileSync(path, 'utf8')).toBe(left);
  }

  it('init with a Markdown plan, with a YAML plan, and with the bundled one', async () => {
    for (const plan of [join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md'), 'edited.yaml', undefined]) {
      const dir = scratchDir();
      // A YAML plan edited by hand is copied as it is, and read by the yaml library.
      writeFileSync(join(dir, 'edited.yaml'), `# edited by hand\n${readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8')}`);
      const init = await launch(['init', ...(plan ? ['--plan', plan] : []), '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'], dir);
      expect(init.code, init.stderr).toBe(0);
      await expectReadUses(dir);
    }
  });

  it('plan update and import inside a workspace', async () => {
    const dir = scratchDir();
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md'), join(dir, 'plan.md'));
    expect((await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'plan.md'), `${readFileSync(join(dir, 'plan.md'), 'utf8')}\n## Afterwards\n\n- [ ] Write the retrospective\n`);
    const update = await launch(['plan', 'update', 'plan.md', '--yes'], dir);
    expect(update.code, update.stderr).toBe(0);
    await expectReadUses(dir);
    writeFileSync(join(dir, 'plan.md'), `${readFileSync(join(dir, 'plan.md'), 'utf8')}- [ ] Archive the dashboards\n`);
    const imported = await launch(['import', 'plan.md', '--yes'], dir);
    expect(imported.code, imported.stderr).toBe(0);
    await expectReadUses(dir);
  });
});
