// launch status [--date]: progress per sprint and week, overall, and the burndown chart.
import { burndown, type Burndown } from '../core/queries/burndown.js';
import { describeOnTrack, onTrack, sprintEntries } from '../core/queries/progress.js';
import { buildPlanView, type Scheduled } from '../core/queries/schedule.js';
import { openSession, resolveDate } from '../io/session.js';
import { bar } from '../render/bar.js';
import { formatDate } from '../render/dates.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';

const count = (entries: Scheduled[]) => ({ done: entries.filter((e) => e.status === 'done').length, total: entries.length });
const pct = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

export async function statusCommand(ctx: Ctx, opts: { date?: string }): Promise<void> {
  // The burndown replays the timeline.
  const session = await openSession(ctx, { history: true });
  const date = resolveDate(opts.date, session.today);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const position = session.calendar.position(date);
  const overall = count(view.entries);
  const sprints = session.plan.sprints.map((sprint) => {
    const c = count(sprintEntries(view, sprint));
    const inSprint = position.week !== undefined && sprint.weeks.from <= position.week && position.week <= sprint.weeks.to;
    return { sprint, ...c, onTrack: inSprint && position.phase === 'during' ? onTrack(view, sprint, date) : undefined };
  });
  const weeks = new Map<number, Scheduled[]>();
  for (const e of view.entries) {
    if (!e.schedule) continue;
    const w = session.calendar.weekOf(e.schedule.due);
    weeks.set(w, [...(weeks.get(w) ?? []), e]);
  }
  const chart = burndown(view, session.state.timeline, session.state.cancelled, date);

  if (ctx.json) {
    return ctx.printJson({
      schema: 1,
      date,
      overall,
      sprints: sprints.map((s) => ({ id: s.sprint.id, name: s.sprint.name, title: s.sprint.title, done: s.done, total: s.total, onTrack: s.onTrack ? { verdict: s.onTrack.verdict, done: s.onTrack.done, expected: s.onTrack.expected } : null })),
      weeks: [...weeks].sort(([a], [b]) => a - b).map(([week, entries]) => ({ week, ...count(entries) })),
      burndown: chart,
    });
  }
  const { c } = ctx.theme;
  const day = position.dayOfPlan !== undefined ? ` · working day ${position.dayOfPlan} of ${position.totalWorkingDays}` : '';
  ctx.print(c.bold(`${safeText(session.plan.title)} · as of ${formatDate(date)}${day}`));
  ctx.print(`${'Overall'.padEnd(12)}${bar(overall.done, overall.total)}  ${overall.done}/${overall.total} done (${pct(overall.done, overall.total)}%)`);
  for (const s of sprints) {
    const verdict = s.onTrack ? ` · ${s.onTrack.verdict === 'behind' ? c.red(describeOnTrack(s.onTrack)) : c.green(describeOnTrack(s.onTrack))}` : '';
    ctx.print(c.bold(`${safeText(s.sprint.name).padEnd(12)}`) + `${bar(s.done, s.total)}  ${s.done}/${s.total}${verdict}`);
    for (let w = s.sprint.weeks.from; w <= s.sprint.weeks.to; w++) {
      const wc = count(weeks.get(w) ?? []);
      if (wc.total > 0) ctx.print(c.dim(`  ${`Week ${w}`.padEnd(10)}`) + `${bar(wc.done, wc.total, 10)}  ${wc.done}/${wc.total}`);
    }
  }
  await printBurndown(ctx, chart);
}

async function printBurndown(ctx: Ctx, chart: Burndown): Promise<void> {
  if (chart.points.length < 2) return;
  const { asciichart } = await import('../lazy/chart.js');
  // Keep the chart within a terminal: at most 60 columns, sampling evenly.
  const step = Math.max(1, Math.ceil(chart.points.length / 60));
  const sampled = chart.points.filter((_, i) => i % step === 0 || i === chart.points.length - 1);
  const ideal = sampled.map((p) => p.ideal);
  const actual = sampled.filter((p) => p.remaining !== null).map((p) => p.remaining!);
  const series = actual.length > 0 ? [ideal, actual] : [ideal];
  const colors = ctx.theme.enabled ? [asciichart.darkgray, asciichart.blue] : undefined;
  ctx.print();
  ctx.print(ctx.theme.c.bold('Burndown') + ctx.theme.c.dim(` · open items at the end of each working day${step > 1 ? ` (every ${step} days)` : ''}`));
  ctx.print(asciichart.plot(series, { height: 10, ...(colors ? { colors } : {}), format: (x: number) => String(Math.round(x)).padStart(5) }));
  const first = sampled[0]!.date;
  const last = sampled.at(-1)!.date;
  ctx.print(ctx.theme.c.dim(`       ${first}${' '.repeat(Math.max(1, sampled.length - 20))}${last}`));
  ctx.print(ctx.theme.c.dim('       the falling straight line is the ideal; the other is what is really open'));
}
