// `launch status`: done/total per sprint and week with bars, and the burndown chart.
import type { DayPosition } from '../core/calendar/calendar.js';
import type { Burndown } from '../core/queries/burndown.js';
import { describeOnTrack } from '../core/queries/progress.js';
import type { Status } from '../core/queries/status.js';
import { bar } from './bar.js';
import { formatDate } from './dates.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface StatusModel {
  title: string;
  status: Status;
  position: DayPosition;
  burndown: Burndown;
}

/** The chart library's plot (asciichart), loaded by the command only when there is a chart to draw. */
export interface Plotter {
  plot(series: number[][], config: { height: number; colors?: string[]; format: (x: number) => string }): string;
  blue: string;
  darkgray: string;
}

const pct = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

export function renderStatus(m: StatusModel, theme: Theme, plotter: Plotter | undefined): string[] {
  const { c } = theme;
  const { status: s, position } = m;
  const day = position.dayOfPlan !== undefined ? ` · working day ${position.dayOfPlan} of ${position.totalWorkingDays}` : '';
  const out = [c.bold(`${safeText(m.title)} · as of ${formatDate(s.date)}${day}`)];
  out.push(`${'Overall'.padEnd(12)}${bar(s.overall.done, s.overall.total)}  ${s.overall.done}/${s.overall.total} done (${pct(s.overall.done, s.overall.total)}%)`);
  const weeks = new Map(s.weeks.map((w) => [w.week, w]));
  for (const sp of s.sprints) {
    const verdict = sp.onTrack ? ` · ${sp.onTrack.verdict === 'behind' ? c.red(describeOnTrack(sp.onTrack)) : c.green(describeOnTrack(sp.onTrack))}` : '';
    out.push(c.bold(`${safeText(sp.sprint.name).padEnd(12)}`) + `${bar(sp.done, sp.total)}  ${sp.done}/${sp.total}${verdict}`);
    for (let w = sp.sprint.weeks.from; w <= sp.sprint.weeks.to; w++) {
      const wc = weeks.get(w) ?? { done: 0, total: 0 };
      if (wc.total > 0) out.push(c.dim(`  ${`Week ${w}`.padEnd(10)}`) + `${bar(wc.done, wc.total, 10)}  ${wc.done}/${wc.total}`);
    }
  }
  if (plotter) out.push(...burndownLines(m.burndown, theme, plotter));
  return out;
}

/** Whether the burndown has a line to draw (the command loads the chart library only then). */
export const hasChart = (b: Burndown): boolean => b.points.length >= 2;

function burndownLines(chart: Burndown, theme: Theme, plotter: Plotter): string[] {
  if (!hasChart(chart)) return [];
  // Keep the chart within a terminal: at most 60 columns, sampling evenly.
  const step = Math.max(1, Math.ceil(chart.points.length / 60));
  const sampled = chart.points.filter((_, i) => i % step === 0 || i === chart.points.length - 1);
  const ideal = sampled.map((p) => p.ideal);
  const actual = sampled.filter((p) => p.remaining !== null).map((p) => p.remaining!);
  const series = actual.length > 0 ? [ideal, actual] : [ideal];
  const colors = theme.enabled ? [plotter.darkgray, plotter.blue] : undefined;
  const first = sampled[0]!.date;
  const last = sampled.at(-1)!.date;
  return [
    '',
    theme.c.bold('Burndown') + theme.c.dim(` · open items at the end of each working day${step > 1 ? ` (every ${step} days)` : ''}`),
    plotter.plot(series, { height: 10, ...(colors ? { colors } : {}), format: (x: number) => String(Math.round(x)).padStart(5) }),
    theme.c.dim(`       ${first}${' '.repeat(Math.max(1, sampled.length - 20))}${last}`),
    theme.c.dim('       the falling straight line is the ideal; the other is what is really open'),
  ];
}
