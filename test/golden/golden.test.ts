// Golden outputs: every case of docs/CASES.md and every read command on a seeded workspace, run
// in-process with a fixed clock, compared byte for byte with the files beside this test. They were
// recorded before the code was reorganised, so they prove that a move changed no output. Each read
// command also runs with its caches removed first and again with them warm: the answer must not
// depend on a cache.
//
// After an intended change of output: UPDATE_GOLDEN=1 npx vitest run test/golden, and review the diff.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launchIn, type Result, scratchDir } from '../support/in-process.js';
import { CASES, prepareCaseDir } from '../e2e/case-table.js';
import { READS, SEED_CLOCK, seedEvents } from './seed.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ENV = { TZ: 'UTC' };

/** whoami names the machine's OS user among its sources: the one part of an output a machine decides. */
const OS_USER = `the OS user ${userInfo().username}`;

function normalise(text: string, dir: string): string {
  return text
    .split(dir)
    .join('<dir>')
    .split(OS_USER)
    .join('the OS user <user>')
    .split(repoRoot.replace(/\/$/, ''))
    .join('<repo>')
    .replace(/\b[0-9a-f]{16}\b/g, '<id>');
}

function block(args: string[], r: Result, dir: string): string {
  const shown = args.map((a) => (/^[\w./:=@<>-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  return `$ launch ${normalise(shown, dir)}\n[exit ${r.code}]\n--- stdout\n${normalise(r.stdout, dir)}--- stderr\n${normalise(r.stderr, dir)}\n`;
}

function compare(name: string, actual: string): void {
  const file = join(repoRoot, 'test', 'golden', name);
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Plan and fold snapshots: removed to run a command "without caches". */
function dropCaches(dir: string): void {
  const ws = join(dir, '.launch');
  if (existsSync(ws)) for (const f of readdirSync(ws)) if (f.endsWith('.snapshot.json')) rmSync(join(ws, f));
}

async function seededWorkspace(): Promise<string> {
  const dir = scratchDir('launch-golden-');
  const init = await launchIn(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', '--holiday', '2026-12-25'], { cwd: dir, env: ENV, now: '2026-11-29T10:00:00Z' });
  expect(init.code, init.stderr).toBe(0);
  writeFileSync(join(dir, '.launch', 'events.jsonl'), seedEvents());
  for (const f of readdirSync(join(repoRoot, 'test', 'fixtures', 'plans'))) copyFileSync(join(repoRoot, 'test', 'fixtures', 'plans', f), join(dir, f));
  return dir;
}

describe('golden outputs', () => {
  it('the README cases, in order, in one directory', async () => {
    const dir = scratchDir('launch-golden-');
    prepareCaseDir(dir);
    let out = '';
    let minute = 0;
    for (const c of CASES) {
      // A minute between commands, so no two events share a time (ties would order by random id).
      const now = new Date(Date.UTC(2026, 11, 1, 9, minute++));
      const r = await launchIn(c.args, { cwd: dir, env: ENV, now });
      out += block(c.args, r, dir);
    }
    compare('cases.txt', out);
  }, 120_000);

  it('every read command on the seeded workspace, from cold caches and from warm ones', async () => {
    const dir = await seededWorkspace();
    let cold = '';
    for (const args of READS) {
      dropCaches(dir);
      cold += block(args, await launchIn(args, { cwd: dir, env: ENV, now: SEED_CLOCK }), dir);
    }
    let warm = '';
    for (const args of READS) warm += block(args, await launchIn(args, { cwd: dir, env: ENV, now: SEED_CLOCK }), dir);
    compare('reads.txt', cold);
    expect(warm).toBe(cold);
  }, 180_000);

  it('colour, as a terminal that asked for it sees it', async () => {
    const dir = await seededWorkspace();
    let out = '';
    for (const args of [['today', '--date', '2026-12-04'], ['kpis'], ['list', '--sprint', '1', '--week', '1'], ['status', '--date', '2026-12-04'], ['standup', '--date', '2026-12-02'], ['show', 'redis-setup'], ['log', '--limit', '4']]) {
      out += block(args, await launchIn(args, { cwd: dir, env: { ...ENV, FORCE_COLOR: '1' }, now: SEED_CLOCK }), dir);
    }
    compare('colour.txt', out);
  }, 60_000);

  it('help for every command', async () => {
    const dir = scratchDir('launch-golden-');
    const names = ['import', 'validate', 'today', 'status', 'kpis', 'kpi', 'kpi record', 'standup', 'escalate', 'sync', 'plan', 'plan update', 'init', 'whoami', 'check', 'uncheck', 'block', 'unblock', 'note', 'undo', 'list', 'show', 'log', 'doctor'];
    let out = block(['--help'], await launchIn(['--help'], { cwd: dir, env: ENV, now: SEED_CLOCK }), dir);
    for (const name of names) {
      const args = [...name.split(' '), '--help'];
      out += block(args, await launchIn(args, { cwd: dir, env: ENV, now: SEED_CLOCK }), dir);
    }
    compare('help.txt', out);
  }, 60_000);
});
