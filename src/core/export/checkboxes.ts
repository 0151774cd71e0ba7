// The plan's progress written back into its Markdown source: only the character inside each checkbox
// changes, so a diff of the file on a git host shows exactly what got done. Pure: the caller reads and
// writes the bytes, and gives the items the source imports to now (their lines and titles) and the
// ones the workspace tracks.
import type { ItemKind } from '../plan/schema.js';

export interface PlacedItem {
  id: string;
  kind: ItemKind;
  title: string;
  /** The source line the item starts on (1-based). */
  line: number;
}

export interface SourceItem extends PlacedItem {
  /** Imported from a `[x]`. */
  done?: true | undefined;
}

export interface BoxChange {
  id: string;
  title: string;
  line: number;
  done: boolean;
}

export interface BoxedText {
  text: string;
  changes: BoxChange[];
  /** Tracked checklist items with no checkbox of the same title on their line in the source. */
  unplaced: PlacedItem[];
  /** Checkboxes of the source that the tracked plan does not have. */
  untracked: PlacedItem[];
}

// A list item's first line: blockquote marks and list markers (a list may open a list on one line),
// then GFM's task marker, whose inside is a space, a tab, x or X.
const BOX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)+\[([ \txX])\]/;

/** Where each line starts in `text` (index 0 is line 1). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const placeKey = (i: { kind: ItemKind; line: number; title: string }) => `${i.kind}\u0000${i.line}\u0000${i.title}`;

/**
 * `text` with each tracked checklist item's box set to `isDone(id)`. An item is placed by its line AND
 * title: a source edited since the import (lines moved, a box renamed) no longer places its items, and
 * the caller refuses rather than tick the wrong box.
 */
export function setCheckboxes(text: string, source: readonly SourceItem[], tracked: readonly PlacedItem[], isDone: (id: string) => boolean): BoxedText {
  const starts = lineStarts(text);
  const boxes = new Map<string, { at: number; done: boolean }>();
  for (const item of source) {
    if (item.kind !== 'check') continue;
    const start = starts[item.line - 1];
    if (start === undefined) continue;
    const end = text.indexOf('\n', start);
    const m = BOX.exec(text.slice(start, end === -1 ? text.length : end));
    const done = m !== null && (m[1] === 'x' || m[1] === 'X');
    // The box found must say what the importer read there, or it is not this item's box.
    if (m && done === (item.done === true)) boxes.set(placeKey(item), { at: start + m[0].length - 2, done });
  }
  const placedKeys = new Set<string>();
  const changes: BoxChange[] = [];
  const unplaced: PlacedItem[] = [];
  const at: { index: number; char: string }[] = [];
  for (const item of tracked) {
    if (item.kind !== 'check') continue;
    const key = placeKey(item);
    const box = boxes.get(key);
    if (!box || placedKeys.has(key)) {
      unplaced.push(item);
      continue;
    }
    placedKeys.add(key);
    const done = isDone(item.id);
    if (done === box.done) continue;
    at.push({ index: box.at, char: done ? 'x' : ' ' });
    changes.push({ id: item.id, title: item.title, line: item.line, done });
  }
  // A source box whose tracked item could not be placed is already said once, as that item.
  const unplacedKeys = new Set(unplaced.map(placeKey));
  const untracked = source.filter((i) => i.kind === 'check' && !placedKeys.has(placeKey(i)) && !unplacedKeys.has(placeKey(i)));
  at.sort((a, b) => a.index - b.index);
  let out = '';
  let from = 0;
  for (const { index, char } of at) {
    out += text.slice(from, index) + char;
    from = index + 1;
  }
  return { text: out + text.slice(from), changes, unplaced, untracked: untracked.map(({ id, kind, title, line }) => ({ id, kind, title, line })) };
}

/** Two texts that differ at most inside checkboxes: an earlier export of the same source. */
export function sameButBoxes(a: string, b: string): boolean {
  const boxes = (s: string) => s.replace(/\[[ \txX]\]/g, '[ ]');
  return a.length === b.length && boxes(a) === boxes(b);
}
