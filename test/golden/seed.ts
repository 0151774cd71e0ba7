// The seeded workspace's log and the read commands the golden test runs on it. The log is written
// directly, with fixed ids, so that every output is the same on every run; it holds what real logs
// hold: backdated and recorded times, an undo, a repeated line from a union merge, a type this version
// does not know, measurements, escalations, KPI values and standup answers.

/** Friday of week 1, 11:00 in Berlin: a KPI checkpoint and the day of the weekly review. */
export const SEED_CLOCK = '2026-12-04T10:00:00Z';

type Fields = Record<string, unknown>;

const event = (id: string, ts: string, actor: string, type: string, fields: Fields = {}): string =>
  JSON.stringify({ v: 1, id, ts: `${ts}+01:00`, actor, type, ...fields });

export function seedEvents(): string {
  const e15 = event('e15', '2026-12-02T10:00:00.000', 'alice', 'check', { item: 'framer-motion-integration' });
  return [
    event('e01', '2026-11-30T09:10:00.000', 'alice', 'check', { item: 'skeleton-loading-setup', note: 'all three skeletons in' }),
    event('e02', '2026-11-30T10:00:00.000', 'bob', 'check', { item: 'database-index-creation' }),
    event('e03', '2026-11-30T11:00:00.000', 'bob', 'block', { item: 'redis-setup', reason: 'waiting for DBA' }),
    event('e04', '2026-11-30T11:05:00.000', 'carol', 'note', { item: 'redis-setup', text: 'DBA on holiday until Wed' }),
    event('e05', '2026-11-30T15:00:00.000', 'alice', 'kpi', { metric: 'bundle-size', value: '540KB', week: 1, note: 'analyzer' }),
    event('e06', '2026-11-30T16:00:00.000', 'alice', 'standup', {
      date: '2026-11-30',
      answers: { 'What did you complete yesterday?': 'planning', 'What are you working on today?': 'skeletons', 'Any blockers or dependencies?': 'none' },
    }),
    event('e07', '2026-12-01T09:00:00.000', 'alice', 'check', { item: 'bundle-analysis' }),
    event('e08', '2026-12-01T09:30:00.000', 'bob', 'check', { item: 'initial-bundle-500kb', values: [{ text: '520KB', status: 'missed' }], missed: true }),
    event('e09', '2026-12-01T10:00:00.000', 'bob', 'escalate', { item: 'redis-setup', level: 'high', reason: 'blocks all caching work' }),
    event('e10', '2026-12-01T11:00:00.000', 'carol', 'kpi', { metric: 'db-query-time', value: '60ms', week: 1 }),
    event('e11', '2026-12-01T12:00:00.000', 'carol', 'note', { item: 'mfa-backend-implementation', text: 'TOTP library chosen' }),
    event('e12', '2026-12-01T12:05:00.000', 'carol', 'undo', { item: 'mfa-backend-implementation', target: 'e11' }),
    event('e13', '2026-12-01T12:00:00.000', 'dave', 'check', { item: 'connection-pool-optimization', recorded: '2026-12-02T08:00:00.000+01:00' }),
    // A type this version does not know (a newer writer's): kept and ignored.
    event('e14', '2026-12-02T09:00:00.000', 'dave', 'estimate', { item: 'redis-setup', points: 3 }),
    e15,
    e15,
    event('e16', '2026-12-02T14:00:00.000', 'alice', 'uncheck', { item: 'bundle-analysis' }),
    event('e17', '2026-12-03T09:00:00.000', 'bob', 'check', {
      item: 'core-web-vitals',
      values: [
        { label: 'LCP', text: '2.1s', status: 'met' },
        { label: 'FID', text: '80ms', status: 'met' },
      ],
    }),
    event('e18', '2026-12-03T10:00:00.000', 'alice', 'check', { item: 'mfa-backend-implementation' }),
    event('e19', '2026-12-04T09:00:00.000', 'alice', 'kpi', { metric: 'bundle-size', value: '480KB', week: 2 }),
    event('e20', '2026-12-04T09:15:00.000', 'bob', 'standup', { date: '2026-12-04', answers: { 'What did you complete yesterday?': 'core web vitals' } }),
    event('e21', '2026-12-04T09:20:00.000', 'carol', 'escalate', { level: 'critical', reason: 'security audit slipped' }),
  ].join('\n') + '\n';
}

const DATES = ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-04', '2026-12-05', '2026-12-11', '2026-12-25', '2027-02-15'];

export const READS: string[][] = [
  ['today'],
  ...DATES.map((d) => ['today', '--date', d]),
  ['today', '--date', '2026-12-01', '--team', 'backend', '--all'],
  ['today', '--date', '2026-12-03', '--team', 'nobody'],
  ['today', '--json'],
  ['today', '--date', '2026-11-27', '--json'],
  ['today', '--date', '2027-02-15', '--json'],
  ['list'],
  ['list', '--json'],
  ['list', '--status', 'blocked'],
  ['list', '--status', 'done', '--json'],
  ['list', '--sprint', '1', '--week', '2', '--kind', 'check'],
  ['list', '--team', 'security'],
  ['list', '--plan', 'release-checklist.md'],
  ['list', '--plan', 'roadmap.md', '--json'],
  ['show', 'redis-setup'],
  ['show', 'initial-bundle'],
  ['show', 'core web vitals', '--json'],
  ['show', 'mfa-backend-implementation'],
  ['show', 'bundle-analysis', '--json'],
  ['show', 'all-p1-bugs', '--plan', 'release-checklist.md'],
  ['log'],
  ['log', '--json'],
  ['log', '--actor', 'bob'],
  ['log', '--item', 'redis-setup', '--limit', '3'],
  ['log', '--since', '2026-12-02'],
  ['status'],
  ['status', '--date', '2026-12-01'],
  ['status', '--date', '2027-02-15'],
  ['status', '--json'],
  ['standup'],
  ...['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-07'].map((d) => ['standup', '--date', d]),
  ['standup', '--date', '2026-12-02', '--format', 'md'],
  ['standup', '--date', '2026-12-04', '--json'],
  ['standup', '--date', '2026-12-02', '--actor', 'alice'],
  ['standup', '--date', '2026-12-02', '--team', 'frontend'],
  ['kpis'],
  ['kpis', '--json'],
  ['kpis', '--sprint', '1'],
  ['kpis', '--week', '2', '--date', '2026-12-01'],
  ['kpis', '--gate', '--date', '2026-12-11'],
  ['kpis', '--gate', '--date', '2026-12-02', '--json'],
  ['escalate'],
  ['escalate', '--json'],
  ['doctor'],
  ['doctor', '--json'],
  ['validate', '.launch/plan.yaml'],
  ['validate', 'release-checklist.md', '--json'],
  ['validate', 'go-live.md'],
];
