// The fold snapshot's file (./fold-snapshot.ts): line 1 the header — what the snapshot was made from,
// and the byte length of each line after it, with the checksums (./checksum.ts) of the body and the
// ids; line 2 the body (./fold-snapshot-codec.ts); line 3 the folded events' ids, as sorted 32-bit
// hashes in base64; line 4 the notes part (./fold-snapshot-notes.ts), whose items' notes have
// their checksums in the body. A file whose lengths or body checksum do not match what it holds is not read
// at all; the ids are checked when first asked for, since a read with nothing appended since the
// snapshot never needs them, and so is an item's notes, which only show needs (and a fold that
// touches the item, and the snapshot's rewrite). Notes that do not match their checksum then cannot be
// rebuilt mid-command: the snapshot is removed and the command stops with a message; the next run
// folds the log again.
import { rmSync } from 'node:fs';
import type { LogEvent } from '../../core/log/events.js';
import { LaunchError } from '../../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { checksum, stringHash } from './checksum.js';
import { openKept, type Region } from './kept-file.js';
import { wordAt, wordCount, wordsOf, wordsText } from './words.js';
import type { Body } from './fold-snapshot-codec.js';
import type { NotesPart } from './fold-snapshot-notes.js';

export interface Made {
  /** The code that wrote it (./build-id.ts). */
  build: string;
  ino: number;
  size: number;
  ctimeMs: number;
  /** Offset just past the last complete line folded, and the number of lines before it. */
  offset: number;
  lines: number;
  /** Base64 copies of the log's bytes [0, min(4 KB, offset)) and [offset - 32 KB, offset). */
  head: string;
  window: string;
}

interface Header extends Made {
  body: number;
  sum: string;
  ids: number;
  idsSum: string;
  notes: number;
}

export interface SnapshotFile {
  header: Made;
  body: string;
  /** The ids' hashes, checked against their checksum when first asked for; null if damaged. */
  ids(): IdHashes | null;
  notes: NotesPart;
}

/** The folded events' id hashes, sorted. */
export interface IdHashes {
  /**
   * Whether `hash` is among them: a binary search that decodes the ~20 words it looks at. Decoding all
   * of them (5.3 MB of base64 on 1,000,000 events: a string of it, the words, their copy) for the few
   * events appended since the snapshot cost `today` on 10,000 items and 1,000,000 events ~30 M
   * instructions (3 alternating callgrind runs after a check: 1,144 M → 1,113 M).
   */
  holds(hash: number): boolean;
  /** All of them, to write the snapshot again. */
  all(): Uint32Array;
}

/** Writes the snapshot; false when it could not (a read-only workspace, a full disk: only speed is lost). */
export function writeSnapshotFile(cacheFile: string, made: Made, { body, notes }: { body: Body; notes: Buffer }, ids: Uint32Array): boolean {
  try {
    const bodyBytes = Buffer.from(JSON.stringify(body));
    const idsText = Buffer.from(wordsText(ids));
    const header: Header = { ...made, body: bodyBytes.length, sum: checksum(bodyBytes), ids: idsText.length, idsSum: checksum(idsText), notes: notes.length };
    const newline = Buffer.from('\n');
    writeFileAtomic(cacheFile, Buffer.concat([Buffer.from(JSON.stringify(header)), newline, bodyBytes, newline, idsText, newline, notes]));
    return true;
  } catch {
    return false;
  }
}

/** The header and the body, read; the ids and the notes when first asked for (./kept-file.ts). */
export function readSnapshotFile(cacheFile: string): SnapshotFile | null {
  const file = openKept(cacheFile);
  if (file === null) return null;
  try {
    const newline = file.first.indexOf(0x0a);
    if (newline < 0) return null;
    const header = JSON.parse(file.first.toString('utf8', 0, newline)) as Header;
    if (typeof header !== 'object' || header === null) return null;
    const counts = [header.ino, header.size, header.offset, header.lines, header.body, header.ids, header.notes];
    const strings = [header.build, header.head, header.window, header.sum, header.idsSum];
    if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || !Number.isFinite(header.ctimeMs) || !strings.every((s) => typeof s === 'string')) return null;
    const bodyStart = newline + 1;
    const idsStart = bodyStart + header.body + 1;
    const notesStart = idsStart + header.ids + 1;
    if (file.st.size !== notesStart + header.notes) return null;
    const buf = file.prefix(idsStart);
    if (buf === null || buf[idsStart - 1] !== 0x0a || checksum(buf, bodyStart, idsStart - 1) !== header.sum) return null;
    const snapshot: SnapshotFile = {
      header,
      body: buf.toString('utf8', bodyStart, idsStart - 1),
      ids: () => {
        const ids = file.part(idsStart, notesStart);
        return ids === null || ids[ids.length - 1] !== 0x0a ? null : idHashesOf(ids, 0, ids.length - 1, header.idsSum);
      },
      notes: notesPart(cacheFile, file.region(notesStart, header.notes)),
    };
    // Item states read their notes from the part, after the read if the command shows them.
    file.keep();
    return snapshot;
  } catch {
    return null;
  } finally {
    file.close();
  }
}

/** The hashes in base64 (./words.ts) at [start, end) of `buf`, or null if they are not what was written. */
export function idHashesOf(buf: Buffer, start: number, end: number, sum: string): IdHashes | null {
  if (checksum(buf, start, end) !== sum) return null;
  const count = wordCount(buf, start, end);
  if (count === undefined) return null;
  let all: Uint32Array | undefined;
  return {
    holds: (hash) => (all !== undefined ? holds(all, hash) : sortedHas(count, (k) => wordAt(buf, start, k), hash)),
    all: () => (all ??= new Uint32Array(wordsOf(buf.toString('latin1', start, end))!)),
  };
}

/**
 * The notes part, read from the descriptor an item at a time; after NOTES_READS_ALONE items (a
 * snapshot's rewrite reads them all) the rest of the part is read in one go.
 */
function notesPart(cacheFile: string, region: Region): NotesPart {
  let reads = 0;
  const part: NotesPart = {
    slice(from, to, sum) {
      if (++reads > NOTES_READS_ALONE) region.whole();
      const bytes = region.slice(from, to) ?? part.damaged();
      if (checksum(bytes) !== sum) part.damaged();
      return bytes.toString('utf8');
    },
    damaged() {
      try {
        rmSync(cacheFile, { force: true });
      } catch {
        // a read-only directory: the message still says what is wrong
      }
      throw new LaunchError(`${cacheFile}: the notes of the event log's snapshot are damaged; it has been removed and the next run rebuilds it`);
    },
  };
  return part;
}
const NOTES_READS_ALONE = 64;

// A tail event whose id's hash is not among the folded ones' is not a repeat of a folded event; one
// whose hash is (a repeat, or by chance: one in ~40,000 on 100,000 events) sends the read to the full
// path, which tells them apart.

/** `known` with the hashes of `events`' ids added, sorted. */
export function idHashes(known: Uint32Array, events: readonly LogEvent[]): Uint32Array {
  const all = new Uint32Array(known.length + events.length);
  all.set(known);
  for (let i = 0; i < events.length; i++) all[known.length + i] = stringHash(events[i]!.id);
  return all.sort();
}

export const holds = (sorted: Uint32Array, hash: number): boolean => sortedHas(sorted.length, (k) => sorted[k]!, hash);

/** Whether the `count` ascending words that `at` reads hold `hash` (a binary search). */
function sortedHas(count: number, at: (k: number) => number, hash: number): boolean {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo < count && at(lo) === hash;
}
