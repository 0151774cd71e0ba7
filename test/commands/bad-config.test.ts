// A config.yaml edited by hand into a date that does not exist (2026-02-30), one outside the range
// launch works in (0000-01-01) or a month 13: every command stops with the file, the line and what is
// expected (exit 1), never an internal error; doctor still checks the plan and the log and says what
// to fix.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcher, logOf, workspaceWith } from '../support/commands.js';
import { DoctorJson } from '../../src/render/json/doctor.schema.js';

const launch = launcher('2026-12-01T09:00:00Z');

const configPath = (dir: string) => join(dir, '.launch', 'config.yaml');

/** A workspace whose config.yaml has `key: value` in place of the line `init` wrote for it. */
async function withConfig(edit: (text: string) => string): Promise<{ dir: string; line: number }> {
  const dir = await workspaceWith(launch, 'UTC');
  expect((await launch(['check', 'redis-setup'], dir)).code).toBe(0);
  const text = edit(readFileSync(configPath(dir), 'utf8'));
  writeFileSync(configPath(dir), text);
  const line = text.split('\n').findIndex((l) => l.includes('BAD')) + 1;
  writeFileSync(configPath(dir), text.replace(' # BAD', ''));
  return { dir, line };
}

const badStart = (value: string) => (t: string) => t.replace(/^start: .*$/m, `start: "${value}" # BAD`);
const badHoliday = (value: string) => (t: string) => t.replace(/^holidays: \[\]$/m, `holidays:\n  - "2026-12-25"\n  - "${value}" # BAD`);

const COMMANDS = [
  ['today'],
  ['list'],
  ['show', 'redis-setup'],
  ['status'],
  ['standup'],
  ['kpis'],
  ['log'],
  ['escalate'],
  ['check', 'session-security'],
  ['note', 'redis-setup', '-m', 'hi'],
  ['whoami'],
  ['today', '--json'],
];

const CASES: [string, (t: string) => string, string, RegExp][] = [
  ['start: 2026-02-30', badStart('2026-02-30'), 'start', /"2026-02-30" is not a calendar date; expected one as YYYY-MM-DD/],
  ['start: 0000-01-01', badStart('0000-01-01'), 'start', /"0000-01-01" is out of range; expected a date from 1970-01-01 to 2999-12-31/],
  ['start: 2026-13-01', badStart('2026-13-01'), 'start', /"2026-13-01" is not a calendar date/],
  ['a holiday 2026-02-30', badHoliday('2026-02-30'), 'holidays.1', /"2026-02-30" is not a calendar date/],
  ['a holiday 0000-01-01', badHoliday('0000-01-01'), 'holidays.1', /"0000-01-01" is out of range/],
  ['a holiday 2026-13-01', badHoliday('2026-13-01'), 'holidays.1', /"2026-13-01" is not a calendar date/],
];

describe('an invalid date in config.yaml', () => {
  for (const [name, edit, key, expected] of CASES) {
    it(`${name}: every command names config.yaml:line (exit 1); doctor checks the rest and says what to fix`, async () => {
      const { dir, line } = await withConfig(edit);
      const log = logOf(dir);
      const where = `${configPath(dir)}:${line}: ${key}: `;
      for (const args of COMMANDS) {
        const r = await launch(args, dir);
        const what = args.join(' ');
        expect(r.stderr, what).not.toMatch(/internal error/);
        // With --json the error is one line of JSON on stderr, saying the same.
        const said = args.includes('--json') ? `error: ${JSON.parse(r.stderr).error.message}` : r.stderr;
        expect(said.startsWith(`error: ${where}`), `${what}\n${r.stderr}`).toBe(true);
        expect(said, what).toMatch(expected);
        expect(r.code, what).toBe(1);
        expect(r.stdout, what).toBe('');
      }
      expect(logOf(dir)).toBe(log);

      const doctor = await launch(['doctor'], dir);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/✔ plan plan\.yaml: \d+ items, valid/);
      expect(doctor.stdout).toContain(`✖ config config.yaml:${line}: ${key}: `);
      expect(doctor.stdout).toMatch(expected);
      expect(doctor.stdout).toMatch(/✔ log events\.jsonl: 1 event on 1 line\b/);
      expect(doctor.stderr).toBe(`error: config.yaml needs fixing (line ${line})\n`);
      const json = await launch(['doctor', '--json'], dir);
      expect(json.code).toBe(1);
      const parsed = DoctorJson.parse(JSON.parse(json.stdout));
      expect(parsed.config).toMatchObject({ path: configPath(dir), ok: false, problem: { line } });
      expect(parsed.log.ok).toBe(true);
    });
  }

  it('doctor --repair still repairs the log, and says both', async () => {
    const { dir, line } = await withConfig(badStart('2026-02-30'));
    appendFileSync(join(dir, '.launch', 'events.jsonl'), 'not json\n');
    const r = await launch(['doctor', '--repair'], dir);
    expect(r.stdout).toMatch(/Repaired: moved 1 line\b/);
    expect(r.stderr.endsWith(`error: config.yaml needs fixing (line ${line})\n`), r.stderr).toBe(true);
    expect(r.code).toBe(1);
    const plain = await launch(['doctor'], dir);
    expect(plain.stdout).toMatch(/✔ log events\.jsonl/);
  });

  it('an unknown time zone is named with its line too, and doctor still runs', async () => {
    const { dir, line } = await withConfig((t) => t.replace(/^timeZone: .*$/m, 'timeZone: Nowhere/Atlantis # BAD'));
    const r = await launch(['today'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: .*config\\.yaml:${line}: timeZone: "Nowhere/Atlantis" is not an IANA time zone`));
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`✖ config config.yaml:${line}: timeZone: "Nowhere/Atlantis"`);
  });

  it('a good config after a bad one: the next run believes nothing cached from the bad one', async () => {
    const { dir } = await withConfig(badStart('2026-02-30'));
    expect((await launch(['today'], dir)).code).toBe(1);
    writeFileSync(configPath(dir), readFileSync(configPath(dir), 'utf8').replace('2026-02-30', '2026-11-30'));
    const r = await launch(['today', '--date', '2026-12-01'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Tue 1 Dec 2026 · Sprint 1/);
  });
});
