// docs/ci.md as CI runs it: the `launch` lines of its GitHub Actions workflow and of its GitLab job, in
// order, in a fresh clone of a bare remote, against real reports at the paths the jobs write them.
// launch runs in-process at fixed instants (./git-team.ts); git is real. Then the built binary, to
// show that the report readers load from their own chunk and nowhere else.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { cloneAs, git, run, team } from './git-team.js';
import { launch, tempDir } from './run.js';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'reports');
const DOC = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');

/** A line as a shell splits it: words, and 'single' or "double" quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The `npx launch …` lines of each YAML block of the doc (a GitLab script's list items included). */
const jobs = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) =>
  m[1]!
    .split('\n')
    .map((l) => l.trim().replace(/^- /, '').replace(/^run: /, ''))
    .filter((l) => l.startsWith('npx launch '))
    .map((l) => shellWords(l).slice(2)),
);

/** The reports where the jobs write them: coverage, the build's JavaScript, Lighthouse and k6. */
function placeReports(dir: string, lighthouse: string) {
  mkdirSync(join(dir, 'coverage'));
  cpSync(join(FIXTURES, 'coverage-summary/vitest2-v8-state-switcher.json'), join(dir, 'coverage/coverage-summary.json'));
  mkdirSync(join(dir, 'dist/assets'), { recursive: true });
  for (const f of ['main.03ff7ff5.js', '480.e11d9742.js', 'main.03ff7ff5.js.map']) cpSync(join(FIXTURES, 'built', f), join(dir, 'dist/assets', f));
  cpSync(join(FIXTURES, 'lighthouse', lighthouse), join(dir, 'lighthouse.json'));
  cpSync(join(FIXTURES, 'k6/summary-export-documented.json'), join(dir, 'k6-summary.json'));
}

describe('docs/ci.md', () => {
  it('has a GitHub Actions workflow and a GitLab job, each recording KPIs, syncing as a bot and gating', () => {
    expect(jobs).toHaveLength(2);
    for (const lines of jobs) {
      expect(lines.filter((w) => w[0] === 'kpi' && w.includes('--from')).length).toBeGreaterThanOrEqual(4);
      expect(lines.at(-2)).toEqual(['sync', '--as', 'ci-bot']);
      expect(lines.at(-1)).toEqual(['kpis', '--gate']);
    }
  });

  it.each([
    ['GitHub Actions', 0, 'lh-v9.6.8-gladki24-cta-ad.json', 'Performance Score = 100'],
    ['GitLab CI', 1, 'lh-v5.6.0-lhci-fixture-verge.json', 'Performance Score = 18'],
  ])('%s: its launch lines record every KPI from the reports, push them as ci-bot, and the gate passes until a target is missed', async (_, job, lighthouse, performance) => {
    const { root, remote, alice } = await team();
    const ci = cloneAs(remote, join(root, 'ci'), 'launch CI');
    placeReports(ci, lighthouse);
    const out: string[] = [];
    for (const args of jobs[job]!) {
      const r = await run(ci, ...args);
      expect(r.code, `launch ${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
      out.push(r.stdout);
    }
    const printed = out.join('');
    expect(printed).toContain('Test Coverage = 95.19% (Istanbul coverage summary lines coverage, coverage/coverage-summary.json)');
    expect(printed).toMatch(/Bundle Size = [\d.]+KB \(gzipped size of 2 files matching dist\/assets\/\*\.js\)/);
    expect(printed).toContain(`${performance} (Lighthouse`);
    expect(printed).toContain('Load Test = 500 (k6 summary export vus_max, k6-summary.json)');
    expect(printed).toContain('committed "launch: ci-bot recorded 4"');
    expect(git(ci, 'status', '--porcelain', '--', '.launch')).toBe('');

    // The team sees the values, with where they came from.
    const pulled = await run(alice, 'sync');
    expect(pulled.stdout).toMatch(/ci-bot recorded 4 KPI values/);
    const shown = await run(alice, 'show', 'load', 'test');
    expect(shown.stdout).toContain('ci-bot recorded load-test = 500 for week 9 from k6-summary.json (k6 vus_max)');
    const logged = JSON.parse(git(remote, 'show', 'main:.launch/events.jsonl').split('\n').filter(Boolean)[0]!);
    expect(logged).toMatchObject({ actor: 'ci-bot', type: 'kpi', metric: 'test-coverage', source: { file: 'coverage/coverage-summary.json', kind: 'coverage-summary', field: 'lines' } });

    // After the Performance Score checkpoint (week 6), the same gate fails the pipeline on a low score.
    const gate = await run(alice, 'kpis', '--gate', '--date', '2027-01-08');
    if (performance.endsWith('= 18')) {
      expect(gate.code).toBe(1);
      expect(gate.stderr).toMatch(/KPI gate failed: .*Performance Score week 5-6 \(target >85, actual 18\)/);
    } else expect(gate.code, gate.stderr).toBe(0);
  });
});

describe('the built binary', () => {
  const dist = join(repoRoot, 'dist');
  it('loads the report readers from their own chunk, only for kpi record --from', () => {
    const kpiRecord = readFileSync(join(dist, 'cmd-kpi-record.cjs'), 'utf8');
    expect(kpiRecord).toMatch(/require\("\.\/reports\.cjs"\)/);
    const reports = readFileSync(join(dist, 'reports.cjs'), 'utf8');
    expect(reports).toContain('lighthouseVersion');
    for (const f of ['launch.cjs', 'cmd-today.cjs', 'cmd-kpi-record.cjs', 'cmd-show.cjs']) {
      const code = readFileSync(join(dist, f), 'utf8');
      expect(code, f).not.toContain('lighthouseVersion');
      expect(code, f).not.toMatch(/XMLValidator|fast-xml-parser/);
    }
  });

  it('records a value from a report', () => {
    const dir = tempDir();
    expect(launch(['init', '--start', '2020-01-06', '--tz', 'UTC', '--as', 'ci-bot'], { cwd: dir }).code).toBe(0);
    cpSync(join(FIXTURES, 'bundle/webpack5.112-stats.json'), join(dir, 'stats.json'));
    const r = launch(['kpi', 'record', 'bundle', 'size', '--from', 'stats.json', '--week', '1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Bundle Size = 2\.992KB \(webpack 5\.112\.2 js outputs \(2 files\), stats\.json\)\nRecorded Bundle Size = 2\.992KB for week 1\n/);
    const bad = launch(['kpi', 'record', 'bundle', 'size', '--from', 'nope.json', '--week', '1'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([1, 'error: cannot read the report nope.json: no such file; nothing recorded\n']);
  });
});
