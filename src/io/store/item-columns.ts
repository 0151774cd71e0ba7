// What a query over every item reads of each — id, kind, sprint, block, schedule inputs, `[x]`, line —
// in columns. On a 10,000-item plan, building 10,000 item objects (JSON.parse of a 4 MB snapshot and
// the garbage it leaves) is most of `launch today`; from these columns a view of the plan is built
// without them, and an item is materialised only when something reads it (a line shown, a JSON row).
import type { ItemSpan, PlanItems } from '../../core/plan/items.js';
import { ID_PATTERN } from '../../core/plan/limits.js';
import type { Item } from '../../core/plan/schema.js';
import { WEEKDAYS } from '../../core/plan/weekdays.js';
import { interner } from './interner.js';
import { stringHash } from './checksum.js';
import { wordsOf, wordsText } from './words.js';

export interface ItemColumns {
  count: number;
  /** Ids joined by "\n" (ids are [a-z0-9-]). */
  ids: string;
  /** One character per item: "t" task, "c" check. */
  kinds: string;
  /** One character per item: "1" imported as `[x]`, else "0". */
  done: string;
  lines: Int32Array;
  /** Index into `sprintIds` / `blockIds` / `spans`; -1 for none. */
  sprint: Int32Array;
  block: Int32Array;
  span: Int32Array;
  /** Index of the item's parent among the items; -1 for none. */
  parent: Int32Array;
  sprintIds: string[];
  blockIds: string[];
  spans: ItemSpan[];
}

const NUMBER_COLUMNS = ['lines', 'sprint', 'block', 'span', 'parent'] as const;

/**
 * The columns as the snapshot's JSON holds them: each number column as base64 words (./words.ts).
 * Parsing 50,000 JSON numbers and checking each through a callback cost ~40 M instructions of every
 * command on a 10,000-item plan; see `wordsWithin` for how the decoded words are checked.
 */
export function columnsJson(c: ItemColumns): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c };
  for (const key of NUMBER_COLUMNS) out[key] = wordsText(c[key]);
  return out;
}

/** Columns from the snapshot's JSON, or undefined when a number column is not a whole number of words. */
export function columnsFromJson(raw: unknown): ItemColumns | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = { ...(raw as Record<string, unknown>) };
  for (const key of NUMBER_COLUMNS) {
    const words = typeof c[key] === 'string' ? wordsOf(c[key]) : undefined;
    if (words === undefined) return undefined;
    c[key] = new Int32Array(words);
  }
  return c as unknown as ItemColumns;
}

/**
 * What finds an item by its id, and says whether any item is nested, without the columns: `check <id>`
 * on a 10,000-item plan needs no more. Parsing and checking the columns (their 320 KB of ids checked
 * by a regular expression and split, five number columns sorted) was ~35 M of its ~625 M instructions.
 */
export interface ItemIndex {
  count: number;
  nested: boolean;
  /** Each id's stringHash (./checksum.ts), in plan order. */
  idHashes: Uint32Array;
}

export function itemIndex(items: readonly Item[]): ItemIndex {
  return { count: items.length, nested: items.some((i) => i.parent !== undefined), idHashes: Uint32Array.from(items, (i) => stringHash(i.id)) };
}

/** Whether any item sits under another, from the parent column. */
export function anyNested(c: ItemColumns): boolean {
  // Compared natively: a loop over the column runs long enough before V8 compiles it to cost `check`
  // on a flat 10,000-item plan ~10 M instructions (see wordsWithin). No parent is -1, every byte 0xff.
  const bytes = Buffer.from(c.parent.buffer, c.parent.byteOffset, c.parent.byteLength);
  return !bytes.equals(Buffer.alloc(bytes.length, 0xff));
}

/**
 * The plan's items from their columns, read from `columns()` when something first needs one; `row(i)`
 * materialises item i (called at most once per item) and `rows()` all of them at once, for when most
 * are needed.
 */
export function columnItems(index: ItemIndex, columns: () => ItemColumns, row: (i: number) => Item, rows: () => Item[]): PlanItems {
  let c: ItemColumns | undefined;
  let ids: string[] | undefined;
  const load = (): ItemColumns => (c ??= columns());
  const idList = (): string[] => (ids ??= idsOf(load()));
  const made = new Array<Item | undefined>(index.count);
  let whole: Item[] | undefined;
  const items: PlanItems = {
    count: index.count,
    id: (i) => (ids ?? idList())[i]!,
    kind: (i) => ((c ?? load()).kinds[i] === 't' ? 'task' : 'check'),
    sprint: (i) => {
      const at = (c ?? load()).sprint[i]!;
      return at < 0 ? undefined : c!.sprintIds[at];
    },
    block: (i) => {
      const at = (c ?? load()).block[i]!;
      return at < 0 ? undefined : c!.blockIds[at];
    },
    parent: (i) => {
      const at = (c ?? load()).parent[i]!;
      return at < 0 ? undefined : (ids ?? idList())[at];
    },
    nested: index.nested,
    indexOf(id) {
      if (ids !== undefined) return ids.indexOf(id);
      // The hashes pick the candidates (natively); the row read says whether it is the one.
      const hash = stringHash(id);
      for (let i = index.idHashes.indexOf(hash); i >= 0; i = index.idHashes.indexOf(hash, i + 1)) if (items.item(i).id === id) return i;
      // Not an id (a prefix, words of a title: the caller reads every item next), or a forged index.
      return idList().indexOf(id);
    },
    line: (i) => (c ?? load()).lines[i]!,
    markedDone: (i) => (c ?? load()).done[i] === '1',
    span: (i) => {
      const cols = c ?? load();
      return cols.spans[cols.span[i]!]!;
    },
    item: (i) => (made[i] ??= whole?.[i] ?? row(i)),
    all() {
      if (whole === undefined) {
        const parsed = rows();
        for (let i = 0; i < index.count; i++) made[i] ??= parsed[i];
        whole = made as Item[];
      }
      return whole;
    },
  };
  return items;
}

export function itemColumns(items: readonly Item[]): ItemColumns {
  const sprints = interner<string>();
  const blocks = interner<string>();
  const spans = interner<ItemSpan>((s) => JSON.stringify([s.weeks?.from, s.weeks?.to, s.days?.from, s.days?.to, s.day]));
  return {
    count: items.length,
    ids: items.map((i) => i.id).join('\n'),
    kinds: items.map((i) => (i.kind === 'task' ? 't' : 'c')).join(''),
    done: items.map((i) => (i.done ? '1' : '0')).join(''),
    lines: Int32Array.from(items, (i) => i.line),
    sprint: Int32Array.from(items, (i) => sprints.index(i.sprint)),
    block: Int32Array.from(items, (i) => blocks.index(i.block)),
    span: Int32Array.from(items, (i) => spans.index(spanOf(i))),
    parent: parentIndices(items),
    sprintIds: sprints.values,
    blockIds: blocks.values,
    spans: spans.values,
  };
}

function parentIndices(items: readonly Item[]): Int32Array {
  const at = new Map(items.map((item, i) => [item.id, i]));
  return Int32Array.from(items, (item) => (item.parent === undefined ? -1 : (at.get(item.parent) ?? -1)));
}

function spanOf(item: Item): ItemSpan {
  const span: ItemSpan = {};
  if (item.weeks) span.weeks = item.weeks;
  if (item.days) span.days = item.days;
  if (item.day !== undefined) span.day = item.day;
  return span;
}

/**
 * `count` words, each in [min, max). Their least and greatest are read off a sorted copy: the typed
 * array's sort runs natively, where a loop over 10,000 words ran long enough for V8 to compile it
 * while it ran, once per column and run (with the ids split once, these checks went from ~36 M to
 * ~17 M instructions on a 10,000-item plan, counted by exiting just before and after them).
 */
function wordsWithin(xs: unknown, count: number, min: number, max: number): boolean {
  if (!(xs instanceof Int32Array) || xs.length !== count) return false;
  if (count === 0) return true;
  const sorted = xs.slice().sort();
  return sorted[0]! >= min && sorted[count - 1]! < max;
}

const idLists = new WeakMap<ItemColumns, string[]>();
/** The ids as a list, split once however often asked for. */
function idsOf(c: ItemColumns): string[] {
  let ids = idLists.get(c);
  if (ids === undefined) idLists.set(c, (ids = c.count === 0 ? [] : c.ids.split('\n')));
  return ids;
}

const isWeek = (w: unknown, totalWeeks: number): boolean => Number.isInteger(w) && (w as number) >= 1 && (w as number) <= totalWeeks;
const isWeekday = (d: unknown): boolean => (WEEKDAYS as readonly unknown[]).includes(d);

/** What the plan schema and its sanity check allow a validated item's (or block's) weeks, days and day to be. */
export function spanHolds(s: ItemSpan, totalWeeks: number): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const { weeks, days, day } = s;
  if (weeks !== undefined && (typeof weeks !== 'object' || weeks === null || !isWeek(weeks.from, totalWeeks) || !isWeek(weeks.to, totalWeeks) || weeks.from > weeks.to)) return false;
  if (days !== undefined && (typeof days !== 'object' || days === null || !isWeekday(days.from) || !isWeekday(days.to))) return false;
  return day === undefined || (Number.isInteger(day) && day >= 1 && day <= 7);
}

/**
 * Whether columns read back from a file hold together and hold only what a validated plan can: the
 * view is built from them before any item is read, so nothing in them may make that fail.
 */
export function columnsHold(c: ItemColumns | undefined, totalWeeks: number): c is ItemColumns {
  if (!c || !Number.isInteger(c.count) || c.count < 0) return false;
  const n = c.count;
  return (
    typeof c.ids === 'string' &&
    (n === 0 ? c.ids === '' : IDS.test(c.ids) && idsOf(c).length === n) &&
    typeof c.kinds === 'string' &&
    /^[tc]*$/.test(c.kinds) &&
    c.kinds.length === n &&
    typeof c.done === 'string' &&
    /^[01]*$/.test(c.done) &&
    c.done.length === n &&
    wordsWithin(c.lines, n, 1, 2 ** 31) &&
    Array.isArray(c.sprintIds) &&
    c.sprintIds.every((s) => typeof s === 'string') &&
    Array.isArray(c.blockIds) &&
    c.blockIds.every((s) => typeof s === 'string') &&
    Array.isArray(c.spans) &&
    c.spans.every((s) => spanHolds(s, totalWeeks)) &&
    wordsWithin(c.sprint, n, -1, c.sprintIds.length) &&
    wordsWithin(c.block, n, -1, c.blockIds.length) &&
    wordsWithin(c.span, n, 0, c.spans.length) &&
    wordsWithin(c.parent, n, -1, n)
  );
}

/** Ids joined by "\n", each an ID_PATTERN. */
const IDS = new RegExp(`^${ID_PATTERN.source.slice(1, -1)}(?:\n${ID_PATTERN.source.slice(1, -1)})*$`);
const optionalString = (x: unknown): boolean => x === undefined || typeof x === 'string';

/**
 * Whether a row read before the columns holds on its own what the columns vouch for: it is the item
 * the index hashes at i, and its kind, line, sprint, block, parent, `[x]` and span are what a validated
 * plan's can be (nested only in a plan the index says is nested). A command that never reads the
 * columns acts on rows that hold together with what it did read; one that reads them later checks
 * these rows against them.
 */
export function rowHolds(item: Item, i: number, index: ItemIndex, totalWeeks: number): boolean {
  return (
    typeof item.id === 'string' &&
    ID_PATTERN.test(item.id) &&
    stringHash(item.id) === index.idHashes[i] &&
    typeof item.title === 'string' &&
    (item.kind === 'task' || item.kind === 'check') &&
    Number.isInteger(item.line) &&
    item.line >= 1 &&
    optionalString(item.sprint) &&
    optionalString(item.block) &&
    optionalString(item.parent) &&
    (item.parent === undefined || index.nested) &&
    (item.done === undefined || typeof item.done === 'boolean') &&
    spanHolds(item, totalWeeks)
  );
}

const sameSpan = (a: ItemSpan, b: ItemSpan): boolean =>
  a.weeks?.from === b.weeks?.from && a.weeks?.to === b.weeks?.to && a.days?.from === b.days?.from && a.days?.to === b.days?.to && a.day === b.day;

/** Whether a materialised item is the one the columns describe (a damaged row is not). */
export function itemMatches(c: ItemColumns, i: number, item: Item): boolean {
  const ids = idsOf(c);
  return (
    item !== null &&
    typeof item === 'object' &&
    item.id === ids[i] &&
    typeof item.title === 'string' &&
    item.line === c.lines[i] &&
    (item.kind === 'task' ? 't' : 'c') === c.kinds[i] &&
    (item.sprint ?? null) === (c.sprint[i]! < 0 ? null : c.sprintIds[c.sprint[i]!]) &&
    (item.block ?? null) === (c.block[i]! < 0 ? null : c.blockIds[c.block[i]!]) &&
    (item.done === true) === (c.done[i] === '1') &&
    (item.parent ?? null) === (c.parent[i]! < 0 ? null : ids[c.parent[i]!]) &&
    sameSpan(item, c.spans[c.span[i]!]!)
  );
}
