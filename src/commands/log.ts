// launch log [--actor] [--item] [--since] [--limit]: the history, newest first.
import { startOfLocalDay } from '../core/calendar/calendar.js';
import type { LogEvent } from '../core/log/events.js';
import { recordedAt } from '../core/log/fold.js';
import { logJson } from '../render/json/log.js';
import { renderLog } from '../render/log.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForRead } from './shared/open.js';
import { resolveDate, wholeNumber } from './shared/options.js';

export interface LogOptions {
  actor?: string;
  item?: string[];
  since?: string;
  limit?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('log')
    .description('the history of changes, newest first')
    .option('--actor <name>', 'only this person\'s events')
    .option('--item <item...>', 'only events of this item (id, id prefix or words of its title)')
    .option('--since <date>', 'only events typed on this day or later (YYYY-MM-DD, yesterday, …)')
    .option('--limit <n>', 'at most this many events')
    .addHelpText('after', examples('launch log --item skeleton loading --limit 5', 'launch log --actor bob --since yesterday'))
    .action(handle(rt, logCommand));

export async function logCommand(ctx: Ctx, opts: LogOptions): Promise<void> {
  const state = await openForRead(ctx, { history: true });
  const limit = opts.limit === undefined ? Infinity : wholeNumber('--limit', opts.limit, 'a number of events', '5');
  const item = opts.item ? await resolveOne(ctx, state.items.all(), opts.item.join(' ')) : undefined;
  const since = opts.since ? startOfLocalDay(resolveDate(opts.since, state.today, '--since'), state.calendar.zone) : undefined;
  const { timeline } = state.history;
  const actor = opts.actor?.toLowerCase();
  const picked: LogEvent[] = [];
  for (let i = timeline.length - 1; i >= 0 && picked.length < limit; i--) {
    const e = timeline[i]!;
    if (actor && e.actor.toLowerCase() !== actor) continue;
    if (item && e.item !== item.id) continue;
    // The timeline is in typing order: from here on, everything was typed before --since.
    if (since !== undefined && recordedAt(e) < since) break;
    picked.push(e);
  }
  if (ctx.json) return ctx.printJson(logJson(picked, state.fold.cancelled));
  const byId = new Map(timeline.map((e) => [e.id, e]));
  ctx.printLines(renderLog(picked, { zone: state.calendar.zone, cancelled: state.fold.cancelled, lookup: (id) => byId.get(id) }, state.paths !== undefined, ctx.theme));
}
