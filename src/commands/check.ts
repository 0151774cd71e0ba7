// launch check <item...> [--note] [--date] [--as]: mark items done. With no item on a terminal, a
// checkbox picker of this week's open items.
import type { CheckEvent, NewEvent } from '../core/log/events.js';
import { formatTarget, measurementsFromArgs } from '../core/targets/targets.js';
import type { Item } from '../core/plan/schema.js';
import { LaunchError, UsageError } from '../errors.js';
import { pickMany } from '../io/prompts.js';
import { resolveDate, type Session } from '../io/session.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { resolveItems, statusOf } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export interface CheckOptions {
  note?: string;
  date?: string;
  as?: string;
  value?: string[];
  force?: boolean;
}

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

function openThisWeek(session: Session): Item[] {
  const week = session.calendar.position(session.today).week;
  return session.plan.items.filter(
    (i) => statusOf(session, i) !== 'done' && (week === undefined || !i.weeks || (i.weeks.from <= week && week <= i.weeks.to)),
  );
}

export async function checkCommand(ctx: Ctx, refs: string[], opts: CheckOptions): Promise<void> {
  const session = await openForWrite(ctx);
  const date = opts.date === undefined ? undefined : resolveDate(opts.date, session.today);
  let items: Item[];
  if (refs.length === 0) {
    if (!ctx.interactive) throw new UsageError('which item? give an id, an id prefix or words of its title', 'launch check skeleton-loading-setup');
    const open = openThisWeek(session);
    items = await pickMany('Mark done', open.map((i) => ({ name: `${i.id}  ${safeText(i.title)}`, value: i })));
  } else {
    items = await resolveItems(ctx, session, refs);
  }
  const values = opts.value ?? [];
  if (values.length > 0 && items.length !== 1) throw new UsageError('--value applies to one item at a time');
  const measured = values.length > 0 ? measurements(items[0]!, values, opts.force === true) : {};
  // A new measurement of a done item is recorded (re-measured); a plain re-check is a no-op.
  const already = values.length > 0 ? [] : items.filter((i) => statusOf(session, i) === 'done');
  const todo = items.filter((i) => !already.includes(i));
  const actor = await actorFor(ctx, session, opts.as);
  const fields: NewEvent[] = todo.map((i) => ({ actor, type: 'check', item: i.id, ...(opts.note ? { note: opts.note } : {}), ...measured }));
  const recorded = fields.length > 0 ? await record(ctx, session, fields, date ? { date } : {}) : [];

  if (ctx.json) {
    ctx.printJson({ schema: 1, recorded, unchanged: already.map((i) => ({ id: i.id, status: 'done' })) });
    return;
  }
  const { mark } = ctx.theme;
  for (const i of todo) ctx.print(`${mark.done} ${i.id}  ${safeText(i.title)}`);
  for (const v of measured.values ?? []) {
    ctx.print(`    ${v.status === 'met' ? mark.met : mark.missed} ${v.label ? `${safeText(v.label)} ` : ''}${safeText(v.text)} ${v.status}`);
  }
  for (const i of already) {
    const st = session.state.items.get(i.id);
    ctx.print(`${mark.done} ${i.id} was already done${st?.by ? ` (${safeText(st.by)})` : ''}; nothing recorded`);
  }
}
