// docs/CASES.md's "Exit codes by example" table: every command and its documented flags, run in order in
// one directory. The end-to-end test runs it through the built binary; the golden test in-process.
// docs/CASES.md shows each case as typed in a shell (test/commands/names.test.ts checks that it does).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

export interface Case {
  args: string[];
  code: number;
  out?: RegExp;
  err?: RegExp;
  json?: boolean;
}

export const SEED = 'plans/securenet-launch.md';

/** The directory the cases run in: a plan that fails validation, and a copy of the Markdown plan. */
export function prepareCaseDir(dir: string): void {
  writeFileSync(join(dir, 'bad.yaml'), 'schema: 2\n');
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(repoRoot, SEED), join(dir, SEED));
  copyFileSync(join(repoRoot, 'test/fixtures/reports/coverage-summary/vitest2-v8-state-switcher.json'), join(dir, 'coverage-summary.json'));
}
const D = ['--date', '2026-12-01'];
export const CASES: Case[] = [
  { args: ['--version'], code: 0, out: /^\d+\.\d+\.\d+/ },
  { args: ['--help'], code: 0, out: /Quick start/ },
  { args: ['today', '--help'], code: 0, out: /--team <words>/ },
  { args: ['frobnicate'], code: 2, err: /unknown command/ },
  { args: ['today', '--bogus'], code: 2, err: /unknown option/ },
  { args: ['today', '--date', '2026-13-40'], code: 2, err: /is not a date/ },
  { args: ['import', SEED, '-o', 'p.yaml'], code: 0, out: /72 checklist items/ },
  { args: ['import', SEED, '-o', 'p.yaml', '--json'], code: 0, json: true },
  { args: ['import', 'missing.md'], code: 1, err: /no such file/ },
  { args: ['validate', 'p.yaml'], code: 0, out: /valid plan/ },
  { args: ['validate', 'bad.yaml'], code: 1, err: /bad\.yaml:1: / },
  { args: ['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice', '--holiday', '2026-12-25'], code: 0, out: /Week 1 starts Mon 30 Nov 2026/ },
  { args: ['init'], code: 1, err: /already a launch workspace/ },
  { args: ['init', '--tz', 'Nowhere/Atlantis'], code: 2, err: /not an IANA time zone/ },
  { args: ['today', ...D], code: 0, out: /Tue 1 Dec 2026 · Sprint 1/ },
  { args: ['today', ...D, '--team', 'backend', '--all'], code: 0, out: /Connection Pool Optimization\n.*Update database\/postgresql_adapter\.py/ },
  { args: ['today', ...D, '-v', '--no-color', '--json'], code: 0, json: true },
  { args: ['check', 'skeleton-loading-setup', '--note', 'done', '--date', '2026-11-30'], code: 0, out: /✔ skeleton-loading-setup/ },
  { args: ['check', 'redis'], code: 1, err: /matches 3 items/ },
  { args: ['check'], code: 2, err: /which item\?/ },
  { args: ['check', 'initial-bundle', '--value', '520KB'], code: 1, err: /misses <500KB/ },
  { args: ['check', 'initial-bundle', '--value', '520KB', '--force', '--as', 'bob'], code: 0, out: /✖ 520KB missed/ },
  { args: ['uncheck', 'initial-bundle'], code: 0, out: /○ initial-bundle-500kb/ },
  { args: ['block', 'redis-setup', '--reason', 'waiting for DBA'], code: 0, out: /■ redis-setup/ },
  { args: ['block', 'redis-setup'], code: 2, err: /--reason/ },
  { args: ['unblock', 'redis-setup'], code: 0, out: /unblocked/ },
  { args: ['note', 'redis', 'setup', '-m', 'DBA replied'], code: 0, out: /noted on redis-setup: DBA replied/ },
  { args: ['note', 'redis', 'DBA', 'replied'], code: 2, err: /what is the note\?/ },
  { args: ['note', 'redis-setup', 'install', 'tomorrow'], code: 0, out: /noted on redis-setup: install tomorrow/ },
  { args: ['undo'], code: 0, out: /^undid: noted on redis-setup/ },
  { args: ['list', '--sprint', '1', '--week', '1', '--team', 'frontend', '--status', 'done', '--kind', 'task'], code: 0, out: /skeleton-loading-setup/ },
  { args: ['list', '--status', 'finished'], code: 2, err: /argument 'finished' is invalid/ },
  { args: ['list', '--plan', 'p.yaml', '--json'], code: 0, json: true },
  { args: ['show', 'skeleton', 'loading', 'setup'], code: 0, out: /status {3}done · alice/ },
  { args: ['show', 'nothing-like-this-exists'], code: 1, err: /no item matches/ },
  { args: ['show', 'lighthose'], code: 1, err: /did you mean:\n.*lighthouse-ci-setup/ },
  { args: ['log', '--actor', 'bob', '--item', 'initial-bundle', '--since', '2026-11-01', '--limit', '5'], code: 0, out: /bob +checked initial-bundle-500kb/ },
  { args: ['status', ...D], code: 0, out: /Burndown/ },
  { args: ['status', ...D, '--json'], code: 0, json: true },
  { args: ['standup', ...D, '--actor', 'alice', '--format', 'md'], code: 0, out: /- alice: checked Skeleton Loading Setup/ },
  { args: ['standup', '--format', 'html'], code: 2, err: /argument 'html' is invalid/ },
  { args: ['standup', '--answer'], code: 2, err: /needs a terminal/ },
  { args: ['standup', '--answer', '--yesterday', 'a', '--today', 'b', '--blockers', 'none', ...D], code: 0, out: /Recorded alice's standup answers/ },
  { args: ['kpi', 'record', 'bundle', 'size', '540KB', '--week', '1', '--note', 'analyzer'], code: 0, out: /week 2 target <500KB: at-risk/ },
  { args: ['kpi', 'record', 'bundle', 'size', '5ms', '--week', '1'], code: 1, err: /is a time/ },
  { args: ['kpi', 'record', 'test', 'coverage', '--from', 'coverage-summary.json', '--week', '3'], code: 0, out: /^Test Coverage = 95.19% \(Istanbul coverage summary lines coverage/ },
  { args: ['kpi', 'record', 'test', 'coverage', '--from', SEED, '--week', '3'], code: 1, err: /not JSON, XML or an lcov tracefile/ },
  { args: ['kpis', '--sprint', '1', '--week', '2', ...D], code: 0, out: /Bundle Size/ },
  { args: ['kpis', '--gate', '--date', '2026-12-11'], code: 1, err: /KPI gate failed/ },
  { args: ['escalate', 'redis', 'setup', '--level', 'high', '--reason', 'blocks caching'], code: 0, out: /escalated redis-setup/ },
  { args: ['escalate'], code: 0, out: /Open escalations \(1\)/ },
  { args: ['escalate', '--resolve', 'redis-setup'], code: 0, out: /resolved/ },
  { args: ['plan', 'update', 'p.yaml'], code: 0, out: /up to date|no changes|unchanged/i },
  { args: ['sync'], code: 1, err: /git/ },
  { args: ['doctor'], code: 0, out: /log events\.jsonl/ },
  { args: ['doctor', '--repair'], code: 0 },
  { args: ['init', '--as', 'carol'], code: 0, out: /^Joined \.launch\/ tracking/ },
  { args: ['whoami'], code: 0, out: /^carol\n\s+from \.launch\/actor/ },
  { args: ['assign', 'redis-setup', '--to', 'bob'], code: 0, out: /^redis-setup: owner bob/ },
  { args: ['assign', 'redis-setup'], code: 2, err: /to whom\?/ },
  { args: ['list', 'redis', 'setup', '--owner', 'bob'], code: 0, out: /redis-setup +Redis Setup @bob/ },
  { args: ['report', '--format', 'md', '--date', '2026-12-04'], code: 0, out: /^<!-- launch report -->/ },
  { args: ['report', '--format', 'pdf'], code: 2, err: /argument 'pdf' is invalid/ },
  { args: ['report', '--out', '.launch/x.html'], code: 1, err: /inside a workspace's \.launch\/ directory/ },
  { args: ['export', 'ics'], code: 0, out: /^BEGIN:VCALENDAR/ },
  { args: ['export', 'md', '--json'], code: 2, err: /--json does not apply/ },
  { args: ['completion', 'bash'], code: 0, out: /^# launch completion for bash/ },
  { args: ['completion', 'tcsh'], code: 2, err: /'tcsh' is invalid/ },
];
