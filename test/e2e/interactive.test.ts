// Prompts only appear when both ends are terminals, so they are driven here through a real
// pseudo-terminal (Python's pty module): the built binary sees a TTY exactly as a user's shell gives it.
// Setting a workspace up and reading it afterwards need no terminal and run in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, launcher } from '../support/commands.js';
import { launchIn as launchInAt } from '../support/in-process.js';
import { BIN, launch, tempDir } from './run.js';

// Runs argv in a pty; for each step waits until the (escape-stripped) output since the previous step
// matches `expect`, then types `send`. Prints {output, code, signal, timedOut} as JSON when done.
const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
spec = json.loads(sys.stdin.read())
ansi = re.compile(r'\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]')
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    os.execve(spec['argv'][0], spec['argv'], spec['env'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
raw = b''
deadline = time.time() + spec['timeout']
timed_out = False
def pump(wait):
    global raw
    r, _, _ = select.select([fd], [], [], wait)
    if not r:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    raw += chunk
    return True
def text():
    return ansi.sub('', raw.decode('utf-8', 'replace'))
alive = True
mark = 0
for step in spec['steps']:
    pattern = re.compile(step['expect'])
    while alive and not pattern.search(text()[mark:]):
        if time.time() > deadline:
            timed_out = True
            break
        alive = pump(0.05)
    if timed_out or not alive:
        break
    mark = len(text())
    time.sleep(step.get('delay', 0.15))
    os.write(fd, step['send'].encode())
while alive and time.time() < deadline:
    alive = pump(0.1)
if alive:
    timed_out = True
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
print(json.dumps({'output': text(), 'code': code, 'signal': sig, 'timedOut': timed_out}))
`;

interface Step {
  /** A regular expression (Python syntax) the new output must match before typing. */
  expect: string;
  send: string;
}
interface PtyResult {
  output: string;
  code: number | null;
  signal: number | null;
  timedOut: boolean;
}

const ENTER = '\r';
const CTRL_C = '\u0003';
const SPACE = ' ';
const DOWN = '\u001b[B';

/**
 * The Python that `python3` runs, asked once with a check that its pty module works. Later runs start
 * it directly: through a version manager's shim (pyenv's is a shell script) each run cost ~0.15 s.
 */
function findPython(): { python?: string; noPty?: string } {
  const r = spawnSync('python3', ['-c', 'import fcntl, pty, sys, termios; pty.openpty(); print(sys.executable)'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return { python: r.stdout.trim() };
  return { noPty: `python3 with a working pty module is needed to drive prompts (${r.error?.message ?? r.stderr.trim()})` };
}
const { python = 'python3', noPty } = findPython();

function inPty(args: string[], cwd: string, steps: Step[], env: Record<string, string> = {}): PtyResult {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'LAUNCH_DIR', 'CI'].includes(k)) base[k] = v;
  const spec = { argv: [process.execPath, BIN, ...args], cwd, steps, timeout: 15, env: { ...base, TERM: 'xterm-256color', ...env } };
  const r = spawnSync(python, ['-c', DRIVER], { input: JSON.stringify(spec), encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as PtyResult;
  if (result.timedOut) throw new Error(`timed out in a pty; output so far:\n${result.output}`);
  return result;
}

/** launch in-process, at a fixed clock; the prompts themselves run the binary in a pty at the real one. */
const launchIn = launcher('2026-12-01T09:00:00Z');

async function workspace(): Promise<string> {
  const dir = tempDir();
  expect((await launchIn(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
  return dir;
}
const logOf = (dir: string) => (existsSync(join(dir, '.launch', 'events.jsonl')) ? readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8') : '');
const events = (dir: string) => logOf(dir).split('\n').filter(Boolean).map((l) => JSON.parse(l));
/**
 * An item's status as the binary in the pty would show it: at the real clock too, since what it wrote
 * counts for the real day, which a view as of the fixed clock's day (before it) would not show.
 */
const statusOf = async (dir: string, id: string) =>
  JSON.parse((await launchInAt(['show', id, '--json'], { cwd: dir, env: ENV, now: new Date() })).stdout).item.status;

describe.skipIf(noPty !== undefined)(`interactive prompts in a pseudo-terminal${noPty ? ` (skipped: ${noPty})` : ''}`, () => {
  beforeAll(() => {
    // Guards the helper itself: a plain command in the pty sees a terminal and exits normally.
    const r = inPty(['--version'], tempDir(), []);
    expect(r.code).toBe(0);
  });

  it('an ambiguous reference offers a picker; Enter takes the first candidate', async () => {
    const dir = await workspace();
    const piped = await launchIn(['check', 'redis'], dir);
    const first = /matches \d+ items:\n {2}(\S+)/.exec(piped.stderr)![1]!;
    const r = inPty(['check', 'redis'], dir, [{ expect: '"redis" matches \\d+ items; which one\\?', send: ENTER }]);
    expect(r.code, r.output).toBe(0);
    expect(events(dir).map((e) => [e.type, e.item])).toEqual([['check', first]]);
    expect(await statusOf(dir, first)).toBe('done');
  });

  it('an unknown name offers a picker of the closest names; down and Enter take the second', async () => {
    const dir = await workspace();
    const r = inPty(['check', 'lighthose'], dir, [
      { expect: 'no item matches "lighthose"; did you mean[\\s\\S]*lighthouse-performance-score', send: DOWN },
      { expect: '❯ lighthouse-performance-score', send: ENTER },
    ]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/lighthouse-ci-setup {2,}Lighthouse CI Setup/); // ids padded to the widest shown
    expect(events(dir).map((e) => [e.type, e.item])).toEqual([['check', 'lighthouse-performance-score']]);
    expect(await statusOf(dir, 'lighthouse-performance-score')).toBe('done');
  });

  it('check with no argument offers this week\'s open items; space and Enter check one', async () => {
    // Week 1 is this week, so the picker lists week 1's open items, first of them highlighted.
    // Through the binary: "today" is the real date, the one the binary in the pty sees.
    const dir = tempDir();
    expect(launch(['init', '--start', 'today', '--tz', 'UTC', '--as', 'alice'], { cwd: dir }).code).toBe(0);
    const week1 = JSON.parse((await launchIn(['list', '--json', '--week', '1', '--status', 'todo'], dir)).stdout).items.map((i: { id: string }) => i.id);
    const r = inPty(['check'], dir, [
      { expect: 'Mark done', send: SPACE },
      { expect: '◉', send: ENTER },
    ]);
    expect(r.code, r.output).toBe(0);
    const recorded = events(dir);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ type: 'check', actor: 'alice' });
    expect(week1).toContain(recorded[0].item);
    expect(await statusOf(dir, recorded[0].item)).toBe('done');
  });

  it('nested checklists: the last child offers its parent, and checking a parent asks about its open items', async () => {
    const plan = join(__dirname, '..', 'fixtures', 'constructs', 'owners-nested.md');
    const nested = async () => {
      const dir = tempDir();
      expect((await launchIn(['init', '--plan', plan, '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
      return dir;
    };
    const one = await nested();
    await launchIn(['check', 'web', 'ios'], one);
    const last = inPty(['check', 'android'], one, [{ expect: 'every item under store-listings-ready is done; check it too\\?', send: ENTER }]);
    expect(last.code, last.output).toBe(0);
    expect(events(one).map((e) => e.item)).toEqual(['web', 'ios', 'android', 'store-listings-ready']);
    const two = await nested();
    const parent = inPty(['check', 'store-listings-ready'], two, [{ expect: 'has 3 open items under it; check them too\\?', send: ENTER }]);
    expect(parent.code, parent.output).toBe(0);
    expect(events(two).map((e) => e.item)).toEqual(['store-listings-ready', 'web', 'ios', 'android']);
  });

  it('Ctrl-C at a picker exits 130 and records nothing', async () => {
    const dir = await workspace();
    const r = inPty(['check', 'redis'], dir, [{ expect: 'which one\\?', send: CTRL_C }]);
    expect(r.signal, r.output).toBeNull();
    expect(r.code, r.output).toBe(130);
    expect(r.output).toMatch(/cancelled, nothing recorded/);
    expect(r.output).not.toMatch(/internal error|\n\s+at /);
    expect(logOf(dir)).toBe('');
  });

  it('standup --answer asks the questions; Enter accepts each suggestion and a standup event is recorded', async () => {
    const dir = await workspace();
    const r = inPty(['standup', '--answer', '--date', '2026-12-01'], dir, [
      { expect: 'What did you complete yesterday\\?', send: ENTER },
      { expect: 'working on today\\?', send: ENTER },
      { expect: 'blockers', send: ENTER },
      { expect: 'on track', send: ENTER },
    ]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/Recorded alice's standup answers/);
    const [e] = events(dir);
    expect(e).toMatchObject({ type: 'standup', actor: 'alice', date: '2026-12-01' });
    expect(Object.keys(e.answers)).toHaveLength(4);
    expect(Object.values(e.answers).every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
  });

  it('standup --answer suggests the answering person\'s own work: their checks, their team\'s tasks, their blockers', async () => {
    const dir = await workspace();
    // Monday: Bob works on the frontend and blocks a backend item; Dave works on the backend.
    for (const args of [
      ['check', 'skeleton-loading-setup', '--as', 'bob'],
      ['block', 'redis-setup', '--reason', 'waiting for DBA', '--as', 'bob'],
      ['check', 'database-index-creation', '--as', 'dave'],
      ['block', 'connection-pool-optimization', '--reason', 'load rig down', '--as', 'dave'],
    ]) expect((await launchIn([...args, '--date', '2026-11-30'], dir)).code).toBe(0);
    const r = inPty(['standup', '--answer', '--date', '2026-12-01', '--as', 'dave'], dir, [
      { expect: 'What did you complete yesterday\\?', send: ENTER },
      { expect: 'working on today\\?', send: ENTER },
      { expect: 'blockers', send: ENTER },
      { expect: 'on track', send: ENTER },
    ]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/Any blockers or dependencies\? \(Connection Pool Optimization: load rig down\)/);
    const answers = events(dir).at(-1).answers;
    expect(answers['What did you complete yesterday?']).toBe('Database Index Creation');
    expect(answers['What are you working on today?']).toMatch(/^Connection Pool Optimization; /);
    expect(answers['What are you working on today?']).not.toMatch(/Bundle Analysis|Skeleton/);
    expect(answers['Any blockers or dependencies?']).toBe('Connection Pool Optimization: load rig down');
  });

  it('Ctrl-C half-way through the standup questions exits 130 and records nothing', async () => {
    const dir = await workspace();
    const r = inPty(['standup', '--answer', '--date', '2026-12-01'], dir, [
      { expect: 'What did you complete yesterday\\?', send: `shipped it${ENTER}` },
      { expect: 'working on today\\?', send: CTRL_C },
    ]);
    expect(r.code, r.output).toBe(130);
    expect(logOf(dir)).toBe('');
  });

  it('a write with no workspace offers to create one; y creates it and checks the item', async () => {
    const dir = tempDir();
    const r = inPty(['check', 'skeleton-loading-setup'], dir, [{ expect: 'No launch workspace here', send: `y${ENTER}` }]);
    expect(r.code, r.output).toBe(0);
    expect(existsSync(join(dir, '.launch', 'plan.yaml'))).toBe(true);
    expect(events(dir).map((e) => [e.type, e.item])).toEqual([['check', 'skeleton-loading-setup']]);
    expect(await statusOf(dir, 'skeleton-loading-setup')).toBe('done');
  });

  it('answering n to that offer creates nothing and exits 1 with the init hint', async () => {
    const dir = tempDir();
    const r = inPty(['check', 'skeleton-loading-setup'], dir, [{ expect: 'No launch workspace here', send: `n${ENTER}` }]);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/launch init/);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });

  it('plan update asks before replacing the plan, defaulting to no when items would be removed; y applies it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), '# Team Plan\n\n## Week 1: Build\n\n- [ ] Redis Setup\n- [ ] Bundle Analysis\n');
    expect((await launchIn(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    // Redis Setup removed, Query Cache Warmup added.
    writeFileSync(join(dir, 'plan2.md'), '# Team Plan\n\n## Week 1: Build\n\n- [ ] Bundle Analysis\n- [ ] Query Cache Warmup\n');
    const plan = () => readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
    const before = plan();
    const question = 'Replace \\.launch/plan\\.yaml with this plan\\? \\(y/N\\)';
    const no = inPty(['plan', 'update', 'plan2.md'], dir, [{ expect: question, send: ENTER }]);
    expect(no.code, no.output).toBe(1);
    expect(no.output).toMatch(/- removed\s+redis-setup/);
    expect(no.output).toMatch(/was not changed/);
    // Declined on a terminal: no hint to rerun with --yes.
    expect(no.output).not.toMatch(/hint:/);
    expect(plan()).toBe(before);
    const yes = inPty(['plan', 'update', 'plan2.md'], dir, [{ expect: question, send: `y${ENTER}` }]);
    expect(yes.code, yes.output).toBe(0);
    expect(plan()).not.toBe(before);
    expect(await statusOf(dir, 'query-cache-warmup')).toBe('todo');
  });

  it('a terminal gets colour by default, and NO_COLOR still turns it off', async () => {
    const dir = await workspace();
    const spec = (env: Record<string, string>) => {
      const base: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR'].includes(k)) base[k] = v;
      return JSON.stringify({ argv: [process.execPath, BIN, 'today', '--date', '2026-11-30'], cwd: dir, steps: [], timeout: 15, env: { ...base, TERM: 'xterm-256color', ...env } });
    };
    // The raw bytes matter here, so the driver's own stripping is undone by asking for the raw stream.
    const rawDriver = DRIVER.replace("'output': text()", "'output': raw.decode('utf-8', 'replace')");
    const coloured = JSON.parse(spawnSync(python, ['-c', rawDriver], { input: spec({}), encoding: 'utf8' }).stdout) as PtyResult;
    expect(coloured.code).toBe(0);
    expect(coloured.output).toMatch(/\u001b\[[0-9;]*m/);
    const plain = JSON.parse(spawnSync(python, ['-c', rawDriver], { input: spec({ NO_COLOR: '1' }), encoding: 'utf8' }).stdout) as PtyResult;
    expect(plain.code).toBe(0);
    expect(plain.output).not.toMatch(/\u001b\[[0-9;]*m/);
    expect(plain.output).toMatch(/✔|○/);
  });
});
