import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, launch, tempDir } from './run.js';

function workspace(extra: string[] = []): string {
  const dir = tempDir();
  const r = launch(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', ...extra], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}
const logOf = (dir: string) => readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8');
const lines = (dir: string) => logOf(dir).split('\n').filter(Boolean).map((l) => JSON.parse(l));
const statusOf = (dir: string, id: string) => JSON.parse(launch(['show', id, '--json'], { cwd: dir }).stdout).item.status;

describe('launch init', () => {
  it('creates plan, config and an empty log, and refuses to overwrite without --force', () => {
    const dir = workspace();
    for (const f of ['plan.yaml', 'config.yaml', 'events.jsonl']) expect(existsSync(join(dir, '.launch', f))).toBe(true);
    expect(readFileSync(join(dir, '.launch', 'config.yaml'), 'utf8')).toMatch(/start: "2026-11-30"\ntimeZone: Europe\/Berlin\nworkingDays:\n {2}- mon/);
    const again = launch(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already a launch workspace/);
    launch(['check', 'skeleton-loading-setup'], { cwd: dir });
    expect(launch(['init', '--force', '--start', '2026-12-07'], { cwd: dir }).code).toBe(0);
    expect(lines(dir)).toHaveLength(1);
    expect(statusOf(dir, 'skeleton-loading-setup')).toBe('done');
  });

  it('imports a Markdown plan and rejects a bad zone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.md'), '# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    expect(launch(['init', '--plan', 'p.md', '--tz', 'Mars/Olympus'], { cwd: dir }).code).toBe(2);
    expect(launch(['init', '--plan', 'p.md', '--tz', 'UTC'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(launch(['list', '--json'], { cwd: dir }).stdout).items.map((i: { id: string }) => i.id)).toEqual(['one-thing']);
  });

  it('adds the union merge rule to .gitattributes once, inside a git work tree', () => {
    const dir = tempDir();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'team'));
    expect(launch(['init', '--start', '2026-11-30'], { cwd: join(dir, 'team') }).code).toBe(0);
    expect(launch(['init', '--force'], { cwd: join(dir, 'team') }).code).toBe(0);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('team/.launch/events.jsonl merge=union\n');
  });
});

describe('finding the workspace', () => {
  it('walks up from a subdirectory, and --dir / LAUNCH_DIR override', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(launch(['check', 'redis-setup'], { cwd: join(dir, 'a', 'b') }).code).toBe(0);
    const elsewhere = tempDir();
    expect(launch(['show', 'redis-setup', '--json', '--dir', dir], { cwd: elsewhere }).stdout).toMatch(/"status": "done"/);
    expect(launch(['show', 'redis-setup', '--json'], { cwd: elsewhere, env: { LAUNCH_DIR: join(dir, '.launch') } }).stdout).toMatch(/"status": "done"/);
    const missing = launch(['today', '--dir', elsewhere], { cwd: elsewhere });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no launch workspace there/);
  });

  it('without a workspace, read commands use the bundled plan and say so; write commands exit 1 with the hint', () => {
    const dir = tempDir();
    const today = launch(['today', '--json'], { cwd: dir });
    expect(today.code).toBe(0);
    expect(JSON.parse(today.stdout).workspace).toBe(false);
    expect(today.stderr).toMatch(/No workspace: showing the bundled plan/);
    const check = launch(['check', 'redis-setup'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/hint: run `launch init`/);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });
});

describe('launch check and friends', () => {
  it('resolves ids, prefixes and title words; lists candidates for ambiguous or unknown references', () => {
    const dir = workspace();
    expect(launch(['check', 'skeleton', 'loading'], { cwd: dir }).stdout).toMatch(/skeleton-loading-setup/);
    expect(launch(['check', 'database-ind'], { cwd: dir }).code).toBe(0);
    const ambiguous = launch(['check', 'redis'], { cwd: dir });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/"redis" matches 3 items:\n {2}redis-setup/);
    const unknown = launch(['check', 'skeletn-loading-setp'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/did you mean:\n {2}skeleton-loading-setup/);
    expect(lines(dir).map((e) => e.item)).toEqual(['skeleton-loading-setup', 'database-index-creation']);
  });

  it('one bad reference among several records nothing', () => {
    const dir = workspace();
    expect(launch(['check', 'redis-setup', 'no-such-thing-at-all'], { cwd: dir }).code).toBe(1);
    expect(logOf(dir)).toBe('');
  });

  it('checking a done item is a no-op that says so', () => {
    const dir = workspace();
    launch(['check', 'redis-setup'], { cwd: dir });
    const again = launch(['check', 'redis-setup'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already done \(alice\); nothing recorded/);
    expect(lines(dir)).toHaveLength(1);
  });

  it('writes the documented event line, with a note, a backdated --date and --as', () => {
    const dir = workspace();
    launch(['check', 'redis-setup', '--note', 'cache up', '--date', '2026-12-01', '--as', 'bob'], { cwd: dir });
    const [e] = lines(dir);
    expect(Object.keys(e).slice(0, 6)).toEqual(['v', 'id', 'ts', 'actor', 'type', 'item']);
    expect(e).toMatchObject({ v: 1, actor: 'bob', type: 'check', item: 'redis-setup', note: 'cache up', ts: '2026-12-01T12:00:00.000+01:00' });
    expect(e.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('block, unblock, note, uncheck and undo change status and say what they did', () => {
    const dir = workspace();
    expect(launch(['block', 'redis-setup', '--reason', 'waiting for DBA'], { cwd: dir }).code).toBe(0);
    expect(launch(['block', 'redis-setup'], { cwd: dir }).code).toBe(2);
    expect(statusOf(dir, 'redis-setup')).toBe('blocked');
    expect(launch(['today', '--date', '2026-12-02'], { cwd: dir }).stdout).toMatch(/Blocked \(1\)\n.*redis-setup.*waiting for DBA \(alice\)/);
    launch(['unblock', 'redis-setup'], { cwd: dir });
    expect(statusOf(dir, 'redis-setup')).toBe('todo');
    launch(['note', 'redis-setup', 'DBA', 'replied'], { cwd: dir });
    launch(['check', 'redis-setup'], { cwd: dir });
    launch(['uncheck', 'redis-setup'], { cwd: dir });
    expect(statusOf(dir, 'redis-setup')).toBe('todo');
    const undo = launch(['undo'], { cwd: dir });
    expect(undo.stdout).toMatch(/^undid: unchecked redis-setup/);
    expect(statusOf(dir, 'redis-setup')).toBe('done');
    const show = JSON.parse(launch(['show', 'redis-setup', '--json'], { cwd: dir }).stdout);
    expect(show.state.notes.map((n: { text: string }) => n.text)).toEqual(['DBA replied']);
    expect(show.history.map((h: { type: string; undone: boolean }) => `${h.type}${h.undone ? '(undone)' : ''}`)).toEqual([
      'block', 'unblock', 'note', 'check', 'uncheck(undone)', 'undo',
    ]);
    const log = JSON.parse(launch(['log', '--json', '--item', 'redis-setup'], { cwd: dir }).stdout).events;
    expect(log[0].type).toBe('undo');
    expect(launch(['undo', '--as', 'nobody'], { cwd: dir }).stderr).toMatch(/nothing to undo for nobody/);
  });

  it('20 check processes at once on 20 items: all done, 20 valid lines', async () => {
    const dir = workspace();
    const ids: string[] = JSON.parse(launch(['list', '--json', '--kind', 'check'], { cwd: dir }).stdout).items.slice(0, 20).map((i: { id: string }) => i.id);
    const codes = await Promise.all(ids.map((id) => new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'check', id], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (code) => resolve(code ?? -1));
    })));
    expect(codes).toEqual(ids.map(() => 0));
    const events = lines(dir);
    expect(events).toHaveLength(20);
    expect(new Set(events.map((e) => e.item))).toEqual(new Set(ids));
    const listed = JSON.parse(launch(['list', '--json', '--status', 'done'], { cwd: dir }).stdout).items;
    expect(listed).toHaveLength(20);
  });
});

describe('a damaged log', () => {
  it('a torn last line is skipped with a warning; list and check go on', () => {
    const dir = workspace();
    launch(['check', 'redis-setup'], { cwd: dir });
    appendFileSync(join(dir, '.launch', 'events.jsonl'), '{"v":1,"id":"abc","ts":"2026-');
    const list = launch(['list', '--status', 'done'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/events\.jsonl:2/);
    expect(list.stdout).toMatch(/redis-setup/);
    expect(launch(['check', 'session-security'], { cwd: dir }).code).toBe(0);
    expect(statusOf(dir, 'session-security')).toBe('done');
  });

  it('a corrupt middle line stops check without changing a byte; doctor reports, --repair fixes with a backup', () => {
    const dir = workspace();
    launch(['check', 'redis-setup'], { cwd: dir });
    const log = join(dir, '.launch', 'events.jsonl');
    const [first] = lines(dir);
    appendFileSync(log, `this is not json\n${JSON.stringify({ ...first, id: 'feedc0de00000001', item: 'session-security' })}\n`);
    const before = readFileSync(log);
    const check = launch(['check', 'bundle-analysis'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/events\.jsonl:2/);
    expect(readFileSync(log).equals(before)).toBe(true);
    const doctor = launch(['doctor'], { cwd: dir });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/events\.jsonl:2/);
    expect(readFileSync(log).equals(before)).toBe(true);
    const repair = launch(['doctor', '--repair'], { cwd: dir });
    expect(repair.code).toBe(0);
    expect(repair.stdout).toMatch(/moved 1 line/);
    expect(readdirSync(join(dir, '.launch')).some((f) => f.startsWith('events.jsonl.bad-'))).toBe(true);
    expect(launch(['check', 'bundle-analysis'], { cwd: dir }).code).toBe(0);
    expect(lines(dir)).toHaveLength(3);
  });
});

describe('the plan snapshot', () => {
  it('every read command answers the same from the YAML and from the snapshot', () => {
    const dir = workspace();
    for (const args of [['check', 'redis-setup', '--date', '2026-12-01'], ['block', 'bundle-analysis', '--reason', 'waiting on CI'], ['note', 'team-standup', 'roles assigned']]) {
      const r = launch(args, { cwd: dir });
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
    const stamp = () => {
      const st = statSync(snapshot);
      return `${st.ino}:${st.mtimeMs}`;
    };
    const answers = (fresh: boolean) =>
      reads.map((args) => {
        if (fresh) rmSync(snapshot, { force: true });
        const before = fresh ? undefined : stamp();
        const r = launch(args, { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        // From the snapshot: read, not rewritten.
        if (before !== undefined) expect(stamp()).toBe(before);
        return r.stdout;
      });
    const fromYaml = answers(true);
    expect(answers(false)).toEqual(fromYaml);
  });
});
