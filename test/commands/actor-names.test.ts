// A person's name enters from --as, LAUNCH_ACTOR, .launch/actor, config.yaml, git's user.name or the
// OS user, and goes into every event and into sync's commit messages. A name that spans lines (a
// forged commit trailer), holds hidden characters or runs past 64 characters is refused wherever it
// enters: --as as a usage error naming the flag, the others naming where the name was found.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, eventsOf, launcher, logOf, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const FORGED = 'eve\n\nSigned-off-by: Linus Torvalds <torvalds@linux-foundation.org>';
const GIT = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** Every command that takes --as, with arguments that would otherwise succeed. */
const WRITES: string[][] = [
  ['check', 'redis-setup'],
  ['uncheck', 'redis-setup'],
  ['block', 'redis-setup', '--reason', 'waiting'],
  ['unblock', 'redis-setup'],
  ['note', 'redis-setup', 'looks fine'],
  ['kpi', 'record', 'bundle size', '540KB'],
  ['escalate', 'redis-setup', '--level', 'high', '--reason', 'blocks caching'],
  ['standup', '--answer', '--yesterday', 'a', '--today', 'b', '--blockers', 'none'],
  ['undo'],
  ['sync'],
  ['whoami'],
];

describe('actor names', () => {
  it('--as on every command: a usage error naming the flag, before anything is opened or written', async () => {
    const dir = await workspaceWith(launch);
    expect((await launch(['check', 'database-index-creation'], dir)).code).toBe(0);
    const before = logOf(dir);
    for (const args of WRITES) {
      for (const bad of [FORGED, 'x'.repeat(65), 'bo\u202eb', '', '  ']) {
        const r = await launch([...args, '--as', bad], dir);
        expect(r.code, `${args[0]} --as ${JSON.stringify(bad)}\n${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/^error: --as: the name "[^\n]*" (spans more than one line|is 65 characters long \(at most 64\)|holds an invisible or text-direction character \(U\+202E\)|is empty)\n/);
        expect(r.stderr).toMatch(/hint: a name is 1 to 64 printable characters on one line/);
      }
    }
    expect(logOf(dir)).toBe(before);
    // A good name, trimmed, is what is recorded.
    expect((await launch(['check', 'redis-setup', '--as', '  Zoë Ngata  '], dir)).code).toBe(0);
    expect(eventsOf(dir).at(-1).actor).toBe('Zoë Ngata');
  });

  it('init --as: a 300-character name is refused before the workspace is made or joined', async () => {
    const dir = scratchDir();
    const r = await launch(['init', '--start', '2026-11-30', '--as', 'n'.repeat(300)], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as: the name "n{40}…" is 300 characters long \(at most 64\)/);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
    const ws = await workspaceWith(launch);
    expect((await launch(['init', '--as', FORGED], ws)).code).toBe(2);
    expect((await launch(['whoami', '--json'], ws)).stdout).toMatch(/"actor": "alice"/);
  });

  it('LAUNCH_ACTOR and .launch/actor: refused with where the name came from, nothing recorded', async () => {
    const dir = await workspaceWith(launch);
    const env = { ...ENV, LAUNCH_ACTOR: FORGED };
    const r = await launch(['check', 'redis-setup'], dir, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: the name in the LAUNCH_ACTOR environment variable, "eve\\n\\nSigned-off-by: Linus Torvalds <torv…" spans more than one line/);
    expect(r.stderr).toMatch(/hint: .*set LAUNCH_ACTOR to one, or unset it/);
    expect((await launch(['whoami'], dir, env)).code).toBe(1);

    writeFileSync(join(dir, '.launch', 'actor'), `${'a'.repeat(100)}\n`);
    const local = await launch(['check', 'redis-setup'], dir);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/\.launch\/actor:1: the name "a{40}…" is 100 characters long \(at most 64\)/);
    expect(local.stderr).toMatch(/hint: .*launch init --as <name>/);
    expect(logOf(dir)).toBe('');
    // Reading needs no name.
    expect((await launch(['today'], dir)).code).toBe(0);
  });

  it("config.yaml's actor: writes name file:line, reads still work, and doctor says what to fix", async () => {
    const dir = await workspaceWith(launch);
    writeFileSync(join(dir, '.launch', 'actor'), '');
    appendFileSync(join(dir, '.launch', 'config.yaml'), 'actor: "bo\\u200Bb"\n');
    const r = await launch(['check', 'redis-setup'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/config\.yaml:\d+: actor: the name "bo\\u\{200B\}b" holds an invisible or text-direction character \(U\+200B\)/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(logOf(dir)).toBe('');
    expect((await launch(['today'], dir)).code).toBe(0);
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/events\.jsonl/); // the rest of the check ran
    expect(doctor.stderr).toMatch(/warning: .*config\.yaml:\d+: actor: the name "bo\\u\{200B\}b" holds/);
    expect(doctor.stderr).toMatch(/error: 1 name setting above would make every write fail/);
    // --as still lets a write through, since it decides before config.yaml is asked.
    expect((await launch(['check', 'redis-setup', '--as', 'bob'], dir)).code).toBe(0);
  });

  it("git's user.name: refused, with how to give launch a name of its own", async () => {
    const dir = scratchDir();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['config', 'user.name', 'Gita\u202e'], { cwd: dir });
    const env = { ...ENV, ...GIT, PATH: process.env.PATH! };
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC'], dir, env)).code).toBe(0);
    const r = await launch(['check', 'redis-setup'], dir, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/git's user\.name "Gita\\u\{202E\}" holds an invisible or text-direction character \(U\+202E\), so it cannot name you in the log/);
    expect(r.stderr).toMatch(/hint: give launch a name of your own: launch init --as <name>/);
    expect((await launch(['init', '--as', 'gita'], dir, env)).code).toBe(0);
    expect((await launch(['check', 'redis-setup'], dir, env)).code).toBe(0);
    expect(eventsOf(dir).at(-1).actor).toBe('gita');
  });
});
