// A log damaged by hand or by a crash (a torn last line, a corrupt middle line): reads go on with a
// warning, writes refuse to build on garbage, and doctor --repair cleans it with a backup. Crashes and
// stale locks of real processes are in test/e2e/crash.test.ts.
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, launcher, logPath, statusWith, workspaceWith } from '../support/commands.js';
import { expectRecoverable } from '../support/recovery.js';

const launch = launcher('2026-12-01T09:00:00Z');

const workspace = (tz: string) => workspaceWith(launch, tz);
const statusOf = (dir: string, id: string) => statusWith(launch, dir, id);
const rawLines = (dir: string) => readFileSync(logPath(dir), 'utf8').split('\n').filter(Boolean);

describe('a damaged log', () => {
  it('a torn last line is skipped with a warning; list and check go on', async () => {
    const dir = await workspace('Europe/Berlin');
    await launch(['check', 'redis-setup'], dir);
    appendFileSync(logPath(dir), '{"v":1,"id":"abc","ts":"2026-');
    const list = await launch(['list', '--status', 'done'], dir);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/events\.jsonl:2/);
    expect(list.stdout).toMatch(/redis-setup/);
    expect((await launch(['check', 'session-security'], dir)).code).toBe(0);
    expect(await statusOf(dir, 'session-security')).toBe('done');
  });

  it('a corrupt middle line stops check without changing a byte; doctor reports, --repair fixes with a backup', async () => {
    const dir = await workspace('Europe/Berlin');
    await launch(['check', 'redis-setup'], dir);
    const log = logPath(dir);
    const [first] = eventsOf(dir);
    appendFileSync(log, `this is not json\n${JSON.stringify({ ...first, id: 'feedc0de00000001', item: 'session-security' })}\n`);
    const before = readFileSync(log);
    const check = await launch(['check', 'bundle-analysis'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/events\.jsonl:2/);
    expect(readFileSync(log).equals(before)).toBe(true);
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/events\.jsonl:2/);
    expect(readFileSync(log).equals(before)).toBe(true);
    const repair = await launch(['doctor', '--repair'], dir);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toMatch(/moved 1 line/);
    expect(readdirSync(join(dir, '.launch')).some((f) => f.startsWith('events.jsonl.bad-'))).toBe(true);
    expect((await launch(['check', 'bundle-analysis'], dir)).code).toBe(0);
    expect(eventsOf(dir)).toHaveLength(3);
  });

  it('a partial line written by hand: warned about, skipped, repaired with a backup', async () => {
    const dir = await workspace('UTC');
    expect((await launch(['check', 'redis-setup'], dir)).code).toBe(0);
    appendFileSync(logPath(dir), '{"v":1,"id":"0123456789abcdef","ts":"2026-12-01T09:00:00.000+00:00","actor":"bob","type":"check","item":"sess');
    const list = await launch(['list', '--json', '--status', 'done'], dir);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/^warning: .*events\.jsonl:2: skipped a torn line/m);
    expect(JSON.parse(list.stdout).items.map((i: { id: string }) => i.id)).toEqual(['redis-setup']);
    // The next append starts on a fresh line instead of gluing itself to the fragment.
    expect((await launch(['check', 'session-security'], dir)).code).toBe(0);
    expect(rawLines(dir)).toHaveLength(3);
    expect(JSON.parse(rawLines(dir)[2]!).item).toBe('session-security');
    await expectRecoverable(launch, dir);
    expect(rawLines(dir)).toHaveLength(2);
    const bad = readdirSync(join(dir, '.launch')).find((f) => f.startsWith('events.jsonl.bad-'))!;
    expect(readFileSync(join(dir, '.launch', bad), 'utf8')).toMatch(/"item":"sess\n$/);
  });

  it('two events with one id: every read takes the first and warns; doctor names both lines; --repair moves the second', async () => {
    const dir = await workspace('UTC');
    expect((await launch(['check', 'redis-setup', '--date', '2026-11-30'], dir)).code).toBe(0);
    const [first] = eventsOf(dir);
    // A hand edit reusing the id for another item, and the first line again (as a git union merge leaves it).
    appendFileSync(logPath(dir), `${JSON.stringify({ ...first, item: 'session-security' })}\n${JSON.stringify(first)}\n`);
    const warning = /^warning: .*events\.jsonl:2: skipped an event whose id line 1 already has, with other content/m;
    for (const args of [['list', '--json', '--status', 'done'], ['list', '--json', '--status', 'done']]) {
      const list = await launch(args, dir); // cold, then from the fold snapshot
      expect(list.code).toBe(0);
      expect(list.stderr).toMatch(warning);
      expect(list.stderr.match(/skipped an event/g)).toHaveLength(1); // the identical copy is no news
      expect(JSON.parse(list.stdout).items.map((i: { id: string }) => i.id)).toEqual(['redis-setup']);
    }
    const log = await launch(['log'], dir);
    expect(log.stderr).toMatch(warning);
    expect(log.stdout).not.toMatch(/session-security/);
    const standup = await launch(['standup', '--json'], dir);
    expect(JSON.parse(standup.stdout).yesterday.map((e: { item: string }) => e.item)).toEqual(['redis-setup']);
    // Not malformed: writes go on.
    expect((await launch(['check', 'bundle-analysis'], dir)).code).toBe(0);

    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/events\.jsonl:2: repeats the id of line 1 with different content/);
    const repair = await launch(['doctor', '--repair'], dir);
    expect(repair.stdout).toMatch(/moved 1 line/);
    expect(rawLines(dir).map((l) => JSON.parse(l).item)).toEqual(['redis-setup', 'redis-setup', 'bundle-analysis']);
    expect((await launch(['list'], dir)).stderr).toBe('');
    expect((await launch(['doctor'], dir)).code).toBe(0);
  });

  it('a line that is not UTF-8: reads skip it as malformed, doctor says so, --repair moves it', async () => {
    const dir = await workspace('UTC');
    expect((await launch(['check', 'redis-setup'], dir)).code).toBe(0);
    const [first] = eventsOf(dir);
    const utf8 = Buffer.from(`${JSON.stringify({ ...first, id: 'feedc0de00000001', type: 'note', text: 'café' })}\n`);
    const at = utf8.indexOf('é');
    const latin1 = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe9]), utf8.subarray(at + 2)]); // "café" as Latin-1
    writeFileSync(logPath(dir), Buffer.concat([readFileSync(logPath(dir)), latin1]));
    const show = await launch(['show', 'redis-setup'], dir);
    expect(show.stderr).toMatch(/events\.jsonl:2: not valid UTF-8/);
    expect(show.stdout).not.toMatch(/caf/);
    expect((await launch(['check', 'bundle-analysis'], dir)).code).toBe(1);
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/events\.jsonl:2: not valid UTF-8/);
    expect((await launch(['doctor', '--repair'], dir)).stdout).toMatch(/moved 1 line/);
    expect((await launch(['check', 'bundle-analysis'], dir)).code).toBe(0);
  });
});
