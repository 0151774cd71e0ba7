// launch kpi record <metric...> --from <report>: real CI reports (test/fixtures/reports) read into KPI
// actuals, each event naming its source; every refusal exits before anything is recorded.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventsOf, initialised, launcher, logOf, logPath } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';
import { repoRoot } from '../helpers.js';

const launch = launcher('2026-12-01T09:00:00Z');
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'reports');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A workspace on the bundled plan (week 1 from Mon 30 Nov 2026, UTC) with the fixture reports in reports/. */
async function workspace(): Promise<string> {
  const dir = await initialised(launch, ['--start', '2026-11-30', '--tz', 'UTC', '--as', 'ci-bot']);
  cpSync(FIXTURES, join(dir, 'reports'), { recursive: true });
  return dir;
}
const record = (dir: string, ...args: string[]) => launch(['kpi', 'record', ...args], dir);

describe('kpi record --from: every kind of report', () => {
  it('Lighthouse: prints what it read and from where, the verdicts, and records the source', async () => {
    const dir = await workspace();
    const r = await record(dir, 'performance', 'score', '--from', 'reports/lighthouse/lh-v9.6.8-gladki24-cta-ad.json', '--week', '5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Performance Score = 100 (Lighthouse 9.6.8 performance score, reports/lighthouse/lh-v9.6.8-gladki24-cta-ad.json)\n' +
        'Recorded Performance Score = 100 for week 5\n  ✓ week 5-6 target >85: on-track\n  ✓ week 7-8 target >90: on-track\n',
    );
    const [event] = eventsOf(dir);
    expect(event).toMatchObject({ type: 'kpi', metric: 'performance-score', value: '100', week: 5, actor: 'ci-bot' });
    expect(event.source).toEqual({
      file: 'reports/lighthouse/lh-v9.6.8-gladki24-cta-ad.json',
      kind: 'lighthouse',
      field: 'performance',
      sha256: sha256(readFileSync(join(FIXTURES, 'lighthouse/lh-v9.6.8-gladki24-cta-ad.json'))),
      tool: 'Lighthouse 9.6.8',
    });
  });

  it.each([
    ['test coverage', 'coverage-summary/vitest1-v8-agentguard.json', [], '3', 'Test Coverage = 83.27% (Istanbul coverage summary lines coverage'],
    ['test coverage', 'cobertura/istanbul-legacy-grunt-coverage-badger.xml', [], '3', 'Test Coverage = 99.7% (Cobertura XML lines coverage'],
    ['test coverage', 'lcov/coveragepy-ties.info', [], '3', 'Test Coverage = 97.25% (lcov lines coverage'],
    ['test coverage', 'cobertura/coveragepy5.3-python-project-lvl2.xml', ['--field', 'branches'], '4', 'Test Coverage = 85% (Cobertura XML branches coverage'],
    ['launch readiness', 'junit/vitest3.2-junit.xml', [], '9', 'Launch Readiness = 75% (JUnit XML pass rate (3 of 4 tests passed)'],
    ['db query time', 'k6/summary-export-documented.json', [], '1', 'DB Query Time = 412.87ms (k6 summary export http_req_duration p(95)'],
    ['db query time', 'k6/handlesummary-minified-grafana-circleci-orb.json', ['--field', 'med'], '2', 'DB Query Time = 255.029ms (k6 handleSummary data http_req_duration med'],
    ['load test', 'k6/summary-export-documented.json', [], '9', 'Load Test = 500 (k6 summary export vus_max'],
    ['bundle size', 'bundle/webpack5.112-stats.json', [], '1', 'Bundle Size = 2.992KB (webpack 5.112.2 js outputs (2 files)'],
    ['bundle size', 'bundle/webpack5.112-stats.json', ['--field', 'main.*'], '1', 'Bundle Size = 2.908KB (webpack 5.112.2 outputs matching main.* (2 files)'],
    ['bundle size', 'bundle/esbuild0.28-build-result.json', [], '2', 'Bundle Size = 0.215KB (esbuild build result js outputs (2 files)'],
    ['bundle size', 'bundle/esbuild-metafile-HJSielcken-EsBuild.json', ['--field', 'total'], '2', 'Bundle Size = 5.323KB (esbuild metafile all outputs (2 files)'],
  ])('%s from %s %j (week %s)', async (metric, file, extra, week, line) => {
    const dir = await workspace();
    const r = await record(dir, ...metric.split(' '), '--from', `reports/${file}`, ...extra, '--week', week);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${line}, reports/${file})`);
    expect(eventsOf(dir)[0].source).toMatchObject({ file: `reports/${file}`, sha256: sha256(readFileSync(join(FIXTURES, file))) });
  });

  it("a glob of files: their total size, or gzipped with --gzip; the source's hash covers every file", async () => {
    const dir = await workspace();
    const files = ['480.e11d9742.js', 'main.03ff7ff5.js'].map((f) => readFileSync(join(FIXTURES, 'built', f)));
    const plain = await record(dir, 'bundle', 'size', '--from', 'reports/built/*.js', '--week', '1');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe(`Bundle Size = ${(files[0]!.length + files[1]!.length) / 1000}KB (size of 2 files matching reports/built/*.js)`);
    const gzip = await record(dir, 'bundle', 'size', '--from', 'reports/**/built/*.{js,css}', '--gzip', '--week', '2');
    expect(gzip.code, gzip.stderr).toBe(0);
    const css = readFileSync(join(FIXTURES, 'built', 'main.58c9bd43.css'));
    const gzipped = [...files, css].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    expect(gzip.stdout.split('\n')[0]).toBe(`Bundle Size = ${gzipped / 1000}KB (gzipped size of 3 files matching reports/**/built/*.{js,css})`);
    const listing = ['480.e11d9742.js', 'main.03ff7ff5.js'].map((f, i) => `${sha256(files[i]!)}  reports/built/${f}\n`).join('');
    expect(eventsOf(dir).map((e) => e.source)).toEqual([
      { file: 'reports/built/*.js', kind: 'files', field: 'bytes', sha256: sha256(listing) },
      { file: 'reports/**/built/*.{js,css}', kind: 'files', field: 'gzip', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('from a subfolder, the source is named from the workspace folder; outside it, by its file name', async () => {
    const dir = await workspace();
    const r = await launch(['kpi', 'record', 'test', 'coverage', '--from', '../coverage-summary/jest24-ngx-bdir.json', '--week', '3'], join(dir, 'reports', 'lcov'));
    expect(r.code, r.stderr).toBe(0);
    const outside = join(scratchDir(), 'lcov.info');
    cpSync(join(FIXTURES, 'lcov/flutter-epub_dart.info'), outside);
    expect((await record(dir, 'test', 'coverage', '--from', outside, '--week', '3')).code).toBe(0);
    expect(eventsOf(dir).map((e) => e.source.file)).toEqual(['reports/coverage-summary/jest24-ngx-bdir.json', 'lcov.info']);
  });
});

describe('kpi record --from: refusals record nothing', () => {
  const refused = async (args: string[], code: number, message: RegExp) => {
    const dir = await workspace();
    const r = await record(dir, ...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(logOf(dir)).toBe('');
    return dir;
  };

  it('an unknown report names what it is', async () => {
    await refused(['bundle size', '--from', 'reports/bundle/rollup-size-snapshot-react-beautiful-dnd.json', '--week', '1'], 1, /^error: reports\/bundle\/rollup-size-snapshot-react-beautiful-dnd\.json: it is a rollup-plugin-size-snapshot file, which launch does not read.*; nothing recorded\nhint: launch reads Lighthouse JSON, /);
    await refused(['bundle size', '--from', 'reports/SOURCES.md', '--week', '1'], 1, /reports\/SOURCES\.md: it is not JSON, XML or an lcov tracefile \(it starts with "# Report fixtures for `l"\)/);
  });

  it("a report's own text reaches the terminal without its control sequences", async () => {
    const dir = await workspace();
    writeFileSync(join(dir, 'evil.txt'), '\u001b]0;owned\u0007\u001b[2Jhello\n');
    writeFileSync(join(dir, 'evil.json'), '{"\u001b[31mred": 1}');
    for (const file of ['evil.txt', 'evil.json']) {
      const r = await record(dir, 'bundle', 'size', '--from', file, '--week', '1');
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/\u001b/);
    }
    expect(logOf(dir)).toBe('');
  });

  it('an unreadable report: missing, a directory, a FIFO (without waiting for a writer)', async () => {
    await refused(['bundle size', '--from', 'reports/nope.json', '--week', '1'], 1, /^error: cannot read the report reports\/nope\.json: no such file; nothing recorded/);
    await refused(['bundle size', '--from', 'reports/built', '--week', '1'], 1, /^error: cannot read the report reports\/built: is a directory, not a regular file/);
    const dir = await workspace();
    spawnSync('mkfifo', [join(dir, 'fifo.json')]);
    const fifo = await record(dir, 'bundle', 'size', '--from', 'fifo.json', '--week', '1');
    expect([fifo.code, fifo.stderr]).toEqual([1, expect.stringMatching(/^error: cannot read the report fifo\.json: is a named pipe \(FIFO\), not a regular file/)]);
    await refused(['bundle size', '--from', 'reports/none/*.js', '--week', '1'], 1, /^error: no files match reports\/none\/\*\.js; nothing recorded/);
  });

  it('a report without the field: a k6 summary without p(95) names the stats it has', async () => {
    await refused(['db query time', '--from', 'reports/k6/summary-export-no-p95-documented.json', '--week', '1'], 1, /no p95 in this k6 summary: it has no p\(95\) of http_req_duration; it has avg, min, med, max, p\(90\), p\(99\) \(k6's summaryTrendStats option chooses them\); nothing recorded/);
    await refused(['db query time', '--from', 'reports/lighthouse/lh-v5.6.0-lhci-fixture-verge.json', '--field', 'lcp', '--week', '1'], 1, /Lighthouse 5\.6\.0 has no largest-contentful-paint audit/);
  });

  it("a field whose unit cannot compare with the target (a size for a time target)", async () => {
    await refused(['db query time', '--from', 'reports/lighthouse/lh-v7.3.0-lhci-awesome-books.json', '--field', 'total-byte-weight', '--week', '1'], 1, /Lighthouse 7\.3\.0 total byte weight is a size, but <75ms is a time/);
    await refused(['bundle size', '--from', 'reports/coverage-summary/jest24-ngx-bdir.json', '--week', '1'], 1, /this Istanbul coverage summary has no field for a size target like <600KB; choose one with --field \(lines\|statements\|functions\|branches\)/);
    await refused(['security audit', '--from', 'reports/junit/mocha12-xunit.xml', '--week', '9'], 1, /its target Pass is a word, and a JUnit test report gives numbers/);
  });

  it('a Lighthouse run with a runtime error', async () => {
    await refused(['performance score', '--from', 'reports/lighthouse/runtime-error-documented.json', '--week', '5'], 1, /the Lighthouse run failed \(runtimeError ERRORED_DOCUMENT_REQUEST: /);
  });

  it('malformed JSON and XML name the file and line', async () => {
    const dir = await refused(['test coverage', '--from', 'reports/coverage-summary/jest24-ngx-bdir.json', '--week', '3', '--field', 'nope'], 2, /--field: an Istanbul coverage summary has no field "nope"; it has lines\|statements\|functions\|branches/);
    writeFileSync(join(dir, 'broken.json'), '{\n  "total": {\n    "lines": {"total": 3,}\n');
    writeFileSync(join(dir, 'broken.xml'), '<testsuites>\n<testsuite tests="1">\n<testcase name="a">\n</testsuite>\n');
    const json = await record(dir, 'test', 'coverage', '--from', 'broken.json', '--week', '3');
    expect([json.code, json.stderr]).toEqual([1, expect.stringMatching(/^error: broken\.json:3: malformed JSON: .*; nothing recorded/)]);
    const xml = await record(dir, 'test', 'coverage', '--from', 'broken.xml', '--week', '3');
    expect([xml.code, xml.stderr]).toEqual([1, expect.stringMatching(/^error: broken\.xml:4: malformed XML: Expected closing tag 'testcase'/)]);
    expect(logOf(dir)).toBe('');
  });

  it('usage errors exit 2: --field or --gzip without --from, --gzip with a report, a value and --from, --field with a glob', async () => {
    await refused(['bundle size', '540KB', '--field', 'js'], 2, /--field reads a report: give --from too/);
    await refused(['bundle size', '540KB', '--gzip'], 2, /--gzip reads a report: give --from too/);
    await refused(['bundle size', '--from', 'reports/bundle/webpack5.112-stats.json', '--gzip', '--week', '1'], 2, /--gzip sums gzipped sizes of the files a glob matches/);
    await refused(['bundle size', '540KB', '--from', 'reports/bundle/webpack5.112-stats.json'], 2, /a value and --from: give one or the other \("540KB" or the report\)/);
    await refused(['bundle size', '--from', 'reports/built/*.js', '--field', 'js', '--week', '1'], 2, /--field picks a figure of a report; a glob of files gives their total size/);
  });
});

describe('the source, where the value is shown', () => {
  it('show <kpi> lists the targets and each value with its report, tool and hash; log says where it came from; --json carries it', async () => {
    const dir = await workspace();
    const file = 'reports/coverage-summary/vitest2-v8-state-switcher.json';
    expect((await record(dir, 'test', 'coverage', '--from', file, '--week', '3')).code).toBe(0);
    expect((await record(dir, 'test', 'coverage', '90%', '--week', '4', '--note', 'by hand')).code).toBe(0);
    const show = await launch(['show', 'test', 'coverage', '--date', '2026-12-28'], dir);
    expect(show.code, show.stderr).toBe(0);
    const hash = sha256(readFileSync(join(FIXTURES, 'coverage-summary/vitest2-v8-state-switcher.json')));
    expect(show.stdout).toMatch(/^Test Coverage\n {2}id {7}test-coverage\n {2}kind {5}KPI\n {2}sprint {3}Sprint 2 /);
    expect(show.stdout).toMatch(/ {2}targets\n {4}✔ week 3 >70%: met, actual 90%\n {4}✔ week 4 >85%: met, actual 90%\n/);
    expect(show.stdout).toContain(`ci-bot recorded test-coverage = 95.19% for week 3 from ${file} (coverage-summary lines)\n      Istanbul coverage summary · sha256 ${hash}\n`);
    expect(show.stdout).toMatch(/ci-bot recorded test-coverage = 90% for week 4\n$/);
    const log = await launch(['log'], dir);
    expect(log.stdout).toContain(`recorded test-coverage = 95.19% for week 3 from ${file} (coverage-summary lines)`);
    const json = JSON.parse((await launch(['show', 'test-coverage', '--json'], dir)).stdout);
    expect(json.history[0].source).toEqual({ file, kind: 'coverage-summary', field: 'lines', sha256: hash, tool: 'Istanbul coverage summary' });
    expect(json.targets.map((t: { week: number; status: string }) => [t.week, t.status])).toEqual([[3, 'on-track'], [4, 'on-track']]);
    const recorded = JSON.parse((await record(dir, 'test', 'coverage', '--from', file, '--week', '4', '--json')).stdout);
    expect(recorded.recorded[0].source).toMatchObject({ kind: 'coverage-summary', sha256: hash });
  });

  it('an item is still found first: its id, or words that name an item and not a KPI exactly', async () => {
    const dir = await workspace();
    expect((await launch(['show', 'bundle-analysis'], dir)).stdout).toMatch(/^\S+ Bundle Analysis/);
    expect((await launch(['show', 'bundle size'], dir)).stdout).toMatch(/^Bundle Size\n {2}id {7}bundle-size\n {2}kind {5}KPI/);
  });

  it('doctor and every reader accept the source; a malformed source is a bad line', async () => {
    const dir = await workspace();
    expect((await record(dir, 'bundle', 'size', '--from', 'reports/bundle/webpack5.112-stats.json', '--week', '1')).code).toBe(0);
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).not.toMatch(/problem|invalid/i);
    const [event] = eventsOf(dir);
    appendFileSync(logPath(dir), `${JSON.stringify({ ...event, id: 'feedc0de00000002', source: { ...event.source, sha256: 'abc' } })}\n`);
    const kpis = await launch(['kpis', '--sprint', '1'], dir);
    expect(kpis.stderr).toMatch(/events\.jsonl:2: .*sha256/);
    const again = await launch(['doctor'], dir);
    expect(again.code).toBe(1);
    expect(again.stdout + again.stderr).toMatch(/events\.jsonl:2/);
  });
});
