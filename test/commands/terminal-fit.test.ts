// On a terminal every screen fits its width (60, 80, 120 columns): words are never split, long ids
// keep the titles aligned, a plan without sprints shows its weeks; in a pipe nothing is cut. Also the
// terminal's other manners: -q on writes, errors as JSON with --json, and words instead of event ids.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, launcher, workspaceWith } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const NOW = '2026-12-01T10:00:00Z';

/** Long ids and titles, wide characters, no sprints: two weeks of one block each. */
const PLAN = `# Fit plan

### Week 1: A first week with a rather long title to wrap around the edge

#### Monday - Friday: Work on the skeleton components across every screen of the app
**Team**: Frontend Lead + UI Developer + Backend Lead + DevOps Engineer

- [ ] Skeleton components implemented for all data tables and every chart in the dashboard
- [ ] 検索インデックスの最適化とキャッシュの見直しを行い、応答時間を半分にする
- [ ] Bundle size analyzed 🚀 and an optimization plan created with the whole team in the loop
- [ ] Performance monitoring dashboards deployed with alerting on every production service

### Week 2: Second

#### Monday - Friday: More
- [ ] Another very long checklist item title that goes on and on about performance and security
`;

const TITLES = [
  'Skeleton components implemented for all data tables and every chart in the dashboard',
  'Performance monitoring dashboards deployed with alerting on every production service',
];

const READS = [['today'], ['list'], ['show', 'skeleton-components-implemented'], ['show', 'performance-monitoring-dashboards'], ['standup'], ['status'], ['kpis'], ['log']];

async function at(dir: string, args: string[], columns: number | undefined, env = ENV) {
  const r = await launchIn(args, { cwd: dir, env, now: NOW, stdoutIsTTY: columns !== undefined, columns });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

const tooWide = (text: string, columns: number) => text.split('\n').filter((l) => stringWidth(l) > columns);
/** The output's words run together again: a title wrapped at spaces reads whole, one cut mid-word does not. */
const rejoined = (text: string) => text.split('\n').map((l) => l.trim()).join(' ').replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');

describe('screens fit the terminal', () => {
  let fit: string;
  let bundled: string;
  beforeAll(async () => {
    fit = scratchDir();
    writeFileSync(join(fit, 'plan.md'), PLAN);
    const init = await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], fit);
    expect(init.code, init.stderr).toBe(0);
    await launch(['check', 'bundle size analyzed'], fit);
    await launch(['block', 'performance monitoring', '--reason', 'waiting for the metrics cluster to be provisioned by the infrastructure team'], fit);
    bundled = await workspaceWith(launch);
    await launch(['escalate', 'redis-setup', '--level', 'critical', '--reason', 'the cache cluster is down in every region and nobody knows why yet'], bundled);
    await launch(['kpi', 'record', 'bundle size', '540KB'], bundled);
  });

  for (const columns of [60, 80, 120]) {
    it(`at ${columns} columns: no line wider, no title cut mid-word`, async () => {
      for (const [dir, reads] of [[fit, READS], [bundled, [...READS.filter((r) => r[0] !== 'show'), ['show', 'redis-setup'], ['today', '--date', '2026-12-04']]]] as const) {
        for (const args of reads) {
          const out = await at(dir, [...args], columns);
          expect(tooWide(out, columns), `${args.join(' ')} at ${columns}`).toEqual([]);
          if (dir === fit && (args[0] === 'today' || args[0] === 'list')) for (const title of TITLES) expect(rejoined(out)).toContain(title);
        }
      }
    });
  }

  it('the escalation contacts line wraps at 120 columns, under its text', async () => {
    const out = await at(bundled, ['today'], 120);
    const i = out.split('\n').findIndex((l) => l.includes('contacts:'));
    expect(i).toBeGreaterThan(0);
    expect(out.split('\n')[i + 1]).toMatch(/^ {4}\S/);
  });

  it('a pipe is never cut', async () => {
    const out = await at(fit, ['list'], undefined);
    expect(out).toContain(TITLES[0]);
    expect(tooWide(out, 80).length).toBeGreaterThan(0);
  });

  it('an id longer than its column puts its title on the next line, aligned with the others', async () => {
    const lines = (await at(fit, ['list'], 80, { ...ENV, NO_COLOR: '1' })).split('\n');
    const long = lines.findIndex((l) => l.trim().endsWith('performance-monitoring-dashboards'));
    expect(long, lines.join('\n')).toBeGreaterThan(0);
    const column = lines.find((l) => l.includes('Another very long'))!.indexOf('Another');
    expect(lines[long + 1]!.indexOf('Performance')).toBe(column);
  });

  it('a plan without sprints shows its weeks in status, and a burndown with one label per row', async () => {
    const out = await at(fit, ['status'], 80, { ...ENV, NO_COLOR: '1' });
    expect(out).toMatch(/^ {2}Week 1 +░*█*░* +1\/4$/m);
    expect(out).toMatch(/^ {2}Week 2 +░+ +0\/1$/m);
    const labels = out.split('\n').map((l) => /^ *(\d+) [┤┼]/.exec(l)?.[1]).filter(Boolean);
    expect(labels).toEqual(['5', '4', '3', '2', '1', '0']);
    expect(out).toMatch(/Mon 30 Nov +Fri 11 Dec/);
  });

  it('kpis: one compact table per sprint, no rule between rows, the legend once', async () => {
    const out = await at(bundled, ['kpis'], 60, { ...ENV, NO_COLOR: '1' });
    expect(out.match(/KPIs {2}as of/g)).toHaveLength(4);
    expect(out.match(/✔ met/g)).toHaveLength(1);
    expect(out).not.toMatch(/[┌├└│]/);
    expect(out.split('\n').length).toBeLessThan(36);
  });
});

describe('-q, JSON errors and words', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await workspaceWith(launch);
  });

  it('-q: a write prints nothing on success; a failure still says why on stderr', async () => {
    for (const args of [['check', 'team-standup', '-q'], ['note', 'team-standup', 'done early', '--quiet'], ['undo', '-q'], ['block', 'redis-setup', '--reason', 'dba', '-q']]) {
      const r = await launch(args, dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    const bad = await launch(['check', 'no-such-item-anywhere', '-q'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/no item matches/);
  });

  it('--json: errors are JSON on stderr with a stable code, and the same exit codes', async () => {
    const cases = [
      { args: ['show', 'no-such-item-anywhere', '--json'], exit: 1, code: 'not-found' },
      { args: ['check', 'redis', '--json'], exit: 1, code: 'ambiguous' },
      { args: ['list', '--week', 'two', '--json'], exit: 2, code: 'usage' },
      { args: ['today', '--bogus', '--json'], exit: 2, code: 'usage' },
      { args: ['--json', 'nosuchcommand'], exit: 2, code: 'usage' },
    ];
    for (const c of cases) {
      const r = await launch(c.args, dir);
      expect(r.code, c.args.join(' ')).toBe(c.exit);
      const body = JSON.parse(r.stderr);
      expect(body, c.args.join(' ')).toMatchObject({ schema: 1, error: { code: c.code } });
      expect(typeof body.error.message).toBe('string');
      expect(body.error).toHaveProperty('hint');
      expect(r.stderr.trim().split('\n'), 'one line').toHaveLength(1);
    }
    expect((await launch(['show', 'no-such-item-anywhere'], dir)).stderr).toMatch(/^error: no item matches/);
  });

  it('no event ids or ISO times in words: undo and show say what was undone, and when', async () => {
    await launch(['check', 'environment-setup'], dir);
    const undo = await launch(['undo'], dir);
    expect(undo.stdout).toMatch(/^undid: checked environment-setup \(Tue 1 Dec \d\d:\d\d\)$/m);
    await launch(['undo'], dir); // undoes the undo
    const show = await launch(['show', 'environment-setup'], dir);
    expect(show.stdout).toMatch(/undid "checked environment-setup"/);
    for (const out of [undo.stdout, show.stdout]) {
      expect(out).not.toMatch(/\b[0-9a-f]{16}\b/);
      expect(out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    }
  });

  it('plurals: one item is "1 item"', async () => {
    const own = await workspaceWith(launch);
    await launch(['check', 'team-standup'], own);
    const r = await launch(['list', '--status', 'done'], own);
    expect(r.stdout).toMatch(/^1 item · 1 done$/m);
  });
});
