// Every command's `--json` output, run in-process, parsed with its schema from src/render/json/: a
// field added, renamed, retyped or dropped fails here. Each output is also checked the other way: the
// same output with an unexpected key added to any of its objects (events from the log excepted, which
// are open-ended by design) must fail, so that a schema cannot silently become too loose. Finally every
// JSON output recorded in the golden files is parsed with its schema too.
import { appendFileSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repoRoot } from '../helpers.js';
import { initialised } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';
import { SEED_CLOCK, seedEvents } from '../golden/seed.js';
import { GIT_ENV, team } from '../e2e/git-team.js';
import { BlockJson } from '../../src/render/json/block.schema.js';
import { CheckJson } from '../../src/render/json/check.schema.js';
import { DoctorJson } from '../../src/render/json/doctor.schema.js';
import { EscalateJson, EscalateResolveJson, EscalationsJson } from '../../src/render/json/escalate.schema.js';
import { ImportJson } from '../../src/render/json/import.schema.js';
import { InitJson } from '../../src/render/json/init.schema.js';
import { KpiRecordJson } from '../../src/render/json/kpi-record.schema.js';
import { KpisGateJson, KpisJson } from '../../src/render/json/kpis.schema.js';
import { ListJson } from '../../src/render/json/list.schema.js';
import { LogJson } from '../../src/render/json/log.schema.js';
import { NoteJson } from '../../src/render/json/note.schema.js';
import { AssignJson } from '../../src/render/json/assign.schema.js';
import { PlanUpdateJson } from '../../src/render/json/plan-update.schema.js';
import { ShowKpiJson } from '../../src/render/json/show-kpi.schema.js';
import { ShowJson } from '../../src/render/json/show.schema.js';
import { StandupAnswerJson, StandupJson } from '../../src/render/json/standup.schema.js';
import { StatusJson } from '../../src/render/json/status.schema.js';
import { SyncJson } from '../../src/render/json/sync.schema.js';
import { TodayJson } from '../../src/render/json/today.schema.js';
import { UnblockJson } from '../../src/render/json/unblock.schema.js';
import { UncheckJson } from '../../src/render/json/uncheck.schema.js';
import { UndoJson } from '../../src/render/json/undo.schema.js';
import { ValidateJson } from '../../src/render/json/validate.schema.js';
import { WhoamiJson } from '../../src/render/json/whoami.schema.js';

const ENV = { TZ: 'UTC' };
/** Friday of week 2 in Berlin: a working day after the seeded log, so writes land after it. */
const WRITE_CLOCK = '2026-12-11T10:00:00Z';

// ---------------------------------------------------------------------------------------------------
// Running and checking

/** Objects whose extra keys are allowed: events as the log holds them, their measurements, and maps. */
const OPEN = [
  /^(events|history)\[\d+\]/, // log and show: events from the log, whatever fields other tools added
  /^undone(\.|$)/, // undo: the cancelled event, as the log holds it
  /^(state|measured\[\d+\])\.values\[\d+\]$/, // measurements copied from a logged check event
  /\.answers$/, // question → answer
  /^pulled\[\d+\]\.counts$/, // event type → count
];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Paths of the objects inside `value` (of arrays, the first and the last element). */
function objectPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    const picks = value.length > 1 ? [0, value.length - 1] : value.length === 1 ? [0] : [];
    return picks.flatMap((i) => objectPaths(value[i], `${path}[${i}]`));
  }
  if (!isObject(value)) return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, path ? `${path}.${k}` : k))];
}

function withExtraKey(value: unknown, path: string): unknown {
  const copy = structuredClone(value);
  const target = path === '' ? copy : path.split(/\.|(?=\[)/).reduce<unknown>((at, step) => {
    const index = /^\[(\d+)\]$/.exec(step);
    return index ? (at as unknown[])[Number(index[1])] : (at as Record<string, unknown>)[step];
  }, copy);
  (target as Record<string, unknown>).unexpectedKey = 1;
  return copy;
}

/** Parses with the schema (any mismatch fails) and checks that no object in it accepts a stray key. */
function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: the output does not match its schema\n${z.prettifyError(parsed.error)}`);
  for (const path of objectPaths(value)) {
    if (OPEN.some((re) => re.test(path))) continue;
    expect(schema.safeParse(withExtraKey(value, path)).success, `${what}: an extra key at "${path || '(top)'}" was accepted`).toBe(false);
  }
  return parsed.data;
}

interface RunOptions {
  cwd: string;
  now?: string;
  env?: Record<string, string | undefined>;
  /** The exit code the command must end with (0 unless said). */
  code?: number;
}

/** Runs `launch <args> --json` in-process and parses stdout with the schema. */
async function json<S extends z.ZodType>(schema: S, args: string[], opts: RunOptions): Promise<z.infer<S>> {
  const r = await launchIn([...args, '--json'], { cwd: opts.cwd, env: opts.env ?? ENV, now: opts.now ?? SEED_CLOCK });
  const what = `launch ${args.join(' ')} --json`;
  expect(r.code, `${what}\n${r.stderr}`).toBe(opts.code ?? 0);
  expect(r.stdout.trimStart().startsWith('{'), `${what}: no JSON on stdout\n${r.stderr}`).toBe(true);
  return check(schema, JSON.parse(r.stdout), what);
}

// ---------------------------------------------------------------------------------------------------
// Workspaces

/** The golden test's seeded workspace: the bundled plan from 2026-11-30 in Berlin, the seeded log, the fixture plans. */
async function seeded(): Promise<string> {
  const initAt = (args: string[], cwd: string) => launchIn(args, { cwd, env: ENV, now: '2026-11-29T10:00:00Z' });
  const dir = await initialised(initAt, ['--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', '--holiday', '2026-12-25']);
  writeFileSync(join(dir, '.launch', 'events.jsonl'), seedEvents());
  const plans = join(repoRoot, 'test', 'fixtures', 'plans');
  for (const f of readdirSync(plans)) copyFileSync(join(plans, f), join(dir, f));
  return dir;
}

/** A small Markdown plan: two blocks of checklist items, one with a sub-item. */
const smallPlan = (backend: string[], frontend: string[]) => `# Team Plan

## Week 1: Build

### Monday - Wednesday: Backend
${backend.map((t) => `- [ ] ${t}`).join('\n')}

### Thursday - Friday: Frontend
${frontend.map((t) => `- [ ] ${t}`).join('\n')}
`;

// ---------------------------------------------------------------------------------------------------

describe('JSON output schemas: read commands on the seeded workspace', () => {
  it('today: before the start, during, on a weekend, on a holiday, after the end, without a workspace', async () => {
    const dir = await seeded();
    const now = await json(TodayJson, ['today'], { cwd: dir });
    expect(now).toMatchObject({ date: '2026-12-04', phase: 'during', workingDay: true, workspace: true });
    expect(now.checkpoint.length).toBeGreaterThan(0);
    expect(now.blocked.length).toBeGreaterThan(0);
    expect(now.escalations.some((e) => e.item === null)).toBe(true);

    const before = await json(TodayJson, ['today', '--date', '2026-11-27'], { cwd: dir });
    expect(before).toMatchObject({ phase: 'before', workingDay: false, sprint: null, week: null, dayOfPlan: null, onTrack: null });
    expect(before.next?.items.length).toBeGreaterThan(0);

    const during = await json(TodayJson, ['today', '--date', '2026-12-04'], { cwd: dir });
    expect(during).toMatchObject({ phase: 'during', weekday: 'Friday', week: 1, next: null });
    expect(during.onTrack?.late.length).toBeGreaterThan(0);
    expect(during.overdue.length).toBeGreaterThan(0);

    const weekend = await json(TodayJson, ['today', '--date', '2026-12-05'], { cwd: dir });
    expect(weekend).toMatchObject({ phase: 'during', workingDay: false, holiday: false, weekday: 'Saturday', dayOfPlan: null });
    expect(weekend.next?.date).toBe('2026-12-07');

    const holiday = await json(TodayJson, ['today', '--date', '2026-12-25'], { cwd: dir });
    expect(holiday).toMatchObject({ workingDay: false, holiday: true });

    const after = await json(TodayJson, ['today', '--date', '2027-02-15'], { cwd: dir });
    expect(after).toMatchObject({ phase: 'after', workingDay: false, sprint: null, week: null, next: null });

    const team = await json(TodayJson, ['today', '--date', '2026-12-01', '--team', 'backend', '--all'], { cwd: dir });
    expect(team.items.every((i) => i.team?.toLowerCase().includes('backend'))).toBe(true);
    await json(TodayJson, ['today', '--date', '2026-12-03', '--team', 'nobody'], { cwd: dir });

    const bare = await json(TodayJson, ['today', '--date', '2026-12-01'], { cwd: scratchDir('launch-json-bare-') });
    expect(bare.workspace).toBe(false);
  }, 60_000);

  it('status, kpis (with and without --gate), standup, escalate', async () => {
    const dir = await seeded();
    await json(StatusJson, ['status'], { cwd: dir });
    const during = await json(StatusJson, ['status', '--date', '2026-12-01'], { cwd: dir });
    expect(during.sprints.some((s) => s.onTrack !== null)).toBe(true);
    expect(during.burndown.points.some((p) => p.remaining === null)).toBe(true);
    await json(StatusJson, ['status', '--date', '2027-02-15'], { cwd: dir });

    const kpis = await json(KpisJson, ['kpis'], { cwd: dir });
    expect(kpis.measured.length).toBeGreaterThan(0);
    expect(new Set(kpis.kpis.map((k) => typeof k.week))).toEqual(new Set(['number', 'string']));
    await json(KpisJson, ['kpis', '--sprint', '1'], { cwd: dir });
    await json(KpisJson, ['kpis', '--week', '2', '--date', '2026-12-01'], { cwd: dir });
    // Without --gate there is no "gate" key; with it there is one, printed also when the gate fails.
    expect(KpisJson.safeParse({ ...kpis, gate: { passed: true, missed: [] } }).success).toBe(false);
    const passed = await json(KpisGateJson, ['kpis', '--gate', '--date', '2026-12-02'], { cwd: dir });
    expect(passed.gate.passed).toBe(true);
    const failed = await json(KpisGateJson, ['kpis', '--gate', '--date', '2026-12-11'], { cwd: dir, code: 1 });
    expect(failed.gate).toMatchObject({ passed: false });
    expect(failed.gate.missed.length).toBeGreaterThan(0);
    expect(KpisGateJson.safeParse(kpis).success).toBe(false);

    const friday = await json(StandupJson, ['standup', '--date', '2026-12-04'], { cwd: dir });
    expect(friday.answers.length).toBeGreaterThan(0);
    expect(friday.weeklyReview.length).toBeGreaterThan(0);
    expect(friday.blockers.length).toBeGreaterThan(0);
    const wednesday = await json(StandupJson, ['standup', '--date', '2026-12-02'], { cwd: dir });
    expect(wednesday.yesterday.some((y) => y.item === null)).toBe(true); // a KPI value has no item
    await json(StandupJson, ['standup', '--date', '2026-12-02', '--actor', 'alice'], { cwd: dir });
    await json(StandupJson, ['standup', '--date', '2026-12-02', '--team', 'frontend'], { cwd: dir });
    await json(StandupJson, ['standup', '--date', '2026-12-07'], { cwd: dir });
    await json(StandupJson, ['standup'], { cwd: dir });

    const escalations = await json(EscalationsJson, ['escalate'], { cwd: dir });
    expect(escalations.open.some((e) => e.key === '' && e.item === undefined)).toBe(true);
    expect(escalations.candidates.length).toBeGreaterThan(0);
  }, 60_000);

  it('list, show, log, doctor, validate', async () => {
    const dir = await seeded();
    const all = await json(ListJson, ['list'], { cwd: dir });
    expect(new Set(all.items.map((i) => i.status))).toEqual(new Set(['todo', 'done', 'blocked']));
    await json(ListJson, ['list', '--status', 'done'], { cwd: dir });
    await json(ListJson, ['list', '--sprint', '1', '--week', '2', '--kind', 'check'], { cwd: dir });
    await json(ListJson, ['list', '--plan', 'roadmap.md'], { cwd: dir });
    await json(ListJson, ['list', '--plan', 'release-checklist.md'], { cwd: dir });
    expect((await json(ListJson, ['list', '--team', 'nobody'], { cwd: dir })).items).toEqual([]);

    const redis = await json(ShowJson, ['show', 'redis-setup'], { cwd: dir });
    expect(redis.state).toMatchObject({ status: 'blocked', reason: 'waiting for DBA' });
    expect(redis.state?.notes.length).toBeGreaterThan(0);
    const vitals = await json(ShowJson, ['show', 'core web vitals'], { cwd: dir });
    expect(vitals.item.thresholds.length).toBeGreaterThan(0);
    expect(vitals.state?.values.length).toBeGreaterThan(0);
    const mfa = await json(ShowJson, ['show', 'mfa-backend-implementation'], { cwd: dir });
    expect(mfa.history.some((e) => e.undone)).toBe(true);
    const standup = await json(ShowJson, ['show', 'team-standup'], { cwd: dir });
    expect(standup).toMatchObject({ item: { detail: expect.any(String) }, state: null, history: [] });
    await json(ShowJson, ['show', 'bundle-analysis'], { cwd: dir });
    await json(ShowJson, ['show', 'all-p1-bugs', '--plan', 'release-checklist.md'], { cwd: dir });

    const log = await json(LogJson, ['log'], { cwd: dir });
    expect(log.events.some((e) => e.type === 'estimate')).toBe(true); // a type this version does not know
    expect(log.events.some((e) => 'recorded' in e)).toBe(true);
    await json(LogJson, ['log', '--actor', 'bob'], { cwd: dir });
    await json(LogJson, ['log', '--item', 'redis-setup', '--limit', '3'], { cwd: dir });
    await json(LogJson, ['log', '--since', '2026-12-02'], { cwd: dir });

    const doctor = await json(DoctorJson, ['doctor'], { cwd: dir });
    expect(doctor).toMatchObject({ log: { ok: true }, repair: null });
    expect(doctor.log.duplicates.length + doctor.log.unknownTypes.length).toBeGreaterThan(0);

    await json(ValidateJson, ['validate', '.launch/plan.yaml'], { cwd: dir });
    const md = await json(ValidateJson, ['validate', 'release-checklist.md'], { cwd: dir });
    expect(md.warnings.length).toBeGreaterThan(0);
    await json(ValidateJson, ['validate', 'go-live.md'], { cwd: dir });
    // An invalid plan: the JSON is printed, and the command exits 1.
    writeFileSync(join(dir, 'bad.yaml'), 'schema: 2\n');
    const bad = await json(ValidateJson, ['validate', 'bad.yaml'], { cwd: dir, code: 1 });
    expect(bad.valid).toBe(false);
    expect(bad.counts).toBeUndefined();
    writeFileSync(join(dir, 'broken.yaml'), 'schema: 1\nid: [\n');
    expect((await json(ValidateJson, ['validate', 'broken.yaml'], { cwd: dir, code: 1 })).problems.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('JSON output schemas: write commands', () => {
  it('check, uncheck, block, unblock, note, undo', async () => {
    const dir = await seeded();
    const opts = { cwd: dir, now: WRITE_CLOCK };
    const checked = await json(CheckJson, ['check', 'skeleton-components-implemented', '--note', 'all tables'], opts);
    expect(checked).toMatchObject({ recorded: [{ type: 'check', item: 'skeleton-components-implemented', note: 'all tables' }], unchanged: [] });
    const again = await json(CheckJson, ['check', 'skeleton-loading-setup'], opts);
    expect(again).toMatchObject({ recorded: [], unchanged: [{ id: 'skeleton-loading-setup', status: 'done' }] });
    const backdated = await json(CheckJson, ['check', 'bundle-analysis', '--date', '2026-12-10'], opts);
    expect(backdated.recorded[0]?.recorded).toBeDefined();
    const measured = await json(CheckJson, ['check', 'initial-bundle', '--value', '520KB', '--force'], opts);
    expect(measured.recorded[0]).toMatchObject({ values: [{ text: '520KB', status: 'missed' }], missed: true });
    const labelled = await json(CheckJson, ['check', 'core-web-vitals', '--value', 'LCP=2.0s'], opts);
    expect(labelled.recorded[0]?.values?.[0]?.label).toBe('LCP');

    const unchecked = await json(UncheckJson, ['uncheck', 'bundle-analysis', 'redis-setup'], opts);
    expect(unchecked).toMatchObject({ recorded: [{ type: 'uncheck', item: 'bundle-analysis' }], unchanged: ['redis-setup'] });
    const blocked = await json(BlockJson, ['block', 'bundle-analysis', 'database-index-creation', '--reason', 'waiting for review'], opts);
    expect(blocked.recorded).toHaveLength(2);
    const unblocked = await json(UnblockJson, ['unblock', 'redis-setup', 'team-standup'], opts);
    expect(unblocked).toMatchObject({ recorded: [{ type: 'unblock', item: 'redis-setup' }], unchanged: ['team-standup'] });
    await json(NoteJson, ['note', 'redis-setup', 'DBA', 'replied'], opts);
    const undo = await json(UndoJson, ['undo'], opts);
    expect(undo.undone).toMatchObject({ type: 'note', item: 'redis-setup' });
    expect(undo.recorded[0].target).toBe(undo.undone.id);
    // Any change may be backdated, and then says when it was typed.
    const backdatedUncheck = await json(UncheckJson, ['uncheck', 'skeleton-components-implemented', '--date', '2026-12-10'], { ...opts, now: '2026-12-11T10:00:01Z' });
    expect(backdatedUncheck.recorded[0]?.recorded).toBeDefined();
    const backdatedNote = await json(NoteJson, ['note', 'redis-setup', 'for Thursday', '--date', '2026-12-10'], { ...opts, now: '2026-12-11T10:00:02Z' });
    expect(backdatedNote.recorded[0]?.recorded).toBeDefined();
    const assigned = await json(AssignJson, ['assign', 'redis-setup', 'team-standup', '--to', 'bob'], opts);
    expect(assigned).toMatchObject({ recorded: [{ type: 'assign', item: 'redis-setup', owner: 'bob' }, { item: 'team-standup' }], unchanged: [] });
    expect((await json(ListJson, ['list', '--owner', 'bob'], opts)).items.map((i) => i.owner)).toEqual(['bob', 'bob']);
  }, 60_000);

  it('kpi record, standup --answer, escalate (record, --resolve, the list)', async () => {
    const dir = await seeded();
    const opts = { cwd: dir, now: WRITE_CLOCK };
    const kpi = await json(KpiRecordJson, ['kpi', 'record', 'bundle size', '470KB', '--week', '2', '--note', 'analyzer'], opts);
    expect(kpi.recorded[0]).toMatchObject({ metric: 'bundle-size', value: '470KB', week: 2, note: 'analyzer' });
    expect(kpi.kpis.length).toBeGreaterThan(0);
    const current = await json(KpiRecordJson, ['kpi', 'record', 'db-query-time', '45ms'], opts);
    expect(current.recorded[0].week).toBe(2);
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'reports', 'k6', 'summary-export-documented.json'), join(dir, 'k6.json'));
    const read = await json(KpiRecordJson, ['kpi', 'record', 'db-query-time', '--from', 'k6.json'], opts);
    expect(read.recorded[0]).toMatchObject({ value: '412.87ms', source: { file: 'k6.json', kind: 'k6', field: 'p95', tool: 'k6 summary export' } });
    const shown = await json(ShowKpiJson, ['show', 'db query time'], opts);
    expect(shown.history.filter((e) => 'source' in e)).toMatchObject([{ value: '412.87ms', source: { kind: 'k6' } }]);
    expect(shown.targets.map((t) => t.week)).toEqual([1, 2]);

    const answered = await json(StandupAnswerJson, ['standup', '--answer', '--yesterday', 'a', '--today', 'b', '--blockers', 'none'], opts);
    expect(Object.values(answered.recorded[0].answers)).toEqual(['a', 'b', 'none']);

    const raised = await json(EscalateJson, ['escalate', 'bundle-analysis', '--level', 'critical', '--reason', 'blocks the release'], opts);
    expect(raised.recorded[0]).toMatchObject({ item: 'bundle-analysis', level: 'critical' });
    const resolved = await json(EscalateResolveJson, ['escalate', '--resolve', 'redis-setup'], opts);
    expect(resolved.recorded[0].resolve).toBe(true);
    const list = await json(EscalationsJson, ['escalate'], opts);
    expect(list.open.map((e) => e.key).sort()).toEqual(['', 'bundle-analysis']);
  }, 60_000);

  it('init, import, plan update (up to date, refused without --yes, applied), import inside a workspace', async () => {
    const dir = scratchDir('launch-json-plan-');
    writeFileSync(join(dir, 'plan.md'), smallPlan(['Database Index Creation', 'Redis Setup\n  - [ ] Redis installed', 'Connection Pool Tuning'], ['Skeleton Loading Setup', 'Bundle Analysis']));
    const init = await json(InitJson, ['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir, now: '2026-11-29T10:00:00Z' });
    expect(init).toMatchObject({ dir: '.launch', keptLog: false, gitattributes: null });
    const forced = await json(InitJson, ['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--force'], { cwd: dir, now: '2026-11-29T10:00:00Z' });
    expect(forced).toMatchObject({ keptLog: true, actor: null, written: [] });
    const joined = await json(InitJson, ['init', '--as', 'carol'], { cwd: dir, now: '2026-11-29T10:00:00Z' });
    expect(joined).toMatchObject({ actor: 'carol', written: ['actor'], gitattributes: null });
    expect(await json(WhoamiJson, ['whoami'], { cwd: dir })).toMatchObject({ actor: 'carol', source: '.launch/actor', workspace: '.launch' });
    await json(WhoamiJson, ['whoami', '--as', 'alice'], { cwd: scratchDir('launch-json-whoami-') });

    const opts = { cwd: dir, now: '2026-12-01T10:00:00Z' };
    for (const id of ['database-index-creation', 'redis-setup']) await json(CheckJson, ['check', id, '--with-children'], opts); // redis-setup holds an open item
    const list = await json(ListJson, ['list'], opts);
    expect(list.items.find((i) => i.id === 'redis-installed')?.parent).toBe('redis-setup');
    expect((await json(ShowJson, ['show', 'redis-setup'], opts)).children).toEqual(['redis-installed']);

    const same = await json(PlanUpdateJson, ['plan', 'update', 'plan.md'], opts);
    expect(same).toMatchObject({ upToDate: true, applied: false });

    // Renamed in place, removed (with its child), added, and moved to the other block.
    writeFileSync(join(dir, 'plan2.md'), smallPlan(['Database Index Tuning', 'Connection Pool Tuning', 'Query Cache Warmup', 'Bundle Analysis'], ['Skeleton Loading Setup']));
    const refused = await json(PlanUpdateJson, ['plan', 'update', 'plan2.md'], { ...opts, code: 1 });
    expect(refused).toMatchObject({ upToDate: false, applied: false });
    for (const key of ['added', 'removed', 'renamed', 'moved'] as const) expect(refused.diff[key].length, key).toBeGreaterThan(0);
    expect(refused.diff.removed.some((r) => r.events > 0)).toBe(true);
    const applied = await json(PlanUpdateJson, ['plan', 'update', 'plan2.md', '--yes'], opts);
    expect(applied.applied).toBe(true);

    // Inside a workspace, import without -o is a plan update; with -o it is a plain import.
    writeFileSync(join(dir, 'plan3.md'), smallPlan(['Database Index Tuning', 'Connection Pool Tuning'], ['Skeleton Loading Setup', 'Bundle Analysis']));
    expect((await json(PlanUpdateJson, ['import', 'plan3.md', '--yes'], opts)).applied).toBe(true);
    const imported = await json(ImportJson, ['import', join(repoRoot, 'plans', 'securenet-launch.md'), '-o', 'p.yaml'], opts);
    expect(imported.warnings.length).toBeGreaterThan(0);
    await json(ImportJson, ['import', join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md')], { cwd: scratchDir('launch-json-import-'), now: opts.now });
  }, 60_000);

  it('doctor on a log that needs repair (exit 1), then --repair; events of items no longer in the plan', async () => {
    const dir = await seeded();
    const log = join(dir, '.launch', 'events.jsonl');
    appendFileSync(log, [
      JSON.stringify({ v: 1, id: 'o1', ts: '2026-12-04T12:00:00.000+01:00', actor: 'bob', type: 'check', item: 'no-such-item' }),
      JSON.stringify({ v: 1, id: 'o2', ts: '2026-12-04T12:01:00.000+01:00', actor: 'bob', type: 'kpi', metric: 'no-such-kpi', value: '1', week: 1 }),
      JSON.stringify({ v: 1, id: 'o3', ts: '2026-12-04T12:02:00.000+01:00', actor: 'bob', type: 'undo', target: 'nowhere' }),
      JSON.stringify({ v: 1, id: 'o4', ts: '2026-12-04T12:03:00.000+01:00', actor: 'bob', type: 'kpi', metric: 'bundle-size', value: '1KB', week: 0 }),
      JSON.stringify({ v: 1, id: 'o1', ts: '2026-12-04T12:04:00.000+01:00', actor: 'bob', type: 'uncheck', item: 'no-such-item' }),
      'this is not JSON',
      '{"v":1,"id":"torn"',
    ].join('\n'));
    const broken = await json(DoctorJson, ['doctor'], { cwd: dir, code: 1 });
    expect(broken.log.ok).toBe(false);
    for (const key of ['errors', 'torn', 'conflicts', 'danglingUndos'] as const) expect(broken.log[key].length, key).toBeGreaterThan(0);
    expect(broken.orphans).toEqual(expect.arrayContaining([{ id: 'o1', type: 'check', item: 'no-such-item' }, { id: 'o2', type: 'kpi', item: null }]));
    expect(broken.repair).toBeNull();
    const repaired = await json(DoctorJson, ['doctor', '--repair'], { cwd: dir });
    expect(repaired.repair?.moved).toBeGreaterThan(0);
    expect(repaired.repair?.backup).toEqual(expect.any(String));
  }, 60_000);

  it('sync with a real git remote; a refusal prints no JSON', async () => {
    const env = { ...ENV, ...GIT_ENV, PATH: process.env.PATH };
    // Alice's workspace, committed and pushed, and Bob's clone of it.
    const { alice, bob } = await team();
    const now = '2026-12-01T10:00:00Z';

    await json(CheckJson, ['check', 'skeleton-loading-setup'], { cwd: alice, env, now });
    const pushed = await json(SyncJson, ['sync'], { cwd: alice, env, now });
    expect(pushed).toMatchObject({ committed: true, pushed: true, pulled: [], upstream: 'origin/main', attempts: 1 });

    await json(CheckJson, ['check', 'database-index-creation', '--as', 'bob'], { cwd: bob, env, now });
    expect((await json(SyncJson, ['sync', '--as', 'bob'], { cwd: bob, env, now })).pulled).toEqual([{ actor: 'alice', counts: { check: 1 } }]);
    const pulled = await json(SyncJson, ['sync'], { cwd: alice, env, now });
    expect(pulled).toMatchObject({ committed: false, commits: [], pushed: false, pulled: [{ actor: 'bob', counts: { check: 1 } }] });
    expect(await json(SyncJson, ['sync'], { cwd: alice, env, now })).toMatchObject({ committed: false, pulled: [], pushed: false });
    // Bob unchecks Alice's item an hour later (for Monday): her next sync says her check was overridden.
    const later = '2026-12-01T11:00:00Z';
    await json(UncheckJson, ['uncheck', 'skeleton-loading-setup', '--as', 'bob', '--date', '2026-11-30'], { cwd: bob, env, now: later });
    await json(SyncJson, ['sync', '--as', 'bob'], { cwd: bob, env, now: later });
    const overridden = await json(SyncJson, ['sync'], { cwd: alice, env, now: later });
    expect(overridden.overridden).toMatchObject([
      { item: 'skeleton-loading-setup', was: 'done', status: 'todo', theirs: { actor: 'bob', type: 'uncheck', recorded: expect.any(String) }, yours: { actor: 'alice', type: 'check' } },
    ]);

    // Outside a git repository sync refuses: an error on stderr, nothing on stdout.
    const refused = await launchIn(['sync', '--json'], { cwd: await seeded(), env, now });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/not inside a git repository/);
  }, 120_000);
});

describe('JSON output schemas: the schemas are strict', () => {
  it('refuses a known-good output with an extra key, a wrong enum, a missing field, or a null where none is allowed', async () => {
    const dir = await seeded();
    const r = await launchIn(['today', '--date', '2026-12-04', '--json'], { cwd: dir, env: ENV, now: SEED_CLOCK });
    const good = JSON.parse(r.stdout) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(TodayJson.safeParse(good).success).toBe(true);
    expect(TodayJson.safeParse({ ...good, extra: true }).success).toBe(false);
    expect(TodayJson.safeParse({ ...good, items: [{ ...good.items[0], extra: true }] }).success).toBe(false);
    expect(TodayJson.safeParse({ ...good, items: [{ ...good.items[0], status: 'finished' }] }).success).toBe(false);
    expect(TodayJson.safeParse({ ...good, phase: 'later' }).success).toBe(false);
    expect(TodayJson.safeParse({ ...good, schema: 2 }).success).toBe(false);
    const { workspace: _dropped, ...missing } = good;
    expect(TodayJson.safeParse(missing).success).toBe(false);
    expect(TodayJson.safeParse({ ...good, date: null }).success).toBe(false);

    // Events read from the log are open-ended: an extra field or an unknown type passes; a known type
    // without its fields does not.
    const log = JSON.parse((await launchIn(['log', '--limit', '1', '--json'], { cwd: dir, env: ENV, now: SEED_CLOCK })).stdout) as { events: Record<string, unknown>[] };
    const event = log.events[0]!;
    expect(LogJson.safeParse({ ...log, events: [{ ...event, byAnotherTool: 1 }] }).success).toBe(true);
    expect(LogJson.safeParse({ ...log, events: [{ ...event, type: 'estimate' }] }).success).toBe(true);
    expect(LogJson.safeParse({ ...log, events: [{ v: 1, id: 'x', ts: '2026-12-01T10:00:00Z', actor: 'a', type: 'block', item: 'x', undone: false }] }).success).toBe(false);
    expect(LogJson.safeParse({ ...log, events: [{ ...event, undone: undefined }] }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// The golden files' recorded outputs

/** The schema of a read command's output, by its arguments (the golden files record no writes in JSON). */
function schemaFor(args: string): z.ZodType | undefined {
  const command = args.split(' ')[0];
  switch (command) {
    case 'today': return TodayJson;
    case 'status': return StatusJson;
    case 'kpis': return args.includes('--gate') ? KpisGateJson : KpisJson;
    case 'standup': return args.includes('--answer') ? StandupAnswerJson : StandupJson;
    case 'escalate': return args.includes('--resolve') ? EscalateResolveJson : /^escalate( --json)?$/.test(args) ? EscalationsJson : EscalateJson;
    case 'list': return ListJson;
    case 'show': return ShowJson;
    case 'log': return LogJson;
    case 'doctor': return DoctorJson;
    case 'validate': return ValidateJson;
    case 'import': return ImportJson;
    case 'init': return InitJson;
    default: return undefined;
  }
}

describe('JSON output schemas: the golden files', () => {
  for (const file of ['reads.txt', 'cases.txt']) {
    it(`every JSON output in test/golden/${file} matches its schema`, () => {
      const text = readFileSync(join(repoRoot, 'test', 'golden', file), 'utf8');
      let seen = 0;
      for (const block of text.split(/^(?=\$ launch )/m)) {
        const m = /^\$ launch (.*)\n\[exit \d+\]\n--- stdout\n([\s\S]*?)--- stderr\n/.exec(block);
        if (!m || !m[1]!.split(' ').includes('--json') || !m[2]!.trimStart().startsWith('{')) continue;
        const schema = schemaFor(m[1]!);
        expect(schema, `no schema for "launch ${m[1]}"`).toBeDefined();
        check(schema!, JSON.parse(m[2]!), `golden ${file}: launch ${m[1]}`);
        seen++;
      }
      expect(seen).toBeGreaterThan(3);
    });
  }
});
