// launch export ics [--out file] [--force]: the plan as an iCalendar file (RFC 5545) to subscribe to or
// import: Day-N tasks, block deadlines, KPI checkpoints and sprint reviews as all-day events on the
// workspace's calendar. UIDs are stable, so importing a newer export updates events instead of adding.
import type { Command } from 'commander';
import { calendarText, isLaunchCalendar } from '../core/export/ical.js';
import { planEvents } from '../core/export/plan-calendar.js';
import { itemStatus } from '../core/log/item-state.js';
import { wholePlan } from '../core/plan/items.js';
import { UsageError } from '../errors.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx, Runtime } from '../runtime.js';
import { examples, handle } from './shared/command.js';
import { openForRead } from './shared/open.js';
import { writeOutFile } from './shared/output.js';

export interface ExportIcsOptions {
  out?: string;
  force?: boolean;
}

export const register = (group: Command, rt: Runtime): Command =>
  group
    .command('ics')
    .description('the plan as a calendar: Day-N tasks, block deadlines, KPI checkpoints, sprint reviews')
    .option('-o, --out <file>', 'write it to this file (default: standard output)')
    .option('--force', 'replace an existing file that is not a calendar launch exported')
    .addHelpText(
      'after',
      `
All-day events on the workspace's working days and holidays (launch init
--start, --holiday). Each event keeps its UID from one export to the next, so
importing a newer file into a calendar updates the events instead of adding
copies. Done items say so in their description.
${examples('launch export ics --out launch.ics', 'launch --dir ~/work/app export ics > app.ics')}`,
    )
    .action(handle(rt, exportIcsCommand));

export async function exportIcsCommand(ctx: Ctx, opts: ExportIcsOptions): Promise<void> {
  if (ctx.json) throw new UsageError('launch export ics writes iCalendar; --json does not apply');
  const state = await openForRead(ctx);
  const plan = wholePlan(state.plan, state.items);
  const marked = new Set(plan.items.filter((i) => i.done === true).map((i) => i.id));
  const isDone = (id: string) => itemStatus(state.fold.items.get(id), marked.has(id)) === 'done';
  const events = planEvents(plan, state.calendar, isDone);
  const text = calendarText({ name: plan.title || plan.id, stamp: ctx.rt.now().getTime(), events });
  if (opts.out === undefined) return void ctx.rt.stdout.write(text);
  const shown = writeOutFile(ctx, {
    out: opts.out,
    force: opts.force,
    kind: 'a calendar launch exported',
    isEarlierOutput: isLaunchCalendar,
    rules: { command: 'launch export', hint: 'choose another output file, e.g. --out launch.ics', what: 'calendar' },
  }, text);
  ctx.print(`${ctx.theme.mark.done} wrote ${safeText(shown)}: ${events.length} events from ${state.calendar.planRange?.first ?? state.config.start}`);
}
