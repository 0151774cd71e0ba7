// launch note <item> <text...>: a remark on an item, shown by `show` and in the standup.
import { UsageError } from '../errors.js';
import type { NoteJson } from '../render/json/note.schema.js';
import { recordedJson } from '../render/json/records.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, resolveWriteDate, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export const register: Register = (program, rt) =>
  program
    .command('note')
    .description('add a note to an item')
    .argument('<item>', 'item id, id prefix, or words of its title (quote several words)')
    .argument('<text...>', 'the note')
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .action(handle(rt, noteCommand));

export async function noteCommand(ctx: Ctx, ref: string, words: string[], opts: { as?: string; date?: string }): Promise<void> {
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('what is the note?', 'launch note redis-setup "DBA replied, install tomorrow"');
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const item = await resolveOne(ctx, state.items.all(), ref);
  const recorded = await record(ctx, state, [{ actor: await actorFor(ctx, state, opts.as), type: 'note', item: item.id, text }], { date });
  if (ctx.json) return ctx.printJson(recordedJson<NoteJson>(recorded));
  ctx.print(`noted on ${item.id}: ${safeText(text)}`);
}
