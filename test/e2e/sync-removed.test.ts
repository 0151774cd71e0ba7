// A teammate's commit that deletes lines of the log: the union merge takes the deletion like any other
// change, so the next sync used to drop the events and say "nothing new from teammates". Sync now names
// who removed how many (and which), keeps a git-ignored copy, and `doctor --repair` puts them back.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, run, statusIn, team } from './git-team.js';

const logFile = (dir: string) => join(dir, '.launch', 'events.jsonl');
const ids = (dir: string) => readFileSync(logFile(dir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string);
const backups = (dir: string) => readdirSync(join(dir, '.launch')).filter((f) => f.startsWith('events.jsonl.removed-'));

/** Bob's notes, as launch writes them: one line each. */
function notes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${(0x1000 + i).toString(16)}aaaabbbbcccc`;
    return JSON.stringify({ v: 1, id, ts: '2026-12-01T08:00:00.000+00:00', actor: 'bob', type: 'note', item: 'redis-setup', text: `note ${i}` });
  });
}

async function ok(dir: string, ...args: string[]) {
  const r = await run(dir, ...args);
  expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

describe('launch sync when a teammate deleted log lines', () => {
  it('names the commit, its author and the events, keeps a copy, and doctor --repair puts them back', async () => {
    const { alice, bob } = await team();
    const lines = notes(150);
    appendFileSync(logFile(bob), `${lines.join('\n')}\n`);
    await ok(bob, 'check', 'database-index-creation');
    await ok(bob, 'sync');
    await ok(alice, 'sync');
    expect(ids(alice)).toHaveLength(151);

    // Bob removes his 150 notes by hand, and pushes with git.
    const kept = readFileSync(logFile(bob), 'utf8').split('\n').filter((l) => l !== '' && !lines.includes(l));
    writeFileSync(logFile(bob), `${kept.join('\n')}\n`);
    git(bob, 'commit', '-q', '-am', 'Clean up the log');
    git(bob, 'push', '-q');
    const short = git(bob, 'rev-parse', '--short', 'HEAD').trim();

    await ok(alice, 'check', 'redis-setup');
    const r = await ok(alice, 'sync');
    const first = JSON.parse(lines[0]!).id;
    expect(r.stderr).toMatch(new RegExp(`warning: bob's commit ${short} removed 150 events \\(${first}, [0-9a-f, ]+, … and 145 more\\); a copy is kept in \\.launch/events\\.jsonl\\.removed-\\d{8}-\\d{6}: \`launch doctor --repair\` puts them back`));
    expect(r.stdout).not.toMatch(/nothing new from teammates/);
    expect(r.stdout).toMatch(new RegExp(`From origin/main:\\n {2}\\S+ bob's commit ${short} removed 150 events \\(kept in \\.launch/events\\.jsonl\\.removed-`));
    expect(ids(alice)).toHaveLength(2);
    // The copy: the 150 events, as the log had them, git-ignored.
    const [backup] = backups(alice);
    expect(readFileSync(join(alice, '.launch', backup!), 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(git(alice, 'status', '--porcelain')).toBe('');

    const doctor = await ok(alice, 'doctor');
    expect(doctor.stderr).toMatch(/150 events a teammate's commit removed from the log are kept in \.launch\/events\.jsonl\.removed-\S+: `launch doctor --repair` puts them back/);
    const repair = await ok(alice, 'doctor', '--repair');
    expect(repair.stderr).toMatch(/put back 150 events a teammate's commit had removed/);
    expect(ids(alice)).toHaveLength(152);
    expect(backups(alice)).toEqual([]);
    expect((await ok(alice, 'doctor')).stderr).not.toMatch(/removed/);
    // The next sync shares them again; Bob's clone has them back.
    await ok(alice, 'sync');
    await ok(bob, 'sync');
    expect(new Set(ids(bob))).toEqual(new Set(ids(alice)));
    expect(await statusIn(bob, 'redis-setup')).toBe('done');
  });

  it('says the same in --json', async () => {
    const { alice, bob } = await team();
    const lines = notes(3);
    appendFileSync(logFile(bob), `${lines.join('\n')}\n`);
    await ok(bob, 'sync');
    await ok(alice, 'sync');
    writeFileSync(logFile(bob), '');
    git(bob, 'commit', '-q', '-am', 'Empty the log');
    git(bob, 'push', '-q');
    const short = git(bob, 'rev-parse', '--short', 'HEAD').trim();
    const j = JSON.parse((await ok(alice, 'sync', '--json')).stdout);
    expect(j.removed).toEqual([{ commit: short, author: 'bob', count: 3, ids: lines.map((l) => JSON.parse(l).id) }]);
    expect(j.backups).toHaveLength(1);
    expect(existsSync(join(alice, j.backups[0]))).toBe(true);
    expect(j.pulled).toEqual([]);
  });
});
