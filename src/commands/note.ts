// launch note <item...> -m <text>: a remark on an item, shown by `show` and in the standup. The older
// form `launch note <id> <text...>` still works when its first word is one item's id (or id prefix).
import { resolveRef } from '../core/plan/item-ref.js';
import type { Item } from '../core/plan/schema.js';
import { UsageError } from '../errors.js';
import type { State } from '../io/store/open.js';
import type { NoteJson } from '../render/json/note.schema.js';
import { recordedJson } from '../render/json/records.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface NoteOptions {
  message?: string;
  as?: string;
  date?: string;
}

const EXAMPLE = 'launch note redis setup -m "DBA replied, install tomorrow"';

export const register: Register = (program, rt) =>
  program
    .command('note')
    .description('add a note to an item')
    .argument('<item...>', 'item id, id prefix, or words of its title (no quotes needed); without -m: an id, then the note')
    .option('-m, --message <text>', 'the note')
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .addHelpText('after', examples(EXAMPLE, 'launch note redis-setup DBA replied'))
    .option(...QUIET_OPTION)
    .action(handle(rt, noteCommand));

/**
 * The item and the note: with -m every word names the item; without it, one id (or id prefix) and
 * then the note, unless the words together name an item (then the note was forgotten).
 */
async function itemAndText(ctx: Ctx, state: State, words: string[], message: string | undefined): Promise<{ item: Item; text: string }> {
  const all = state.items.all();
  if (message !== undefined) return { item: await resolveOne(ctx, all, words.join(' ')), text: message.trim() };
  const first = resolveRef(all, words[0]!, 0);
  if (first.kind !== 'found' || first.by === 'title' || resolveRef(all, words.join(' '), 0).kind === 'found') {
    throw new UsageError('what is the note? give it with -m <text> (or put one item id first, then the note)', EXAMPLE);
  }
  return { item: first.match, text: words.slice(1).join(' ').trim() };
}

export async function noteCommand(ctx: Ctx, words: string[], opts: NoteOptions): Promise<void> {
  if (opts.message !== undefined && !opts.message.trim()) throw new UsageError('what is the note? -m needs some text', EXAMPLE);
  if (opts.message === undefined && words.length < 2) throw new UsageError('what is the note? give it with -m <text>', EXAMPLE);
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const { item, text } = await itemAndText(ctx, state, words, opts.message);
  if (!text) throw new UsageError('what is the note?', EXAMPLE);
  const recorded = await record(ctx, state, [{ actor: await actorFor(ctx, state, opts.as), type: 'note', item: item.id, text }], { date });
  if (ctx.json) return ctx.printJson(recordedJson<NoteJson>(recorded));
  ctx.print(`noted on ${item.id}: ${safeText(text)}`);
}
