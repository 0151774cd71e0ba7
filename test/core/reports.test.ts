// The CI report readers on real reports (test/fixtures/reports, see SOURCES.md there): the kind told
// from content, the figures each gives, the field a target picks, and what is refused and why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../src/core/reports/detect.js';
import { globBase, globToRegExp } from '../../src/core/reports/glob.js';
import { readingFor } from '../../src/core/reports/reading.js';
import type { Report } from '../../src/core/reports/report.js';
import { parseTarget } from '../../src/core/targets/targets.js';
import { repoRoot } from '../helpers.js';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'reports');
const text = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
function report(file: string): Report {
  const d = readReportText(text(file));
  if (!d.ok) throw new Error(`${file}: ${d.message}`);
  return d.report;
}
const values = (r: Report) => Object.fromEntries(Object.entries(r.fields).map(([k, m]) => [k, m!.value]));
const refusal = (raw: string) => {
  const d = readReportText(raw);
  if (d.ok) throw new Error(`read as ${d.report.kind}`);
  return d;
};
const target = (t: string) => parseTarget(t)!;

describe('every kind of report, told from its content', () => {
  it.each([
    ['lighthouse/lh-v5.6.0-lhci-fixture-verge.json', 'lighthouse', 'Lighthouse 5.6.0', { performance: 18, accessibility: 89, seo: 98, fcp: 3313.7980000000002, 'total-byte-weight': 5589122 }],
    ['lighthouse/lh-v7.3.0-lhci-awesome-books.json', 'lighthouse', 'Lighthouse 7.3.0', { performance: 100, 'best-practices': 93, lcp: 1008.82, tbt: 0, cls: 0, 'total-byte-weight': 2368 }],
    ['lighthouse/lh-v9.6.8-gladki24-cta-ad.json', 'lighthouse', 'Lighthouse 9.6.8', { performance: 100, accessibility: 78, seo: 50, lcp: 804.3862, tbt: 67.5, si: 804.3862 }],
    ['coverage-summary/jest24-ngx-bdir.json', 'coverage-summary', 'Istanbul coverage summary', { lines: 100, statements: 100, functions: 100, branches: 85.71 }],
    ['coverage-summary/vitest1-v8-agentguard.json', 'coverage-summary', 'Istanbul coverage summary', { lines: 83.27, functions: 82.17, branches: 77.42 }],
    ['coverage-summary/vitest2-v8-state-switcher.json', 'coverage-summary', 'Istanbul coverage summary', { lines: 95.19, functions: 66.66, branches: 81.57 }],
    ['cobertura/coveragepy5.3-python-project-lvl2.xml', 'cobertura', 'Cobertura XML', { lines: 84.33, branches: 85 }],
    ['cobertura/coverlet1.9-dotnet-mwe.xml', 'cobertura', 'Cobertura XML', { lines: 71.43 }],
    ['cobertura/istanbul-legacy-grunt-coverage-badger.xml', 'cobertura', 'Cobertura XML', { lines: 99.7, branches: 98.17 }],
    ['lcov/coveragepy-ties.info', 'lcov', 'lcov', { lines: 97.25, functions: 100 }],
    ['lcov/flutter-epub_dart.info', 'lcov', 'lcov', { lines: 100 }],
    ['junit/phpunit-laravel-resilience-middleware.xml', 'junit', 'JUnit XML', { passed: 0, failed: 5, 'pass-rate': 0 }],
    ['junit/playwright-PlaywrightTest.xml', 'junit', 'JUnit XML', { passed: 2, failed: 0, 'pass-rate': 100 }],
    ['junit/vitest3.2-junit.xml', 'junit', 'JUnit XML', { passed: 3, failed: 1, 'pass-rate': 75 }],
    ['junit/pytest9-junit.xml', 'junit', 'JUnit XML', { passed: 4, failed: 1, 'pass-rate': 80 }],
    ['junit/mocha12-xunit.xml', 'junit', 'JUnit XML', { passed: 3, failed: 0, 'pass-rate': 100 }],
    ['k6/handlesummary-minified-grafana-circleci-orb.json', 'k6', 'k6 handleSummary data', { p95: 260.64205000000004, avg: 255.6286, vus_max: 5, failed: 0 }],
    ['k6/summary-export-documented.json', 'k6', 'k6 summary export', { p95: 412.87, p90: 331.25, vus_max: 500, rps: 16.66, failed: 0.4 }],
    ['bundle/webpack5.112-stats.json', 'webpack', 'webpack 5.112.2', { js: 2992, css: 142, total: 3134 }],
    ['bundle/webpack5.112-multi-stats.json', 'webpack', 'webpack 5.112.2', { js: 193, total: 193 }],
    ['bundle/esbuild-metafile-HJSielcken-EsBuild.json', 'esbuild', 'esbuild metafile', { js: 5220, css: 103, total: 5323 }],
    ['bundle/esbuild0.28-metafile.json', 'esbuild', 'esbuild metafile', { js: 322, css: 118, total: 440 }],
    ['bundle/esbuild0.28-build-result.json', 'esbuild', 'esbuild build result', { js: 215, total: 215 }],
  ] as const)('%s: %s', (file, kind, tool, expected) => {
    const r = report(file);
    expect([r.kind, r.tool]).toEqual([kind, tool]);
    expect(values(r)).toMatchObject(expected);
  });

  it('a figure the report lacks is absent, not 0 or 100, and says why', () => {
    expect(report('lighthouse/lh-v5.6.0-lhci-fixture-verge.json').absent.lcp).toBe('Lighthouse 5.6.0 has no largest-contentful-paint audit');
    expect(report('cobertura/coverlet1.9-dotnet-mwe.xml').absent.branches).toBe('no branches were measured (0 of 0)');
    expect(report('cobertura/coveragepy5.3-python-project-lvl2.xml').absent.functions).toBe('Cobertura reports lines and branches only');
    expect(report('lcov/flutter-epub_dart.info').absent.functions).toBe('no functions were measured (0 of 0)');
    expect(report('k6/summary-export-no-p95-documented.json').absent.p95).toBe("it has no p(95) of http_req_duration; it has avg, min, med, max, p(90), p(99) (k6's summaryTrendStats option chooses them)");
  });

  it('JUnit totals come from the attributes when no test case is listed', () => {
    const r = readReportText('<testsuites><testsuite name="a" tests="10" failures="1" errors="1" skipped="2"/><testsuite name="b" tests="5"/></testsuites>');
    expect(r.ok && values(r.report)).toEqual({ passed: 11, failed: 2, 'pass-rate': 84.62 });
  });
});

describe('what is not a report launch reads, named as far as it was recognised', () => {
  it('other tools\' JSON', () => {
    expect(refusal(text('bundle/rollup-size-snapshot-react-beautiful-dnd.json')).message).toMatch(/^it is a rollup-plugin-size-snapshot file, which launch does not read/);
    expect(refusal('{"src/a.js": {"path": "src/a.js", "statementMap": {}}}').message).toMatch(/^it is an Istanbul coverage-final.json/);
    expect(refusal('{"name": "x", "version": "1.0.0"}').message).toBe('it is a JSON object with keys name, version, not a report launch reads');
    expect(refusal('[{"url": "http://localhost/", "jsonPath": "lhr.json"}]').message).toBe('it is a JSON array of 1 entries, not a report');
    expect(refusal('<html><body/></html>').message).toBe('it is an XML document with root <html>, not a report launch reads');
    expect(refusal('<coverage generated="1" clover="4.4.1"><project/></coverage>').message).toMatch(/^it is a Clover coverage report/);
    expect(refusal('TN:\nnot lcov at all\n').message).toBe('it is not JSON, XML or an lcov tracefile (it starts with "TN:")');
    expect(refusal(' \n').message).toBe('it is empty');
  });

  it('a failed run: a Lighthouse runtimeError, a webpack build with errors, a Lighthouse before version 5', () => {
    expect(refusal(text('lighthouse/runtime-error-documented.json')).message).toMatch(/^the Lighthouse run failed \(runtimeError ERRORED_DOCUMENT_REQUEST: Lighthouse was unable/);
    const stats = JSON.parse(text('bundle/webpack5.112-stats.json'));
    expect(refusal(JSON.stringify({ ...stats, errors: [{ message: 'x' }], errorsCount: 1 })).message).toBe('the webpack build failed (1 error in its stats)');
    expect(refusal('{"lighthouseVersion": "4.3.0", "audits": {}, "categories": {}}').message).toBe('Lighthouse 4.3.0 results are not read (version 5 and later are)');
  });

  it('a shape that looks like a kind but is not one says which field is wrong', () => {
    expect(refusal('{"lighthouseVersion": "10.0.0", "audits": {}, "categories": {"performance": {"score": "high"}}}').message).toMatch(/^it looks like a Lighthouse report, but categories\.performance\.score: /);
    expect(refusal('{"total": {"lines": {"total": "many"}}}').message).toMatch(/^it looks like an Istanbul coverage summary, but total\.lines\.total: /);
    expect(refusal('<coverage line-rate="high"/>').message).toMatch(/^it looks like a Cobertura coverage report, but @line-rate: /);
  });

  it('malformed JSON and XML give the line', () => {
    const json = refusal('{\n  "total": {\n    "lines": {"total": 3,}\n  }\n}');
    expect(json).toMatchObject({ line: 3 });
    expect(json.message).toMatch(/^malformed JSON: /);
    expect(refusal('{\n"a": 1,\n').line).toBe(3);
    expect(refusal('<testsuites>\n  <testsuite tests="1">\n    <testcase name="x">\n  </testsuite>\n</testsuites>')).toMatchObject({ line: 4, message: expect.stringMatching(/^malformed XML: /) });
  });

  it('never expands XML entities (no entity bomb)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><testsuite name="&c;" tests="1"><testcase name="&c;"/></testsuite>`;
    const r = readReportText(bomb);
    expect(r.ok && values(r.report)).toEqual({ passed: 1, failed: 0, 'pass-rate': 100 });
  });
});

describe('the field a target reads', () => {
  const lh = () => report('lighthouse/lh-v9.6.8-gladki24-cta-ad.json');
  it('by default, from the target\'s kind of amount', () => {
    expect(readingFor(lh(), undefined, target('>85'))).toMatchObject({ ok: true, field: 'performance', value: '100' });
    expect(readingFor(lh(), undefined, target('>95%'))).toMatchObject({ ok: true, field: 'performance', value: '100%' });
    expect(readingFor(lh(), undefined, target('<2.5s'))).toMatchObject({ ok: true, field: 'lcp', value: '0.804386s' });
    expect(readingFor(report('k6/handlesummary-minified-grafana-circleci-orb.json'), undefined, target('<500ms'))).toMatchObject({ ok: true, field: 'p95', value: '260.642ms' });
    expect(readingFor(report('k6/summary-export-documented.json'), undefined, target('500 users'))).toMatchObject({ ok: true, field: 'vus_max', value: '500' });
    expect(readingFor(report('coverage-summary/vitest1-v8-agentguard.json'), undefined, target('>70%'))).toMatchObject({ ok: true, field: 'lines', value: '83.27%' });
    expect(readingFor(report('junit/pytest9-junit.xml'), undefined, target('>95%'))).toMatchObject({ ok: true, field: 'pass-rate', value: '80%' });
    expect(readingFor(report('bundle/webpack5.112-stats.json'), undefined, target('<600KB'))).toMatchObject({ ok: true, field: 'js', value: '2.992KB' });
  });

  it('or the one --field names, a bundle\'s globs included', () => {
    expect(readingFor(lh(), 'seo', target('>85'))).toMatchObject({ ok: true, value: '50' });
    expect(readingFor(lh(), 'cls', target('<0.1'))).toMatchObject({ ok: true, value: '0' });
    expect(readingFor(report('coverage-summary/jest24-ngx-bdir.json'), 'branches', target('>85%'))).toMatchObject({ ok: true, value: '85.71%' });
    expect(readingFor(report('bundle/webpack5.112-stats.json'), 'main.*.{js,css}', target('<600KB'))).toMatchObject({ ok: true, value: '2.908KB' });
    expect(readingFor(report('k6/summary-export-documented.json'), 'rps', target('>10 req/s'))).toMatchObject({ ok: true, value: '16.66 req/s' });
  });

  it('refuses a unit that cannot compare, a field the report lacks, a word target; an unknown --field is a usage error', () => {
    expect(readingFor(lh(), 'total-byte-weight', target('<2.5s'))).toEqual({ ok: false, reason: 'Lighthouse 9.6.8 total byte weight is a size, but <2.5s is a time; choose another --field (performance|accessibility|best-practices|seo|lcp|fcp|tbt|cls|si|total-byte-weight)' });
    expect(readingFor(report('coverage-summary/jest24-ngx-bdir.json'), undefined, target('<600KB'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^this Istanbul coverage summary has no field for a size target like <600KB; choose one with --field/) });
    expect(readingFor(report('k6/summary-export-no-p95-documented.json'), undefined, target('<500ms'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^no p95 in this k6 summary: it has no p\(95\) of http_req_duration; it has avg, min, med, max, p\(90\), p\(99\)/) });
    expect(readingFor(report('junit/mocha12-xunit.xml'), undefined, target('500 users'))).toEqual({ ok: false, reason: 'JUnit XML passed tests (4 tests, 0 failed, 1 skipped): "3 passed tests" counts passed tests, but >=500 users counts users' });
    expect(readingFor(lh(), undefined, target('Pass'))).toMatchObject({ ok: false, reason: 'its target Pass is a word, and a Lighthouse report gives numbers; record the word by hand' });
    expect(readingFor(lh(), 'speed', target('>85'))).toMatchObject({ ok: false, usage: true, reason: expect.stringMatching(/^--field: a Lighthouse report has no field "speed"/) });
    expect(readingFor(report('bundle/esbuild0.28-build-result.json'), 'css', target('<50KB'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^no css in this esbuild metafile: it has no CSS outputs/) });
  });
});

describe('globs', () => {
  it.each([
    ['dist/**/*.js', ['dist/a.js', 'dist/x/y/b.js'], ['dist/a.css', 'dist/a.js.map', 'src/a.js']],
    ['dist/*.js', ['dist/a.js'], ['dist/x/a.js']],
    ['main.*.{js,css}', ['main.1a2b.js', 'main.1a2b.css'], ['main.1a2b.js.map', 'chunk.js']],
    ['file?.[ch]', ['file1.c', 'fileA.h'], ['file10.c', 'file1.o']],
    ['a+b(1).js', ['a+b(1).js'], ['aab(1).js']],
  ])('%s', (glob, yes, no) => {
    const re = globToRegExp(glob);
    for (const p of yes) expect(re.test(p), p).toBe(true);
    for (const p of no) expect(re.test(p), p).toBe(false);
  });

  it('walks from the folders before the first pattern', () => {
    expect([globBase('dist/**/*.js'), globBase('*.js'), globBase('build/static/js/main.*.js')]).toEqual(['dist', '', 'build/static/js']);
  });
});
