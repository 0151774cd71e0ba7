// What changes for a workspace when its plan is replaced by an updated one. Pure.
//
// Statuses live in the event log keyed by item id, so an item keeps its history exactly when it keeps
// its id. Ids come from titles, so an edited title usually means a new id; this module decides which
// new items are really old ones, and `keepOldIds` gives them their old ids back before the plan is saved.
//
// Rules, applied in order (deterministic: the result depends only on the two plans):
// 1. Same id in both plans: the same item. It is "moved" when its place (section, block, parent, weeks,
//    days, day) changed, "renamed" in place when only its title changed (the id survives because ids
//    take the title's first words), "edited" when other content (steps, detail, thresholds) changed.
// 2. Same kind and exactly the same title, ids differ (the importer had to disambiguate): the same item.
//    Candidates in the same block/section win, then document order.
// 3. Same place, changed title: removed and added items that sit between the same two unchanged
//    neighbours of the same block/section pair up in document order, each removed item with the next
//    added item of the same kind whose title shares a word stem with it (the first 5 letters of a word
//    of 3+ letters: "Database Index Creation" / "Create database indexes"). The stem guard keeps an item
//    *replaced* by an unrelated one from inheriting the old item's "done": that is removed + added.
// Everything else is added or removed. Events of removed items stay in the log (doctor lists them).
import type { Item, Kpi, Plan } from './schema.js';

export interface Place {
  section: string;
  block?: string;
  parent?: string;
  weeks?: { from: number; to: number };
  days?: { from: string; to: string };
  day?: number;
}

export type PlaceField = 'section' | 'block' | 'parent' | 'weeks' | 'days' | 'day';
const PLACE_FIELDS: readonly PlaceField[] = ['section', 'block', 'parent', 'weeks', 'days', 'day'];
/** Fields that are neither identity, title, source position nor place: their change is an "edit". */
const NOT_CONTENT = new Set<string>(['id', 'title', 'line', 'sprint', 'weekday', ...PLACE_FIELDS]);

export interface DiffItem {
  id: string;
  title: string;
  kind: Item['kind'];
  place: Place;
}

export interface Rename {
  /** The id the item keeps (its old id). */
  id: string;
  /** The id the new plan gave it. Equal to `id` when only the title's tail changed. */
  importedId: string;
  from: string;
  to: string;
  /** How it was matched: same id, same title elsewhere, or same place. */
  by: 'id' | 'title' | 'place';
}

export interface Move {
  id: string;
  title: string;
  changed: PlaceField[];
  from: Place;
  to: Place;
}

export interface PlanDiff {
  added: DiffItem[];
  removed: DiffItem[];
  /** Matched items whose title changed. */
  renamed: Rename[];
  /**
   * Matched items whose title did not change but which the new plan imported under another id: a title
   * renamed by an earlier update (its id stays the one made from the first title), or an id the
   * importer had to lengthen. They keep their old id, and are no rename to report.
   */
  keptIds: { id: string; importedId: string }[];
  moved: Move[];
  /** Ids of items whose steps, detail or other content changed. */
  edited: string[];
  kpis: { added: string[]; removed: string[] };
  /** Items present in both with nothing but source line numbers changed. */
  unchanged: number;
  /** The plans are the same once the kept ids are applied: nothing to save. */
  identical: boolean;
}

export function placeOf(item: Item): Place {
  const place: Place = { section: item.section };
  if (item.block !== undefined) place.block = item.block;
  if (item.parent !== undefined) place.parent = item.parent;
  if (item.weeks !== undefined) place.weeks = item.weeks;
  if (item.days !== undefined) place.days = item.days;
  if (item.day !== undefined) place.day = item.day;
  return place;
}

const container = (item: Item): string => `${item.block ?? ''}#${item.section}`;

/** Sorted-key JSON, so two equal plans compare equal whatever order their keys were built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const STOP = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'all', 'per', 'via', 'our', 'your', 'their', 'any', 'are']);

function stems(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length >= 3 && !STOP.has(w)) out.add(w.slice(0, 5));
  }
  return out;
}

export function shareWordStem(a: string, b: string): boolean {
  const sa = stems(a);
  for (const s of stems(b)) if (sa.has(s)) return true;
  return false;
}

interface Pairing {
  /** new (imported) id → old id */
  toOld: Map<string, string>;
  by: Map<string, 'title' | 'place'>;
}

function pairByTitle(oldOnly: Item[], newOnly: Item[], pairing: Pairing): void {
  const taken = new Set<string>();
  for (const old of oldOnly) {
    const candidates = newOnly.filter((n) => !taken.has(n.id) && n.kind === old.kind && n.title === old.title);
    const pick = candidates.find((n) => container(n) === container(old)) ?? candidates[0];
    if (!pick) continue;
    taken.add(pick.id);
    pairing.toOld.set(pick.id, old.id);
    pairing.by.set(pick.id, 'title');
  }
}

/** Key of the gap an unmatched item sits in: its container and its nearest unchanged neighbours. */
function gapKeys(items: readonly Item[], isAnchor: (item: Item) => boolean, idOf: (item: Item) => string, wanted: (item: Item) => boolean): Map<string, string> {
  const keys = new Map<string, string>();
  const byContainer = new Map<string, Item[]>();
  for (const item of items) {
    const list = byContainer.get(container(item));
    if (list) list.push(item);
    else byContainer.set(container(item), [item]);
  }
  for (const [box, list] of byContainer) {
    let prev = '^';
    const pending: Item[] = [];
    const flush = (next: string) => {
      for (const p of pending) keys.set(p.id, `${box}|${prev}|${next}`);
      pending.length = 0;
    };
    for (const item of list) {
      if (isAnchor(item)) {
        flush(idOf(item));
        prev = idOf(item);
      } else if (wanted(item)) pending.push(item);
    }
    flush('$');
  }
  return keys;
}

function pairByPlace(oldPlan: Plan, newPlan: Plan, oldOnly: Item[], newOnly: Item[], pairing: Pairing): void {
  const newIds = new Set(newPlan.items.map((i) => pairing.toOld.get(i.id) ?? i.id));
  const newById = new Map(newPlan.items.map((i) => [pairing.toOld.get(i.id) ?? i.id, i]));
  // An anchor is an item both plans have, in the same block/section: the landmark a gap is measured from.
  const anchors = new Set(oldPlan.items.filter((i) => newIds.has(i.id) && container(newById.get(i.id)!) === container(i)).map((i) => i.id));
  const pairedOld = new Set(pairing.toOld.values());
  const oldLeft = new Set(oldOnly.map((i) => i.id).filter((id) => !pairedOld.has(id)));
  const newLeft = new Set(newOnly.map((i) => i.id).filter((id) => !pairing.toOld.has(id)));
  const oldGaps = gapKeys(oldPlan.items, (i) => anchors.has(i.id), (i) => i.id, (i) => oldLeft.has(i.id));
  const mapped = (i: Item) => pairing.toOld.get(i.id) ?? i.id;
  const newGaps = gapKeys(newPlan.items, (i) => anchors.has(mapped(i)), mapped, (i) => newLeft.has(i.id));

  const gaps = new Map<string, { old: Item[]; new: Item[] }>();
  const slot = (key: string) => gaps.get(key) ?? (gaps.set(key, { old: [], new: [] }), gaps.get(key)!);
  for (const item of oldPlan.items) if (oldGaps.has(item.id)) slot(oldGaps.get(item.id)!).old.push(item);
  for (const item of newPlan.items) if (newGaps.has(item.id)) slot(newGaps.get(item.id)!).new.push(item);
  for (const gap of gaps.values()) {
    // Order-preserving greedy match: each removed item takes the next added one that fits.
    let from = 0;
    for (const old of gap.old) {
      const k = gap.new.findIndex((n, j) => j >= from && n.kind === old.kind && shareWordStem(old.title, n.title));
      if (k === -1) continue;
      pairing.toOld.set(gap.new[k]!.id, old.id);
      pairing.by.set(gap.new[k]!.id, 'place');
      from = k + 1;
    }
  }
}

function samePlace(a: Place, b: Place, field: PlaceField): boolean {
  return canonical(a[field]) === canonical(b[field]);
}

function content(item: Item, ignoreMarks: boolean): string {
  return canonical(Object.fromEntries(Object.entries(item).filter(([k]) => !NOT_CONTENT.has(k) && !(ignoreMarks && k === 'done'))));
}

const withoutMarks = (plan: Plan): Plan => ({ ...plan, items: plan.items.map(({ done: _done, ...item }) => item) });

export interface DiffOptions {
  /**
   * A Markdown plan's `[x]` marks are not the plan's content but its progress: a box ticked by hand
   * becomes a check event (core/export/box-edits.ts), so it is no edit of the item.
   */
  ignoreMarks?: boolean;
}

function diffKpis(a: readonly Kpi[], b: readonly Kpi[]): PlanDiff['kpis'] {
  const before = new Set(a.map((k) => k.id));
  const after = new Set(b.map((k) => k.id));
  return { added: b.filter((k) => !before.has(k.id)).map((k) => k.id), removed: a.filter((k) => !after.has(k.id)).map((k) => k.id) };
}

const asDiffItem = (item: Item): DiffItem => ({ id: item.id, title: item.title, kind: item.kind, place: placeOf(item) });

/** Which imported ids to replace by old ids (the renames), as `keepOldIds` wants them. */
export function idsToKeep(diff: PlanDiff): Map<string, string> {
  return new Map([...diff.renamed, ...diff.keptIds].filter((r) => r.importedId !== r.id).map((r) => [r.importedId, r.id]));
}

/** The new plan with renamed items carrying their old ids (and children pointing at them). */
export function keepOldIds(plan: Plan, toOld: ReadonlyMap<string, string>): Plan {
  if (toOld.size === 0) return plan;
  const map = (id: string | undefined) => (id === undefined ? undefined : (toOld.get(id) ?? id));
  const items = plan.items.map((item) => {
    const next: Item = { ...item, id: map(item.id)! };
    if (item.parent !== undefined) next.parent = map(item.parent)!;
    return next;
  });
  return { ...plan, items };
}

export function diffPlans(oldPlan: Plan, newPlan: Plan, opts: DiffOptions = {}): PlanDiff {
  const ignoreMarks = opts.ignoreMarks === true;
  const oldById = new Map(oldPlan.items.map((i) => [i.id, i]));
  const newIds = new Set(newPlan.items.map((i) => i.id));
  const oldOnly = oldPlan.items.filter((i) => !newIds.has(i.id));
  const newOnly = newPlan.items.filter((i) => !oldById.has(i.id));
  const pairing: Pairing = { toOld: new Map(), by: new Map() };
  pairByTitle(oldOnly, newOnly, pairing);
  pairByPlace(oldPlan, newPlan, oldOnly, newOnly, pairing);

  const kept = keepOldIds(newPlan, pairing.toOld);
  const matchedOld = new Set(pairing.toOld.values());
  const diff: PlanDiff = {
    added: kept.items.filter((i) => !oldById.has(i.id)).map(asDiffItem),
    removed: oldOnly.filter((i) => !matchedOld.has(i.id)).map(asDiffItem),
    renamed: [],
    keptIds: [],
    moved: [],
    edited: [],
    kpis: diffKpis(oldPlan.kpis, newPlan.kpis),
    unchanged: 0,
    identical: ignoreMarks ? canonical(withoutMarks(oldPlan)) === canonical(withoutMarks(kept)) : canonical(oldPlan) === canonical(kept),
  };
  kept.items.forEach((item, index) => {
    const old = oldById.get(item.id);
    if (!old) return;
    const importedId = newPlan.items[index]!.id;
    const by = pairing.by.get(importedId) ?? 'id';
    if (old.title !== item.title) diff.renamed.push({ id: item.id, importedId, from: old.title, to: item.title, by });
    else if (importedId !== item.id) diff.keptIds.push({ id: item.id, importedId });
    const from = placeOf(old);
    const to = placeOf(item);
    const changed = PLACE_FIELDS.filter((f) => !samePlace(from, to, f));
    if (changed.length > 0) diff.moved.push({ id: item.id, title: item.title, changed, from, to });
    const same = content(old, ignoreMarks) === content(item, ignoreMarks);
    if (!same) diff.edited.push(item.id);
    if (old.title === item.title && changed.length === 0 && same) diff.unchanged++;
  });
  return diff;
}

/** How many item-level differences there are (0 with `identical: false` means only line numbers moved). */
export function itemChangeCount(diff: PlanDiff): number {
  return diff.added.length + diff.removed.length + diff.renamed.length + diff.moved.length + diff.edited.length;
}
