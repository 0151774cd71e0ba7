// A plan with no working day at all — no sprints or weeks (`# Empty plan`), or holidays on every one
// of its days — has no start, end or agenda. Every command must still work on it, in words and in
// JSON, before, during and after the dates it names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';
import { CheckJson } from '../../src/render/json/check.schema.js';
import { DoctorJson } from '../../src/render/json/doctor.schema.js';
import { EscalationsJson } from '../../src/render/json/escalate.schema.js';
import { ImportJson } from '../../src/render/json/import.schema.js';
import { KpisJson } from '../../src/render/json/kpis.schema.js';
import { ListJson } from '../../src/render/json/list.schema.js';
import { LogJson } from '../../src/render/json/log.schema.js';
import { ShowJson } from '../../src/render/json/show.schema.js';
import { StandupJson } from '../../src/render/json/standup.schema.js';
import { StatusJson } from '../../src/render/json/status.schema.js';
import { TodayJson } from '../../src/render/json/today.schema.js';
import { ValidateJson } from '../../src/render/json/validate.schema.js';

const launch = launcher('2026-12-02T09:00:00Z');

const EMPTY = '# Empty plan\n';
const ONE_WEEK = [
  '# Tiny plan',
  '',
  '## Sprint 1: Only (Week 1)',
  '',
  '### Week 1: First',
  '',
  '#### Monday - Friday: Work',
  '',
  '**Team**: Backend',
  '',
  '- [ ] Thing one',
  '- [ ] Thing two',
  '',
].join('\n');
/** Every working day of week 1 (Mon 30 Nov – Fri 4 Dec 2026). */
const WHOLE_WEEK = '2026-11-30,2026-12-01,2026-12-02,2026-12-03,2026-12-04';

async function workspace(markdown: string, holidays?: string): Promise<string> {
  const dir = scratchDir();
  writeFileSync(join(dir, 'plan.md'), markdown);
  const init = await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice', ...(holidays ? ['--holiday', holidays] : [])], dir);
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

/** Runs a command in words and in JSON: both succeed, without an internal error, the JSON in its shape. */
async function works(dir: string, args: string[], schema: z.ZodTypeAny): Promise<{ text: string; json: any }> {
  const what = args.join(' ');
  const text = await launch(args, dir);
  expect(text.stderr, what).not.toMatch(/internal error/);
  expect(text.code, `${what}\n${text.stderr}`).toBe(0);
  const json = await launch([...args, '--json'], dir);
  expect(json.stderr, `${what} --json`).not.toMatch(/internal error/);
  expect(json.code, `${what} --json\n${json.stderr}`).toBe(0);
  return { text: text.stdout, json: schema.parse(JSON.parse(json.stdout)) };
}

const READS: [string[], z.ZodTypeAny][] = [
  [['list'], ListJson],
  [['status'], StatusJson],
  [['standup'], StandupJson],
  [['kpis'], KpisJson],
  [['log'], LogJson],
  [['escalate'], EscalationsJson],
  [['doctor'], DoctorJson],
  [['validate', '.launch/plan.yaml'], ValidateJson],
  [['import', 'plan.md', '-o', 'out.yaml'], ImportJson],
];

const DATES = ['2026-11-01', '2026-12-02', '2027-03-01'];

describe('a plan with no working days', () => {
  it('"# Empty plan": today says there is nothing to schedule, before, during and after; every read command works', async () => {
    const dir = await workspace(EMPTY);
    for (const date of DATES) {
      const today = await works(dir, ['today', '--date', date], TodayJson);
      expect(today.text).toMatch(/The plan has no working days \(it has no weeks\): nothing is scheduled\./);
      expect(today.text).not.toMatch(/undefined/);
      expect(today.json.totalWorkingDays).toBe(0);
      await works(dir, ['status', '--date', date], StatusJson);
      await works(dir, ['standup', '--date', date], StandupJson);
    }
    for (const [args, schema] of READS) await works(dir, args, schema);
  });

  it('holidays on every working day: today says so, and every command, check and show included, works', async () => {
    const dir = await workspace(ONE_WEEK, WHOLE_WEEK);
    for (const date of DATES) {
      const today = await works(dir, ['today', '--date', date], TodayJson);
      expect(today.text).toMatch(/The plan has no working days \(holidays cover all of them\): nothing is scheduled\./);
      expect(today.text).not.toMatch(/undefined/);
      await works(dir, ['status', '--date', date], StatusJson);
      await works(dir, ['standup', '--date', date], StandupJson);
    }
    for (const [args, schema] of READS) await works(dir, args, schema);
    await works(dir, ['show', 'thing-one'], ShowJson);
    const check = await launch(['check', 'thing-one', '--json'], dir);
    expect(check.code, check.stderr).toBe(0);
    CheckJson.parse(JSON.parse(check.stdout));
    const after = await works(dir, ['today', '--date', '2027-03-01'], TodayJson);
    expect(after.text).toMatch(/1 item was never done/);
  });
});
