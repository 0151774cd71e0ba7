// The folded event log, kept between runs so that a command reads and folds only the lines appended
// since. Reading and folding a 100,000-event log on 10,000 items costs ~200 ms; loading its snapshot
// (1.4 MB) ~20 ms in a fresh process, most of it JSON.parse, building 10,000 item states and GC.
//
// .launch/.events.fold.snapshot.json (git-ignored by init's `.*.snapshot.json` rule) holds, on its first
// line, what it was made from — the log's inode, size and ctime, the offset just past the last line it
// folded, and copies of its first 4 KB and of the last 32 KB before that offset — and the checksums of
// the rest (./checksum.ts); on the second, the fold without its history (src/core/log/fold-incremental.ts),
// written by ./fold-snapshot-codec.ts; on the third, the hashes of the folded events' ids. It is used
// only when its own bytes are what was written (a snapshot edited by hand, even to the same length, is
// not), the log is the same file, only grown, with those same bytes in both places (a `doctor
// --repair`, a git checkout or rebase, or an in-place edit of recent lines changes them) and, when the
// size is unchanged, the same ctime (an in-place edit anywhere). Then only the bytes from the offset are
// read and checked, with the reader's own code, so torn, malformed and repeated lines are reported
// exactly as a full read reports them; a tail event whose id may be a folded one's is a repeat only a
// full read can judge. Any doubt — a stale, broken or foreign snapshot, a tail that sorts before what is
// folded, an undo, a malformed line — means a full read and fold, as without a cache. The snapshot is
// rewritten after a full read and when the tail has grown large; a failure to write it only costs speed.
import { closeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { extendFold, type FoldSnapshot, snapshotOf } from '../../core/log/fold-incremental.js';
import { foldEvents, latestTs } from '../../core/log/fold.js';
import type { FoldState } from '../../core/log/state.js';
import { checkLines, EventLogIoError, type LogProblem, type LogStamp, openLog, readRange, repeatWarning, tornWarning } from '../event-log.js';
import { BUILD_ID } from './build-id.js';
import { stringHash } from './checksum.js';
import { type Body, decodeBody, encodeBody } from './fold-snapshot-codec.js';
import type { NotesPart } from './fold-snapshot-notes.js';
import { type IdHashes, idHashes, readSnapshotFile, writeSnapshotFile } from './fold-snapshot-file.js';
import { markCollector, type TimeMarks } from './time-marks.js';

/** Digested prefix regions: the file's start and the bytes just before the snapshot's offset. */
const HEAD_BYTES = 4 * 1024;
const WINDOW_BYTES = 32 * 1024;
/**
 * A tail at least this long is folded into a new snapshot: an eighth of the snapshot's body, within
 * 4–64 KB (~30–450 events). Every read pays for its tail again, ~0.3 M instructions an event in code
 * not yet compiled, and ~80 M more once ~150 events make V8 optimise it; a rewrite costs about 300 per
 * byte of body (~10 M for the bundled plan's 60 KB, ~700 M for 10,000 items' 2 MB). At a fixed 64 KB
 * the bundled plan read a tail of ~170 events after a day of `check`s: `kpis` 719 M against 563 M
 * with a current snapshot (callgrind, fair scheduling; `node -e 0` 505 M).
 */
export const rewriteTailBytes = (bodyBytes: number): number => Math.min(64 * 1024, Math.max(4 * 1024, bodyBytes >> 3));

export const FOLD_CACHE_NAME = '.events.fold.snapshot.json';

export function foldCachePath(logPath: string): string {
  return join(logPath, '..', FOLD_CACHE_NAME);
}

export interface FoldedLogRead {
  path: string;
  /** The fold of the whole log at `now`. */
  fold: FoldState;
  /** The latest `ts` of any event: the fold is also the view as of that day and every later one. */
  maxTs: number | null;
  /** As `readEventLog` reports them, for the whole log. */
  warnings: string[];
  repeats: number[];
  errors: LogProblem[];
  stamp: LogStamp | null;
  /** Time marks (./time-marks.ts) over the lines before `stamp.checkedTo`; none without a stamp. */
  marks?: TimeMarks;
  /** none: no log; full: read and folded whole; cache: the snapshot plus `tailBytes` appended since. */
  source: 'none' | 'full' | 'cache';
  tailBytes: number;
  /** Whether a new snapshot was written. */
  wrote: boolean;
}

export interface FoldCacheOptions {
  /** The run's instant (events recorded after it fold differently as time passes: no snapshot then). */
  now: number;
  /** Where the snapshot lives; default next to the log. */
  cacheFile?: string;
  /** Rewrite the snapshot after a cache hit whose tail is at least this long (default: rewriteTailBytes). */
  rewriteTailBytes?: number;
}

const empty = (): FoldState => ({ items: new Map(), kpis: new Map(), standups: [], escalations: new Map(), cancelled: new Set<string>(), duplicates: 0 });

/** The log folded, from the snapshot and the bytes appended since when it can, else whole. */
export function readFoldedLog(file: string, opts: FoldCacheOptions): FoldedLogRead {
  const cacheFile = opts.cacheFile ?? foldCachePath(file);
  const opened = openLog(file);
  if (opened === null) {
    return { path: file, fold: empty(), maxTs: null, warnings: [], repeats: [], errors: [], stamp: null, source: 'none', tailBytes: 0, wrote: false };
  }
  const { fd, st } = opened;
  try {
    const hit = fromSnapshot(file, fd, st, cacheFile, opts.now, opts.rewriteTailBytes);
    if (hit !== null) return hit;
    return fullRead(file, fd, st, cacheFile, opts.now);
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, file: string, from: number, to: number): Buffer {
  try {
    return readRange(fd, from, to);
  } catch (err) {
    throw new EventLogIoError('read', file, err);
  }
}

/** What `readEventLog` does, through the same fd, plus a snapshot for next time. */
function fullRead(file: string, fd: number, st: Stats, cacheFile: string, now: number): FoldedLogRead {
  const buf = read(fd, file, 0, st.size);
  const collector = markCollector(0, null);
  const { events, warnings, torn, repeats, errors, end } = checkLines(file, buf, 1, true, collector.see);
  const fold = foldEvents(events, { now });
  const snapshot = snapshotOf(fold, now);
  const maxTs = snapshot ? snapshot.maxTs : latestTs(events);
  const skipped = repeats.map(([line]) => line);
  if (errors.length > 0) {
    return { path: file, fold, maxTs, warnings, repeats: skipped, errors, stamp: null, source: 'full', tailBytes: buf.length, wrote: false };
  }
  const stamp = { ino: st.ino, size: buf.length, checkedTo: end.tailStart, lines: end.lines };
  // A torn last line is past the offset: the next read checks it again (and warns) from there.
  const marks = collector.marks;
  const seen = { torn: torn.filter((line) => line <= stamp.lines), repeats: repeats.filter(([line]) => line <= stamp.lines), marks };
  const wrote = snapshot !== null && writeSnapshot(cacheFile, st, buf, buf, 0, stamp, snapshot, seen, idHashes(new Uint32Array(0), events));
  return { path: file, fold, maxTs, warnings, repeats: skipped, errors, stamp, marks, source: 'full', tailBytes: buf.length, wrote };
}

/** The snapshot extended by the log's tail; null when there is none usable or the tail needs a full fold. */
function fromSnapshot(file: string, fd: number, st: Stats, cacheFile: string, now: number, rewriteAt: number | undefined): FoldedLogRead | null {
  const cached = readSnapshotFile(cacheFile);
  if (cached === null) return null;
  const { header } = cached;
  if (header.build !== BUILD_ID || header.ino !== st.ino) return null;
  // Append-only: the log may only have grown; at the same size, any write since shows in the ctime.
  if (st.size < header.size || header.offset > header.size) return null;
  if (st.size === header.size && st.ctimeMs !== header.ctimeMs) return null;

  const from = Math.max(0, header.offset - WINDOW_BYTES);
  const buf = read(fd, file, from, st.size);
  if (buf.length !== st.size - from) return null; // shrank while we read: let the full read sort it out
  // From 32 KB before the offset on, so the head is separate only when the offset is past 32 KB.
  const head = from === 0 ? buf : read(fd, file, 0, HEAD_BYTES);
  const [headNow, windowNow] = marks(head, buf, from, header.offset);
  if (!headNow.equals(Buffer.from(header.head, 'base64')) || !windowNow.equals(Buffer.from(header.window, 'base64'))) return null;

  const body = parseBody(cached.body, cached.notes);
  if (body === null) return null;
  const tail = buf.subarray(header.offset - from);
  const collector = markCollector(header.offset, body.fold.maxTs, body.marks);
  const checked = checkLines(file, tail, header.lines + 1, header.offset === 0, collector.see);
  // A malformed line is reported by the full read, exactly as without a cache.
  if (checked.errors.length > 0) return null;
  // An id the prefix may hold: the full read tells a repeated line from another event with that id.
  let ids: IdHashes | null = null;
  if (checked.events.length > 0) {
    ids = cached.ids();
    if (ids === null || checked.events.some((e) => ids!.holds(stringHash(e.id)))) return null;
  }
  const fold = extendFold(body.fold, checked.events, now);
  if (fold === null) return null;

  const earlier = [...body.torn.map((line) => [line, tornWarning(file, line)] as const), ...body.repeats.map(([line, first]) => [line, repeatWarning(file, line, first)] as const)];
  const warnings = earlier.sort((a, b) => a[0] - b[0]).map(([, w]) => w).concat(checked.warnings);
  const repeats = body.repeats.concat(checked.repeats);
  const stamp = {
    ino: st.ino,
    size: st.size,
    checkedTo: header.offset + checked.end.tailStart,
    lines: header.lines + checked.end.lines,
  };
  let wrote = false;
  if (tail.length >= (rewriteAt ?? rewriteTailBytes(cached.body.length)) && stamp.checkedTo > header.offset) {
    const seen = { torn: body.torn.concat(checked.torn.filter((line) => line <= stamp.lines)), repeats: repeats.filter(([line]) => line <= stamp.lines), marks: collector.marks };
    const known = (ids ?? cached.ids())?.all();
    if (known !== undefined) wrote = writeSnapshot(cacheFile, st, head, buf, from, stamp, fold, seen, idHashes(known, checked.events));
  }
  return { path: file, fold, maxTs: fold.maxTs, warnings, repeats: repeats.map(([line]) => line), errors: [], stamp, marks: collector.marks, source: 'cache', tailBytes: tail.length, wrote };
}

// ---------------------------------------------------------------------------------------------------
// What vouches for the folded prefix: exact copies of its first 4 KB and its last 32 KB, compared as
// bytes. (A hash of them, computed in JavaScript before the JIT warms up, cost 1–2 ms a run; a byte
// comparison costs microseconds, and base64 adds ~48 KB to a snapshot that is git-ignored anyway.)

/**
 * The log's first `offset` bytes' marks: `head` holds its bytes from 0 (at least 4 KB, or up to
 * `offset`), `buf` its bytes from `from` (at most 32 KB before `offset`) to at least `offset`.
 */
function marks(head: Buffer, buf: Buffer, from: number, offset: number): [Buffer, Buffer] {
  const start = Math.max(0, offset - WINDOW_BYTES);
  return [head.subarray(0, Math.min(HEAD_BYTES, offset)), buf.subarray(start - from, offset - from)];
}

function writeSnapshot(cacheFile: string, st: Stats, head: Buffer, buf: Buffer, from: number, stamp: LogStamp, fold: FoldSnapshot, seen: Seen, ids: Uint32Array): boolean {
  const [headMark, windowMark] = marks(head, buf, from, stamp.checkedTo);
  const made = { build: BUILD_ID, ino: st.ino, size: stamp.size, ctimeMs: st.ctimeMs, offset: stamp.checkedTo, lines: stamp.lines };
  return writeSnapshotFile(cacheFile, { ...made, head: headMark.toString('base64'), window: windowMark.toString('base64') }, encodeBody(fold, seen), ids);
}

interface Seen {
  /** Torn lines and repeated ids before the offset, warned about on every read. */
  torn: number[];
  repeats: [number, number][];
  marks: TimeMarks;
}

/** The body back as a snapshot, with the object shapes the fold builds; anything off means null. */
function parseBody(text: string, notes: NotesPart): ReturnType<typeof decodeBody> | null {
  try {
    return decodeBody(JSON.parse(text) as Body, notes);
  } catch {
    return null; // unparsable, or BadSnapshot
  }
}
