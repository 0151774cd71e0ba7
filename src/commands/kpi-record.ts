// launch kpi record <metric...> <value> [--week N] [--note]: the measured actual for a KPI, named by
// words without quotes (the last word is the value). With --from <report> the words are all the
// metric and the value is read from a CI report (its reader loads only then), which the event names.
// A value that does not parse, or measures the wrong thing, is refused and nothing is recorded.
import type { Kpi, WeekSpan } from '../core/plan/schema.js';
import { kpiCells, targetWeekFor } from '../core/queries/kpis.js';
import type { KpiSource } from '../core/log/kpi-source.js';
import { FIELD_CHOICES } from '../core/reports/report.js';
import type { Target } from '../core/targets/schema.js';
import { parseMeasurement } from '../core/targets/targets.js';
import { LaunchError, UsageError } from '../errors.js';
import { kpiRecordJson } from '../render/json/records.js';
import { kpiRead, kpiRecorded } from '../render/records.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate, weekNumber, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface KpiRecordOptions {
  week?: string;
  note?: string;
  as?: string;
  date?: string;
  from?: string;
  field?: string;
  gzip?: boolean;
}

export const register: Register = (program, rt) =>
  program
    .command('kpi')
    .description('record KPI values (see: launch kpi record --help)')
    .command('record')
    .description('record the measured value of a KPI for a week')
    .usage('[options] <metric...> <value>\n       launch kpi record [options] <metric...> --from <report>')
    .argument('<metric...>', 'KPI id or words of its name (bundle size), then the measured value: 540KB, 85%, 4.2/5, 750, Pass')
    .option('--from <report>', "read the value from a CI report (Lighthouse, coverage, Cobertura, lcov, JUnit, k6, webpack, esbuild), or sum the sizes of the files a quoted glob matches ('dist/**/*.js')")
    .option('--field <name>', 'with --from, the figure to read instead of the one the target calls for (see Fields below)')
    .option('--gzip', 'with a --from glob, sum the files\' gzipped sizes')
    .option('--week <n>', 'the plan week the value is for (default: the current week)')
    .option('--note <text>', 'where the number came from')
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      fieldsHelp() +
      examples(
        'launch kpi record bundle size 540KB --week 1',
        'launch kpi record cache-hit-rate 85%',
        'launch kpi record load test "600 users"',
        'launch kpi record test coverage --from coverage/coverage-summary.json',
        'launch kpi record performance score --from lighthouse.json --field performance',
        "launch kpi record bundle size --from 'dist/**/*.js' --gzip",
      ),
    )
    .option(...QUIET_OPTION)
    .action(handle(rt, kpiRecordCommand));

/** The --field choices by kind of report, wrapped to the 80 columns help is printed in. */
function fieldsHelp(): string {
  const rows = Object.entries({ ...FIELD_CHOICES, bundle: [...FIELD_CHOICES.bundle, "a glob of output names ('main.*.js')"] }).map(([kind, fields]) => {
    const lines: string[] = [];
    for (const word of fields.join(', ').split(' ')) {
      const last = lines.length - 1;
      if (last >= 0 && lines[last]!.length + 1 + word.length <= 66) lines[last] += ` ${word}`;
      else lines.push(word);
    }
    return lines.map((l, i) => `  ${(i === 0 ? kind : '').padEnd(12)}${l}`).join('\n');
  });
  return `\nFields for --field, by kind of report:\n${rows.join('\n')}\n`;
}

const spanText = (w: WeekSpan) => (w.from === w.to ? `${w.from}` : `${w.from}-${w.to}`);
const weeksOf = (kpi: Kpi) => kpi.targets.map((t) => spanText(t.weeks)).join(', ');

/**
 * The target week a value is for: --week when the KPI has a target that week, else the target of the
 * week the value counts for, or the KPI's next one. A week without a target is refused.
 */
function weekFor(kpi: Kpi, explicit: string | undefined, countsIn: number | undefined, value: string): WeekSpan {
  if (explicit !== undefined) {
    const week = weekNumber(explicit);
    const target = kpi.targets.find((t) => t.weeks.from <= week && week <= t.weeks.to);
    if (!target) throw new UsageError(`--week: ${kpi.metric} has no target for week "${explicit}"; its targets are for weeks ${weeksOf(kpi)}`);
    return target.weeks;
  }
  if (countsIn === undefined) throw new UsageError('the day it counts for is outside the plan: say which week the value is for', `launch kpi record "${kpi.metric}" ${value} --week ${kpi.targets[0]!.weeks.from}`);
  const weeks = targetWeekFor(kpi, countsIn);
  if (!weeks) throw new UsageError(`${kpi.metric} has no target in week ${countsIn} or after; its targets are for weeks ${weeksOf(kpi)}`, 'give --week for one of them, and --date for the day it was measured');
  return weeks;
}

/** The words as metric and typed value, or all metric with --from; flags that need --from refused without it. */
function split(words: string[], opts: KpiRecordOptions): { metricRef: string; typed: string | undefined } {
  if (opts.from === undefined) {
    if (opts.field !== undefined || opts.gzip) throw new UsageError(`${opts.field !== undefined ? '--field' : '--gzip'} reads a report: give --from too`, 'launch kpi record test coverage --from coverage/coverage-summary.json --field branches');
    if (words.length < 2) throw new UsageError(`what value? the metric's words come first, the value last`, 'launch kpi record bundle size 540KB');
    return { metricRef: words.slice(0, -1).join(' '), typed: words[words.length - 1]! };
  }
  const last = parseMeasurement(words[words.length - 1]!);
  if (words.length > 1 && last.ok && 'value' in last.value) throw new UsageError(`a value and --from: give one or the other ("${words[words.length - 1]}" or the report)`);
  return { metricRef: words.join(' '), typed: undefined };
}

interface FromReport {
  value: string;
  source: KpiSource;
  /** What was read, for the first line printed. */
  read: string;
}

/** The value of a report for this target; every refusal exits before anything is recorded. */
async function fromReport(ctx: Ctx, launchDir: string, from: string, opts: KpiRecordOptions, target: Target): Promise<FromReport> {
  const { loadReport, measureWords, readingFor, workspaceRoot } = await import('../lazy/reports.js');
  const loaded = loadReport({ cwd: ctx.rt.cwd, root: workspaceRoot(launchDir), from, gzip: opts.gzip === true });
  const { report } = loaded;
  if (report.kind === 'files' && opts.field !== undefined) throw new UsageError('--field picks a figure of a report; a glob of files gives their total size (--gzip for gzipped)');
  const reading = readingFor(report, opts.field, target);
  if (!reading.ok) {
    if (reading.usage) throw new UsageError(reading.reason);
    throw new LaunchError(`${from}: ${reading.reason}; nothing recorded`);
  }
  const source: KpiSource = { file: loaded.file, kind: report.kind, field: reading.field, sha256: loaded.sha256, ...(report.tool && { tool: report.tool }) };
  return { value: reading.value, source, read: report.kind === 'files' ? reading.measure.label : `${measureWords(report, reading.measure)}, ${from}` };
}

export async function kpiRecordCommand(ctx: Ctx, words: string[], opts: KpiRecordOptions): Promise<void> {
  const { metricRef, typed } = split(words, opts);
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const kpis = state.plan.kpis.map((k) => ({ ...k, title: k.metric }));
  if (kpis.length === 0) throw new LaunchError('this plan has no KPIs');
  const kpi = await resolveOne(ctx, kpis, metricRef, 'KPI');
  const position = state.calendar.position(date ?? state.today);
  const weeks = weekFor(kpi, opts.week, position.phase === 'during' ? position.week : undefined, typed ?? `--from ${opts.from}`);
  const week = weeks.from;
  const target = kpi.targets.find((t) => t.weeks === weeks)!.target;
  const read = typed === undefined ? await fromReport(ctx, state.paths!.dir, opts.from!, opts, target) : undefined;
  const value = read?.value ?? typed!.trim();
  const measured = parseMeasurement(value, target);
  if (!measured.ok) {
    throw new LaunchError(`${kpi.metric}: ${measured.reason}; nothing recorded`, { hint: `expected ${measured.expected}` });
  }
  const actor = await actorFor(ctx, state, opts.as);
  const extra = { ...(opts.note ? { note: opts.note } : {}), ...(read && { source: read.source }) };
  const [event] = await record(ctx, state, [{ actor, type: 'kpi', metric: kpi.id, value, week, ...extra }], { date });
  const records = new Map(state.fold.kpis);
  records.set(kpi.id, [...(records.get(kpi.id) ?? []), { id: event!.id, metric: kpi.id, value, week, actor, ts: event!.ts }]);
  // What the new value means, as of today, for the target it is for and the ones after it.
  const cells = kpiCells([kpi], state.calendar, records, state.today).filter((c) => c.weeks.to >= week);
  if (ctx.json) return ctx.printJson(kpiRecordJson(event!, cells));
  ctx.printLines([...(read ? [kpiRead(kpi.metric, value, read.read)] : []), ...kpiRecorded(ctx.theme, kpi.metric, value, week, cells)]);
}
