// `launch status`: done/total per sprint and week with bars, and the burndown chart.
import type { DayPosition } from '../core/calendar/calendar.js';
import type { Burndown } from '../core/queries/burndown.js';
import { describeOnTrack } from '../core/queries/progress.js';
import type { Status } from '../core/queries/status.js';
import { bar } from './bar.js';
import { formatDate, formatShortDate } from './dates.js';
import { displayWidth, padDisplay } from './fit.js';
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

export function renderStatus(m: StatusModel, theme: Theme, plotter: Plotter | undefined, columns: number | undefined): string[] {
  const { c } = theme;
  const { status: s, position } = m;
  const day = position.dayOfPlan !== undefined ? ` · working day ${position.dayOfPlan} of ${position.totalWorkingDays}` : '';
  const out = [c.bold(`${safeText(m.title)} · as of ${formatDate(s.date)}${day}`)];
  // The label column is as wide as its longest label (a sprint's name), within reason.
  const names = s.sprints.map((sp) => safeText(sp.sprint.name));
  const labels = Math.min(24, Math.max(10, ...names.map(displayWidth))) + 2;
  out.push(`${padDisplay('Overall', labels)}${bar(s.overall.done, s.overall.total)}  ${s.overall.done}/${s.overall.total} done (${pct(s.overall.done, s.overall.total)}%)`);
  const weekRow = (w: { week: number; done: number; total: number }) => c.dim(`  ${padDisplay(`Week ${w.week}`, labels - 2)}`) + `${bar(w.done, w.total, 10)}  ${w.done}/${w.total}`;
  const weeks = new Map(s.weeks.map((w) => [w.week, w]));
  s.sprints.forEach((sp, i) => {
    const verdict = sp.onTrack ? ` · ${sp.onTrack.verdict === 'behind' ? c.red(describeOnTrack(sp.onTrack)) : c.green(describeOnTrack(sp.onTrack))}` : '';
    out.push(c.bold(padDisplay(names[i]!, labels)) + `${bar(sp.done, sp.total)}  ${sp.done}/${sp.total}${verdict}`);
    for (let w = sp.sprint.weeks.from; w <= sp.sprint.weeks.to; w++) {
      const wc = weeks.get(w);
      if (wc && wc.total > 0) out.push(weekRow(wc));
    }
  });
  // Weeks no sprint holds (a plan without sprints has only these) get their rows too.
  const inSprint = (week: number) => s.sprints.some((sp) => sp.sprint.weeks.from <= week && week <= sp.sprint.weeks.to);
  for (const w of s.weeks) if (w.total > 0 && !inSprint(w.week)) out.push(weekRow(w));
  if (plotter) out.push(...burndownLines(m.burndown, theme, plotter, columns));
  return out;
}

/** Whether the burndown has a line to draw (the command loads the chart library only then). */
export const hasChart = (b: Burndown): boolean => b.points.length >= 2;

/** The axis labels' columns (5) and the axis itself (2). */
const AXIS = 7;

function burndownLines(chart: Burndown, theme: Theme, plotter: Plotter, columns: number | undefined): string[] {
  if (!hasChart(chart)) return [];
  // At most 60 columns of plot, fewer on a narrow terminal: a long plan is sampled evenly; a short one
  // is stretched, each day drawn several columns wide, so a two-week plan is a line and not a smudge.
  const room = Math.max(10, Math.min(60, (columns ?? Infinity) - AXIS - 1));
  const step = Math.max(1, Math.ceil(chart.points.length / room));
  const sampled = chart.points.filter((_, i) => i % step === 0 || i === chart.points.length - 1);
  const stretch = Math.max(1, Math.floor(room / sampled.length));
  const wide = (values: number[]) => values.flatMap((v) => Array<number>(stretch).fill(v));
  const ideal = wide(sampled.map((p) => p.ideal));
  const actual = wide(sampled.filter((p) => p.remaining !== null).map((p) => p.remaining!));
  const series = actual.length > 0 ? [ideal, actual] : [ideal];
  const colors = theme.enabled ? [plotter.darkgray, plotter.blue] : undefined;
  // One row per item while they fit in ten, so no two rows carry the same label.
  const height = Math.max(1, Math.min(10, chart.total));
  const first = formatShortDate(sampled[0]!.date);
  const last = formatShortDate(sampled.at(-1)!.date);
  const span = ideal.length;
  return [
    '',
    theme.c.bold('Burndown') + theme.c.dim(` · open items at the end of each working day${step > 1 ? ` (every ${step} days)` : ''}`),
    plotter.plot(series, { height, ...(colors ? { colors } : {}), format: (x: number) => String(Math.round(x)).padStart(5) }),
    theme.c.dim(`${' '.repeat(AXIS)}${first}${' '.repeat(Math.max(1, span - first.length - last.length))}${last}`),
    theme.c.dim(`${' '.repeat(AXIS)}the falling straight line is the ideal; the other is what is really open`),
  ];
}
