// What the item commands share: finding items from what the user typed, and item status.
import { itemStatus, type ItemStatus } from '../../core/log/item-state.js';
import { resolveRef, type Named } from '../../core/plan/item-ref.js';
import type { PlanItems } from '../../core/plan/items.js';
import type { Item } from '../../core/plan/schema.js';
import { LaunchError } from '../../errors.js';
import { pickOne } from '../../io/prompts.js';
import type { State } from '../../io/store/open.js';
import { choiceNames, idCap, idColumn } from '../../render/items.js';
import { safeText } from '../../render/sanitize.js';
import type { Ctx } from '../../runtime.js';

export const statusOf = (state: State, item: Item): ItemStatus => itemStatus(state.fold.items.get(item.id), item.done === true);

/** Up to five entries, one a line; `more` counts the rest (the candidates of an ambiguous name). */
const listed = <T extends Named>(entries: T[], more: boolean): string => {
  const shown = entries.slice(0, 5);
  const width = Math.min(idCap(undefined), shown.reduce((w, e) => Math.max(w, e.id.length), 0));
  return shown.map((e) => idColumn('  ', e.id, width, safeText(e.title))).join('\n') + (more && entries.length > 5 ? `\n  … and ${entries.length - 5} more` : '');
};

/**
 * Resolves one reference; on a terminal an ambiguous or unknown one gets a picker (of the candidates,
 * or of the closest names), elsewhere an error (exit 1) listing up to five of them.
 */
export async function resolveOne<T extends Named>(ctx: Ctx, entries: readonly T[], ref: string, what = 'item'): Promise<T> {
  const r = resolveRef(entries, ref);
  if (r.kind === 'found') return r.match;
  const options = r.kind === 'ambiguous' ? r.candidates : r.suggestions;
  if (ctx.interactive && options.length > 0) {
    const question = r.kind === 'ambiguous' ? `"${ref}" matches ${options.length} ${what}s; which one?` : `no ${what} matches "${ref}"; did you mean`;
    const shown = options.slice(0, 30);
    const names = choiceNames(shown);
    return pickOne(question, shown.map((e, i) => ({ name: names[i]!, value: e })));
  }
  if (r.kind === 'ambiguous') {
    throw new LaunchError(`"${ref}" matches ${options.length} ${what}s:\n${listed(options, true)}`, { hint: 'use the id, or more words of the title', code: 'ambiguous' });
  }
  throw new LaunchError(`no ${what} matches "${ref}"${options.length > 0 ? `; did you mean:\n${listed(options, false)}` : ''}`, {
    hint: `\`launch list\` shows every ${what} with its id`,
    code: 'not-found',
  });
}

/**
 * The item whose id is exactly `ref` (as resolveRef's first rule finds it), found without reading
 * every item: materialising them all was most of `check <id>` on a 10,000-item plan (1.79× of
 * `node -e 0` in instructions against 1.11× on the bundled plan).
 */
function byExactId(items: PlanItems, ref: string): Item | undefined {
  const at = items.indexOf(ref.trim().toLowerCase());
  return at < 0 ? undefined : items.item(at);
}

/**
 * All references are resolved before anything is written: one bad reference records nothing.
 * `launch check skeleton loading` means one item when the words together name exactly one. Words
 * that do not each name an item, none of them an item's id, are one name ("skeleton loadng"): its
 * picker or "did you mean" is about all of them.
 */
export async function resolveItems(ctx: Ctx, state: State, refs: string[]): Promise<Item[]> {
  if (refs.length === 1) {
    const exact = byExactId(state.items, refs[0]!);
    if (exact !== undefined) return [exact];
  }
  const all = state.items.all();
  if (refs.length > 1) {
    const whole = resolveRef(all, refs.join(' '), 0);
    if (whole.kind === 'found') return [whole.match];
    const each = refs.map((ref) => resolveRef(all, ref, 0));
    if (each.some((r) => r.kind !== 'found') && !each.some((r) => r.kind === 'found' && r.by === 'id')) return [await resolveOne(ctx, all, refs.join(' '))];
  }
  const items: Item[] = [];
  for (const ref of refs) {
    const item = await resolveOne(ctx, all, ref);
    if (!items.includes(item)) items.push(item);
  }
  return items;
}
