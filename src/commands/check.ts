// launch check <item...> [--note] [--date] [--as] [--value] [--force]: mark items done. With no item on
// a terminal, a checkbox picker of this week's open items.
import type { CheckEvent, NewEvent } from '../core/log/events.js';
import type { Item } from '../core/plan/schema.js';
import { formatTarget, measurementsFromArgs } from '../core/targets/targets.js';
import { LaunchError, UsageError } from '../errors.js';
import { pickMany } from '../io/prompts.js';
import type { State } from '../io/store/open.js';
import { checkJson } from '../render/json/records.js';
import { itemRecorded, valueLines } from '../render/records.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { WITH_CHILDREN_OPTION, withFamily } from './shared/family.js';
import { resolveItems, statusOf } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate } from './shared/options.js';
import { actorFor, record } from './shared/record.js';
import { choiceNames } from '../render/items.js';

export interface CheckOptions {
  note?: string;
  date?: string;
  as?: string;
  value?: string[];
  force?: boolean;
  withChildren?: boolean;
}

export const register: Register = (program, rt) =>
  program
    .command('check')
    .description('mark items done; with no item on a terminal, pick from this week\'s open items')
    .argument('[items...]', 'item ids, id prefixes, or words of a title')
    .option('--note <text>', 'a note to keep with the check')
    .option('--value <measured...>', 'the measured value, checked against the target in the item\'s text (480KB, LCP=2.1s)')
    .option('--force', 'record a --value that misses its target anyway (shown as done, target missed)')
    .option('--date <date>', 'the day it was done (YYYY-MM-DD, yesterday), not after today')
    .option(...WITH_CHILDREN_OPTION)
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      examples(
        'launch check skeleton-loading-setup',
        'launch check skeleton loading --note "all three skeletons in"',
        'launch check bundle-analysis --date yesterday',
        'launch check initial-bundle --value 480KB',
        'launch check core-web-vitals --value LCP=2.1s FID=80ms CLS=0.05',
      ),
    )
    .option(...QUIET_OPTION)
    .action(handle(rt, checkCommand));

/**
 * `--value 480KB` / `--value LCP=2.1s` against the thresholds parsed from the item's text. A value that
 * misses is refused unless --force, which records the item as done-but-missed.
 */
function measurements(item: Item, values: string[], force: boolean): Pick<CheckEvent, 'values' | 'missed'> {
  const thresholds = item.thresholds ?? [];
  if (thresholds.length === 0) throw new UsageError(`${item.id} has no measurable target in its text; --value does not apply`);
  const { results, errors } = measurementsFromArgs(values, thresholds);
  if (errors.length > 0) throw new LaunchError(`${item.id}: ${errors.join('; ')}; nothing recorded`);
  const missed = results.filter((r) => r.verdict === 'missed');
  if (missed.length > 0 && !force) {
    const why = missed.map((r) => `${r.input} misses ${formatTarget(r.threshold)}`).join(', ');
    throw new LaunchError(`${item.id}: ${why}; nothing recorded`, { hint: 'fix it first, or record it anyway with --force (shown as done, target missed)' });
  }
  return {
    values: results.map((r) => ({ ...(r.threshold.label ? { label: r.threshold.label } : {}), text: r.input, status: r.verdict })),
    ...(missed.length > 0 ? { missed: true } : {}),
  };
}

/** The picker's choice: the open items of the week the check counts for. */
function openInWeekOf(state: State, date: string): Item[] {
  const week = state.calendar.position(date).week;
  return state.items.all().filter((i) => statusOf(state, i) !== 'done' && (week === undefined || !i.weeks || (i.weeks.from <= week && week <= i.weeks.to)));
}

export async function checkCommand(ctx: Ctx, refs: string[], opts: CheckOptions): Promise<void> {
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  let items: Item[];
  if (refs.length === 0) {
    if (!ctx.interactive) throw new UsageError('which item? give an id, an id prefix or words of its title', 'launch check skeleton-loading-setup');
    const open = openInWeekOf(state, date ?? state.today);
    const names = choiceNames(open);
    items = await pickMany('Mark done', open.map((i, n) => ({ name: names[n]!, value: i })));
  } else {
    items = await resolveItems(ctx, state, refs);
  }
  const values = opts.value ?? [];
  if (values.length > 0 && items.length !== 1) throw new UsageError('--value applies to one item at a time');
  const measured = values.length > 0 ? measurements(items[0]!, values, opts.force === true) : {};
  // A new measurement of a done item is recorded (re-measured); a plain re-check is a no-op.
  const already = values.length > 0 ? [] : items.filter((i) => statusOf(state, i) === 'done');
  const asked = items.filter((i) => !already.includes(i));
  const { items: todo, hints } = values.length > 0 ? { items: asked, hints: [] } : await withFamily(ctx, state, asked, 'done', opts.withChildren === true);
  const actor = await actorFor(ctx, state, opts.as);
  const fields: NewEvent[] = todo.map((i) => ({ actor, type: 'check', item: i.id, ...(opts.note ? { note: opts.note } : {}), ...measured }));
  const recorded = fields.length > 0 ? await record(ctx, state, fields, { date }) : [];

  if (ctx.json) return ctx.printJson(checkJson(recorded, already.map((i) => i.id)));
  const { mark } = ctx.theme;
  ctx.printLines([
    ...todo.map((i) => itemRecorded(mark.done, i)),
    ...valueLines(ctx.theme, measured.values ?? []),
    ...already.map((i) => {
      const by = state.fold.items.get(i.id)?.by;
      return `${mark.done} ${i.id} was already done${by ? ` (${safeText(by)})` : ''}; nothing recorded`;
    }),
    ...hints,
  ]);
}
