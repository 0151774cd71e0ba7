// Outside a workspace, read commands show the bundled plan and say so on stderr. They say it only when
// they really show it: not when they show a plan file instead (--plan), not before a usage error, and
// not from doctor, which has no workspace to check.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const NOTE = /No workspace: showing the bundled plan/;

function bare(): string {
  const dir = scratchDir();
  copyFileSync(join(repoRoot, 'test', 'fixtures', 'plans', 'release-checklist.md'), join(dir, 'release.md'));
  return dir;
}

describe('the bundled-plan note', () => {
  it('comes with what shows the bundled plan, on stderr before the output, JSON included', async () => {
    const dir = bare();
    for (const args of [['today'], ['list', '--json'], ['show', 'redis-setup'], ['kpis'], ['status'], ['log']]) {
      const r = await launch(args, dir);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(NOTE);
    }
  });

  it('is not said when list or show read a plan file given with --plan', async () => {
    const dir = bare();
    const list = await launch(['list', '--plan', 'release.md'], dir);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/p1-bugs-triaged/);
    expect(list.stderr).not.toMatch(NOTE);
    const show = await launch(['show', 'p1-bugs-triaged', '--plan', 'release.md', '--json'], dir);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stderr).not.toMatch(NOTE);
  });

  it('is not said before a usage error: only the error is printed', async () => {
    const dir = bare();
    const today = await launch(['today', '--date', '2026-13-40'], dir);
    expect(today.code).toBe(2);
    expect(today.stdout).toBe('');
    expect(today.stderr).toBe('error: --date: "2026-13-40" is not a date\nhint: use YYYY-MM-DD, today, yesterday or tomorrow\n');
    for (const args of [['status', '--date', 'someday'], ['kpis', '--week', 'x'], ['log', '--limit', '0'], ['list', '--week', '0']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^error: /);
      expect(r.stderr, args.join(' ')).not.toMatch(NOTE);
    }
  });

  it('is not said by doctor, which only says there is no workspace', async () => {
    const r = await launch(['doctor'], bare());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: no launch workspace here or in any parent directory/);
    expect(r.stderr).not.toMatch(NOTE);
  });
});
