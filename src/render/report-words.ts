// Words and symbols the HTML and Markdown reports share: a status is always a symbol and a word, so
// it reads the same printed in black and white, to a screen reader, or pasted into an issue.
import type { DayPosition } from '../core/calendar/calendar.js';
import type { KpiStatus } from '../core/queries/kpis.js';
import type { OnTrack } from '../core/queries/progress.js';
import { describeOnTrack } from '../core/queries/progress.js';
import type { Report } from '../core/queries/report.js';
import { formatDate } from './dates.js';
import { weekLabel } from './marks.js';

export const KPI_STATUS: Record<KpiStatus, { symbol: string; word: string }> = {
  met: { symbol: '✔', word: 'met' },
  missed: { symbol: '✖', word: 'missed' },
  'on-track': { symbol: '✓', word: 'on track' },
  'at-risk': { symbol: '◔', word: 'at risk' },
  pending: { symbol: '·', word: 'pending' },
  'no-data': { symbol: '–', word: 'no data' },
};

export const kpiStatusText = (s: KpiStatus): string => `${KPI_STATUS[s].symbol} ${KPI_STATUS[s].word}`;

/** The verdict's symbol and words ("▼ behind by 2"), and its kind for styling. */
export function verdictText(t: OnTrack): { kind: 'good' | 'bad'; text: string } {
  const symbol = t.verdict === 'behind' ? '▼' : t.verdict === 'ahead' ? '▲' : '✓';
  return { kind: t.verdict === 'behind' ? 'bad' : 'good', text: `${symbol} ${describeOnTrack(t)}` };
}

/** Where the date falls: "Sprint 1 · Week 1 · working day 5 of 50", or before/after the plan. */
export function whereText(r: Report, totalWeeks: number): string {
  const p: DayPosition = r.today.position;
  if (p.phase === 'before') return p.daysUntilStart !== undefined ? `before the plan: it starts in ${p.daysUntilStart} day${p.daysUntilStart === 1 ? '' : 's'}` : 'before the plan';
  if (p.phase === 'after') return 'after the plan\'s last day';
  const parts: string[] = [];
  if (r.today.sprint) parts.push(r.today.sprint.name);
  if (p.week !== undefined) parts.push(`Week ${p.week} of ${totalWeeks}`);
  parts.push(p.dayOfPlan !== undefined ? `working day ${p.dayOfPlan} of ${p.totalWorkingDays}` : 'a day off');
  return parts.join(' · ');
}

/** The headline verdict: the sprint's, else what the date's phase says. */
export function headline(r: Report): { kind: 'good' | 'bad' | 'none'; text: string } {
  if (r.today.onTrack) return verdictText(r.today.onTrack);
  return { kind: 'none', text: r.today.position.phase === 'during' ? 'no sprint this week' : r.today.position.phase === 'before' ? 'not started' : 'ended' };
}

export const pct = (done: number, total: number): number => (total === 0 ? 0 : Math.round((done / total) * 100));


export { formatDate, weekLabel };

/** A short date for chart axes: "30 Nov". */
export const axisDate = (date: string): string => formatDate(date, false).slice(4);

/** What both documents are made from: the plan's title, the report, and how to read times. */
export interface ReportDoc {
  title: string;
  report: Report;
  totalWeeks: number;
  /** An event's time as a person reads it ("Mon 30 Nov 09:12", the workspace's zone). */
  when: (ts: string) => string;
}

/** The marker an earlier report carries, so `--out` may replace it without --force. */
export const REPORT_MARK = 'launch report';
