// The fold snapshot's notes part, kept out of the body (why: ./fold-snapshot-codec.ts), whose body says
// where each item's notes are in it and their checksum. An item's notes are read, checked and parsed
// when first asked for.
import type { MeasuredValue } from '../../core/log/events.js';
import type { AllOf, ItemNote, ItemState, ItemStatus } from '../../core/log/item-state.js';
import { checksum } from './checksum.js';

/**
 * The part: one JSON array per item with notes, [text, actor, ts, …], one after another, each
 * with a checksum of its own in the body. A run that touches one item's notes (any `today` after a
 * note, a check or a block was appended since the snapshot: the fold copies that item's state) reads
 * and checks that item's bytes only; with one checksum for the part, it checked and decoded all of
 * them (7.4 MB of 1,000,000 events).
 */
export interface NotesPart {
  /** The part's bytes [start, end) as text, if their checksum is `sum`; throws (damaged) if not. */
  slice(start: number, end: number, sum: string): string;
  /** What a part that does not read back as written throws (nothing else can be answered then). */
  damaged(): never;
}

/** Appends an item's notes to the part; their bytes' [start, end) in it, and their checksum. */
export function encodeNotes(notes: readonly ItemNote[], part: Buffer[], at: number): [number, number, string] {
  const flat: string[] = [];
  for (const n of notes) flat.push(n.text, n.actor, n.ts);
  const bytes = Buffer.from(JSON.stringify(flat));
  part.push(bytes);
  return [at, at + bytes.length, checksum(bytes)];
}

/** Where a state's notes are: the part's bytes [start, end), whose checksum is the sum-th in `sums`. */
export interface NotesAt {
  part: NotesPart;
  start: number;
  end: number;
  sums: string;
  sum: number;
}

/**
 * A state whose notes are still in the part: `notes` is read from it when first asked for, and becomes
 * the state's own property then (or when the fold sets it). A getter defined on each state cost ~8,000
 * instructions a state before V8 optimises anything (~80 M on 10,000 items); a prototype given by
 * Object.create and filled by Object.assign ~11,000 with the rest of the loop (~110 M on 10,000
 * states, counted by exiting before and after it); a constructor, whose instances all share one
 * shape, took ~75 M off that (today, 10,000 items and 100,000 events: 995 M → 920 M). A copy by
 * spreading would miss `notes`: the fold copies states field by field (copyItemState), and toJSON
 * writes them whole.
 */
export class LazyNotesState {
  // In the fold's order (newItemState), `notes` aside.
  status: ItemStatus;
  reason: string | undefined = undefined;
  by: string | undefined;
  at: string | undefined;
  values: MeasuredValue[] | undefined = undefined;
  missed: true | undefined = undefined;
  owner: string | undefined = undefined;
  events: number;
  readonly #notesAt: NotesAt;

  constructor(status: ItemStatus, by: string | undefined, at: string | undefined, events: number, notesAt: NotesAt) {
    this.status = status;
    this.by = by;
    this.at = at;
    this.events = events;
    this.#notesAt = notesAt;
  }

  get notes(): readonly ItemNote[] {
    const { part, start, end, sums, sum } = this.#notesAt;
    const notes = parseNotes(part.slice(start, end, sums.slice(sum * 8, sum * 8 + 8))) ?? part.damaged();
    own(this, notes);
    return notes;
  }

  set notes(value: readonly ItemNote[]) {
    own(this, value);
  }

  toJSON(): ItemState {
    const copy: AllOf<ItemState> = { status: this.status, reason: this.reason, by: this.by, at: this.at, notes: this.notes, values: this.values, missed: this.missed, owner: this.owner, events: this.events };
    return copy;
  }
}

const own = (state: object, value: readonly ItemNote[]) => Object.defineProperty(state, 'notes', { value, writable: true, enumerable: true, configurable: true });

/** The notes an item's bytes hold; null if they are not what encodeNotes writes. */
function parseNotes(text: string): ItemNote[] | null {
  let flat: unknown;
  try {
    flat = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(flat) || flat.length === 0 || flat.length % 3 !== 0 || !flat.every((x) => typeof x === 'string')) return null;
  const notes: ItemNote[] = [];
  for (let k = 0; k < (flat as string[]).length; k += 3) {
    const [text, actor, ts] = (flat as string[]).slice(k, k + 3) as [string, string, string];
    notes.push({ text, actor, ts });
  }
  return notes;
}
