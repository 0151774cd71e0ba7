// Names as people type them: an item or a KPI in unquoted words, free text in a flag, a typo answered
// with "did you mean", and every example in the README (and in docs/CASES.md, the exit codes by
// example) working exactly as it is written there.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES } from '../e2e/case-table.js';
import { SEED_CLOCK, seedEvents } from '../golden/seed.js';
import { repoRoot } from '../helpers.js';
import { ENV, eventsOf, initialised, launcher, logOf, statusWith, workspaceWith } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const workspace = () => workspaceWith(launch);
const statusOf = (dir: string, id: string) => statusWith(launch, dir, id);
const README = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const CASES_DOC = readFileSync(join(repoRoot, 'docs', 'CASES.md'), 'utf8');

/** A command line as a POSIX shell splits it: words, "double" and 'single' quotes, # comments. */
function shellWords(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (ch === '#' && word === undefined) break;
    else if (ch === '"' || ch === "'") {
      const end = line.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated quote: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** A case's regular expression as the README's table shows it: a newline as ⏎, pipes escaped. */
const shownRegex = (r: RegExp) => `/${r.source.replace(/\\n/g, ' ⏎ ')}/${r.flags}`.replace(/\|/g, '\\|');

/** The seeded workspace of the golden test: the bundled plan, its log and the fixture plans. */
async function seededWorkspace(): Promise<string> {
  const dir = await initialised(launch, ['--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', '--holiday', '2026-12-25']);
  writeFileSync(join(dir, '.launch', 'events.jsonl'), seedEvents());
  for (const f of readdirSync(join(repoRoot, 'test', 'fixtures', 'plans'))) copyFileSync(join(repoRoot, 'test', 'fixtures', 'plans', f), join(dir, f));
  return dir;
}

describe('the README, as typed', () => {
  it('splits command lines as a shell does', () => {
    expect(shellWords('launch block redis-setup --reason "waiting for DBA"   # a comment')).toEqual(['launch', 'block', 'redis-setup', '--reason', 'waiting for DBA']);
    expect(shellWords(`launch kpi record 'bundle size' 540KB`)).toEqual(['launch', 'kpi', 'record', 'bundle size', '540KB']);
    expect(shellWords('launch note a" b"c -m ""')).toEqual(['launch', 'note', 'a bc', '-m', '']);
    expect(shellWords('launch show skeleton loading setup')).toEqual(['launch', 'show', 'skeleton', 'loading', 'setup']);
  });

  it('the exit codes by example (docs/CASES.md) are the list of cases, each row the command as a shell would pass it', () => {
    const lines = CASES_DOC.split('\n');
    const start = lines.indexOf('| command | exit | checked |') + 2;
    const rows = lines.slice(start, lines.findIndex((l, i) => i >= start && !l.startsWith('|')));
    expect(rows).toHaveLength(CASES.length);
    expect(CASES_DOC).toContain(`<summary>${CASES.length} cases covering every command`);
    expect(README).toContain('(docs/CASES.md)');
    rows.forEach((row, i) => {
      const c = CASES[i]!;
      const [, command, code, checked] = /^\| `(.*)` \| (\d+) \| (.*) \|$/.exec(row) ?? [];
      expect(shellWords(command!.replace(/\\\|/g, '|')), row).toEqual(['launch', ...c.args]);
      expect(Number(code), row).toBe(c.code);
      const expected = c.out ? `stdout ${shownRegex(c.out)}` : c.err ? `stderr ${shownRegex(c.err)}` : c.json ? 'valid JSON' : '';
      expect(checked!.trim(), row).toBe(expected);
    });
  });

  it('its screen is the real output of `launch today` on the bundled plan, after the changes it names', async () => {
    const screen = /```\n\$ launch today --date 2026-12-01\n([\s\S]*?)```/.exec(README)?.[1];
    const dir = scratchDir();
    for (const args of [
      ['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice'],
      ['check', 'skeleton', 'loading', 'setup', '--date', '2026-11-30'],
      ['check', 'environment', 'setup', '--date', '2026-11-30', '--as', 'bob'],
      ['block', 'redis-setup', '--reason', 'waiting for DBA', '--as', 'bob'],
    ]) {
      const r = await launch(args, dir);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await launch(['today', '--date', '2026-12-01'], dir)).stdout).toBe(screen);
  });

  it('every `launch` line of its shell examples runs as written, in order, in one fresh directory', async () => {
    const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const commands = blocks.flatMap((b) => b.split('\n')).map(shellWords).filter((w) => w[0] === 'launch' || (w[0] === 'npx' && w[1] === 'launch'));
    expect(commands.map((w) => w.join(' '))).toContain('launch kpi record bundle size 540KB --week 1');
    const dir = scratchDir();
    for (const words of commands) {
      const args = words.slice(words.indexOf('launch') + 1);
      const r = await launch(args, dir);
      expect(r.code, `launch ${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    expect(eventsOf(dir).map((e) => [e.type, e.item ?? e.metric])).toEqual([
      ['check', 'skeleton-loading-setup'],
      ['block', 'redis-setup'],
      ['note', 'redis-setup'],
      ['kpi', 'bundle-size'],
    ]);
  });
});

describe('items and KPIs in unquoted words', () => {
  it('show takes the words of a title, quoted or not', async () => {
    const dir = await workspace();
    const words = await launch(['show', 'skeleton', 'loading', 'setup'], dir);
    expect(words.code, words.stderr).toBe(0);
    expect(words.stdout).toMatch(/id {7}skeleton-loading-setup/);
    expect((await launch(['show', 'skeleton loading setup'], dir)).stdout).toBe(words.stdout);
  });

  it('kpi record: the last word is the value, the words before it name the metric; quotes still work', async () => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', 'bundle', 'size', '540KB', '--week', '1'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Recorded Bundle Size = 540KB for week 1/);
    expect((await launch(['kpi', 'record', 'bundle size', '520KB', '--week', '1'], dir)).code).toBe(0);
    expect((await launch(['kpi', 'record', 'cache', 'hit', 'rate', '85%', '--week', '2'], dir)).code).toBe(0);
    expect(eventsOf(dir).map((e) => [e.metric, e.value])).toEqual([['bundle-size', '540KB'], ['bundle-size', '520KB'], ['cache-hit-rate', '85%']]);
  });

  it('kpi record with one word has no value: exit 2, nothing recorded', async () => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', '540KB'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/what value\?/);
    expect(logOf(dir)).toBe('');
  });

  it('escalate, block, unblock, check and uncheck take the words of a title', async () => {
    const dir = await workspace();
    const id = 'skeleton-loading-setup';
    const steps: [string[], string][] = [
      [['block', 'skeleton', 'loading', '--reason', 'designs late'], 'blocked'],
      [['unblock', 'skeleton', 'loading'], 'todo'],
      [['check', 'skeleton', 'loading'], 'done'],
      [['uncheck', 'skeleton', 'loading'], 'todo'],
    ];
    for (const [args, status] of steps) {
      const r = await launch(args, dir);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(await statusOf(dir, id)).toBe(status);
    }
    expect((await launch(['escalate', 'skeleton', 'loading', '--level', 'high', '--reason', 'designs late'], dir)).stdout).toMatch(/escalated skeleton-loading-setup/);
    expect((await launch(['escalate', '--resolve', 'skeleton', 'loading'], dir)).stdout).toMatch(/resolved the escalation on skeleton-loading-setup/);
    expect(eventsOf(dir).map((e) => [e.type, e.item, e.resolve ?? e.level ?? null])).toEqual([
      ['block', id, null],
      ['unblock', id, null],
      ['check', id, null],
      ['uncheck', id, null],
      ['escalate', id, 'high'],
      ['escalate', id, true],
    ]);
  });

  it('log --item takes the words of a title, up to the next flag', async () => {
    const dir = await workspace();
    await launch(['check', 'redis-setup'], dir);
    await launch(['check', 'skeleton', 'loading'], dir);
    const r = await launch(['log', '--item', 'skeleton', 'loading', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).events.map((e: { item: string }) => e.item)).toEqual(['skeleton-loading-setup']);
  });

  it('words that each name an item are several items; words that together name one are that one', async () => {
    const dir = await workspace();
    expect((await launch(['check', 'redis-setup', 'database-ind'], dir)).code).toBe(0);
    expect((await launch(['check', 'bundle', 'analysis'], dir)).code).toBe(0);
    expect(eventsOf(dir).map((e) => e.item)).toEqual(['redis-setup', 'database-index-creation', 'bundle-analysis']);
  });
});

describe('note: the item in words, the text in -m', () => {
  it('takes the item in words and the note in -m or --message', async () => {
    const dir = await workspace();
    expect((await launch(['note', 'skeleton', 'loading', '-m', 'all three in'], dir)).stdout).toBe('noted on skeleton-loading-setup: all three in\n');
    expect((await launch(['note', 'redis', 'setup', '--message', 'DBA replied'], dir)).stdout).toBe('noted on redis-setup: DBA replied\n');
    expect(eventsOf(dir).map((e) => [e.item, e.text])).toEqual([['skeleton-loading-setup', 'all three in'], ['redis-setup', 'DBA replied']]);
  });

  it('keeps the old form: an id or a unique id prefix first, then the note', async () => {
    const dir = await workspace();
    expect((await launch(['note', 'redis-setup', 'DBA', 'replied'], dir)).stdout).toBe('noted on redis-setup: DBA replied\n');
    expect((await launch(['note', 'database-ind', 'index', 'built'], dir)).stdout).toBe('noted on database-index-creation: index built\n');
    expect(eventsOf(dir).map((e) => [e.item, e.text])).toEqual([['redis-setup', 'DBA replied'], ['database-index-creation', 'index built']]);
  });

  it('without -m, words that are not one id and then a note are a usage error (exit 2) that records nothing', async () => {
    const dir = await workspace();
    for (const args of [
      ['note', 'redis', 'DBA', 'replied'], // "redis" starts three ids
      ['note', 'skeleton', 'loading', 'setup'], // the words name an item: the note is missing
      ['note', 'redis-setup'],
      ['note', 'redis-setup', '-m', '  '],
    ]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/what is the note\?/);
    }
    expect(logOf(dir)).toBe('');
  });
});

describe('an unknown name off a terminal: exit 1 with "did you mean"', () => {
  it('a typo in one word of a title suggests the items with that word (bundled plan, no workspace)', async () => {
    const r = await launch(['show', 'lighthose'], scratchDir());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no item matches "lighthose"; did you mean:\n {2}lighthouse-ci-setup +Lighthouse CI Setup\n {2}lighthouse-performance-score +Lighthouse performance score >90\n/);
  });

  it('on the seeded workspace, for items, a plan file and KPIs; nothing is recorded', async () => {
    const dir = await seededWorkspace();
    const before = logOf(dir);
    const at = (args: string[]) => launchIn(args, { cwd: dir, env: ENV, now: SEED_CLOCK });
    const check = await at(['check', 'conection', 'pool']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/no item matches "conection pool"; did you mean:\n {2}connection-pool-optimization .*\n {2}connection-pool-handling /);
    expect((await at(['show', 'changelg', '--plan', 'release-checklist.md'])).stderr).toMatch(/did you mean:\n {2}changelog-drafted/);
    const kpi = await at(['kpi', 'record', 'bundel', 'size', '540KB']);
    expect(kpi.code).toBe(1);
    expect(kpi.stderr).toMatch(/no KPI matches "bundel size"; did you mean:\n {2}bundle-size +Bundle Size\n/);
    expect((await at(['escalate', 'secuirty', 'audit', '--level', 'high', '--reason', 'x'])).stderr).toMatch(/did you mean:\n {2}security-hardening-audit/);
    expect(logOf(dir)).toBe(before);
  });

  it('lists at most five, the closest first, and no "and more" line', async () => {
    const dir = await workspace();
    const r = await launch(['show', 'securty'], dir);
    expect(r.code).toBe(1);
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(listed).toHaveLength(5);
    expect(listed.every((l) => /^ {2}security-/.test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/and \d+ more/);
  });

  it('several words with a typo are one mistyped name, unless one of them is an id', async () => {
    const dir = await workspace();
    const one = await launch(['check', 'skeleton', 'loadng'], dir);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/no item matches "skeleton loadng"; did you mean:\n {2}skeleton-loading-setup/);
    const two = await launch(['check', 'redis-setup', 'lighthose'], dir);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/no item matches "lighthose"; did you mean:\n {2}lighthouse-ci-setup/);
    expect(logOf(dir)).toBe('');
  });
});
