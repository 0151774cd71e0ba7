// launch report [--date] [--sprint] [--format html|md] [--out file]: progress as a document that
// leaves the terminal — a self-contained HTML page to mail or print, or Markdown to paste into an
// issue or wiki. Without --out it goes to stdout.
import { report } from '../core/queries/report.js';
import { planView } from './shared/view.js';
import { UsageError } from '../errors.js';
import { REPORT_MARK, type ReportDoc } from '../render/report-words.js';
import { formatTimestamp } from '../render/timestamps.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { sprintMatcher } from './shared/filters.js';
import { openForRead } from './shared/open.js';
import { checkOutFile } from './shared/output.js';
import { DATE_OPTION, resolveDate } from './shared/options.js';

export interface ReportOptions {
  date?: string;
  sprint?: string;
  format?: string;
  out?: string;
  force?: boolean;
}

const FORMATS = ['html', 'md'] as const;

export const register: Register = (program, rt) =>
  program
    .command('report')
    .description('a progress report to share: one self-contained HTML page, or Markdown for an issue or wiki')
    .option(...DATE_OPTION)
    .option('--sprint <n>', 'only this sprint\'s progress, KPIs, blocked items and next week (1, s1)')
    .addOption(program.createOption('--format <format>', 'html (a page to mail, open or print) or md (GitHub Markdown)').choices(FORMATS))
    .option('--out <file>', 'write the report to this file (whole, or not at all) instead of stdout')
    .option('--force', 'with --out: replace a file that is not an earlier launch report')
    .addHelpText(
      'after',
      '\nThe format is html unless --out names a .md file. The page needs no network: its\nstyles and charts (SVG) are inside it, it follows the light or dark setting, and\nit prints on A4 or Letter. --out never writes inside .launch/ or onto anything\nbut a regular file; it replaces an existing file only if an earlier launch\nreport made it, or with --force.\n' +
        examples('launch report --out status.html', 'launch report --format md | gh issue comment 42 --body-file -', 'launch report --date 2026-12-11 --sprint 1 --out sprint-1.md'),
    )
    .action(handle(rt, reportCommand));

export async function reportCommand(ctx: Ctx, opts: ReportOptions): Promise<void> {
  if (ctx.json) throw new UsageError('report writes a document, not JSON', 'use `launch status --json` or `launch kpis --json` for data');
  const format = opts.format ?? (opts.out !== undefined && /\.(md|markdown)$/i.test(opts.out) ? 'md' : 'html');
  if (format !== 'html' && format !== 'md') throw new UsageError(`--format: "${format}" is not html or md`);
  if (opts.force && opts.out === undefined) throw new UsageError('--force only applies with --out');
  const state = await openForRead(ctx, { history: true }); // the burndown and activity read the timeline
  const date = resolveDate(opts.date, state.today);
  const sprint = opts.sprint !== undefined ? sprintMatcher(state.plan.sprints, opts.sprint) : undefined;
  // Refused before anything is built: a wrong --out costs nothing.
  const write =
    opts.out === undefined
      ? undefined
      : checkOutFile(ctx, {
          out: opts.out,
          force: opts.force,
          rules: { command: 'launch report', hint: 'choose a file outside .launch/, e.g. --out report.html', what: 'report' },
          isEarlierOutput: (existing) => existing.includes(REPORT_MARK),
          kind: 'a launch report',
        });
  const fold = state.asOf(date);
  const view = planView(ctx, state, fold.items);
  const r = report({ view, date, fold, timeline: state.history.timeline, ...(sprint ? { sprint } : {}) });
  const doc: ReportDoc = { title: state.plan.title || state.plan.id, report: r, totalWeeks: state.calendar.totalWeeks, when: (ts) => formatTimestamp(ts, state.calendar.zone) };
  const text = format === 'md' ? (await import('../render/report-md.js')).renderReportMd(doc) : (await import('../render/report-html.js')).renderReportHtml(doc);
  // A document, not a screen: never wrapped to the terminal (as export writes its files).
  if (write === undefined) return void ctx.rt.stdout.write(text);
  ctx.note(`Wrote the ${format === 'md' ? 'Markdown' : 'HTML'} report as of ${date} to ${write(text)}`);
}
