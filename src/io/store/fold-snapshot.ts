// The folded event log, kept between runs so that a command reads and folds only the lines appended
// since. Reading and folding a 100,000-event log on 10,000 items costs ~200 ms; loading its snapshot
// (1.4 MB) ~20 ms in a fresh process, most of it JSON.parse, building 10,000 item states and GC.
//
// .launch/.events.fold.snapshot.json (git-ignored by init's `.*.snapshot.json` rule) holds, on its first
// line, what it was made from — the log's inode, size and ctime, the offset just past the last line it
// folded, and copies of its first 4 KB and of the last 32 KB before that offset — and on the second, the
// fold without its history (src/core/events-incremental.ts). It is used only when the log is the same
// file, only grown, with those same bytes in both places (a `doctor --repair`, a git checkout or
// rebase, or an in-place edit of recent lines changes them) and, when the size is unchanged, the same
// ctime (an in-place edit anywhere). Then only the bytes from the offset are read and checked, with the
// reader's own code, so torn and malformed lines are reported exactly as a full read reports them. Any
// doubt — a stale, broken or foreign snapshot, a tail that sorts before what is folded, an undo, a
// malformed line — means a full read and fold, as without a cache. The snapshot is rewritten after a
// full read and when the tail has grown large; a failure to write it only costs speed.
import { closeSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { extendFold, type FoldSnapshot, snapshotOf } from '../../core/log/fold-incremental.js';
import { type EscalationState, type KpiRecord, type StandupRecord } from '../../core/log/state.js';
import { foldEvents } from '../../core/log/fold.js';
import { type ItemNote, type ItemState, type ItemStatus, NO_NOTES } from '../../core/log/item-state.js';
import { type MeasuredValue } from '../../core/log/events.js';
import { type Interner, interner } from './interner.js';
import { writeFileAtomic } from '../atomic-write.js';
import { checkLines, EventLogIoError, type LogProblem, type LogStamp, readRange, tornWarning } from '../event-log.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : 'dev';
/** Bump when the body's layout or the fold's meaning changes (a release bumps VERSION anyway). */
const FORMAT = 3;

/** Digested prefix regions: the file's start and the bytes just before the snapshot's offset. */
const HEAD_BYTES = 4 * 1024;
const WINDOW_BYTES = 32 * 1024;
/** A tail at least this long (~450 events, a few ms to check) is folded into a new snapshot. */
export const REWRITE_TAIL_BYTES = 64 * 1024;

export const FOLD_CACHE_NAME = '.events.fold.snapshot.json';

export function foldCachePath(logPath: string): string {
  return join(logPath, '..', FOLD_CACHE_NAME);
}

export interface FoldedLogRead {
  path: string;
  fold: FoldSnapshot;
  /** As `readEventLog` reports them, for the whole log. */
  warnings: string[];
  errors: LogProblem[];
  stamp: LogStamp | null;
  /** none: no log; full: read and folded whole; cache: the snapshot plus `tailBytes` appended since. */
  source: 'none' | 'full' | 'cache';
  tailBytes: number;
  /** Whether a new snapshot was written. */
  wrote: boolean;
}

export interface FoldCacheOptions {
  /** Where the snapshot lives; default next to the log. */
  cacheFile?: string;
  /** Rewrite the snapshot after a cache hit whose tail is at least this long. */
  rewriteTailBytes?: number;
}

interface Header {
  format: number;
  version: string;
  ino: number;
  size: number;
  ctimeMs: number;
  /** Offset just past the last complete line folded, and the number of lines before it. */
  offset: number;
  lines: number;
  /** Base64 copies of the log's bytes [0, min(4 KB, offset)) and [offset - 32 KB, offset). */
  head: string;
  window: string;
  /** The body's length in UTF-16 units: a truncated file is ignored. */
  length: number;
}

const empty = (): FoldSnapshot => ({
  items: new Map(),
  kpis: new Map(),
  standups: [],
  escalations: new Map(),
  cancelled: new Set<string>(),
  duplicates: 0,
  last: null,
});

/** The log folded, from the snapshot and the bytes appended since when it can, else whole. */
export function readFoldedLog(file: string, opts: FoldCacheOptions = {}): FoldedLogRead {
  const cacheFile = opts.cacheFile ?? foldCachePath(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path: file, fold: empty(), warnings: [], errors: [], stamp: null, source: 'none', tailBytes: 0, wrote: false };
    }
    throw new EventLogIoError('read', file, err);
  }
  try {
    let st: Stats;
    try {
      st = fstatSync(fd);
    } catch (err) {
      throw new EventLogIoError('read', file, err);
    }
    const hit = fromSnapshot(file, fd, st, cacheFile, opts.rewriteTailBytes ?? REWRITE_TAIL_BYTES);
    if (hit !== null) return hit;
    return fullRead(file, fd, st, cacheFile);
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
function fullRead(file: string, fd: number, st: Stats, cacheFile: string): FoldedLogRead {
  const buf = read(fd, file, 0, st.size);
  const { events, warnings, torn, errors, end } = checkLines(file, buf, 1, true);
  const fold = snapshotOf(foldEvents(events));
  if (errors.length > 0) {
    return { path: file, fold, warnings, errors, stamp: null, source: 'full', tailBytes: buf.length, wrote: false };
  }
  const stamp = { ino: st.ino, size: buf.length, checkedTo: end.tailStart, lines: end.lines };
  // A torn last line is past the offset: the next read checks it again (and warns) from there.
  const wrote = writeSnapshot(cacheFile, st, buf, buf, 0, stamp, fold, torn.filter((line) => line <= stamp.lines));
  return { path: file, fold, warnings, errors, stamp, source: 'full', tailBytes: buf.length, wrote };
}

/** The snapshot extended by the log's tail; null when there is none usable or the tail needs a full fold. */
function fromSnapshot(file: string, fd: number, st: Stats, cacheFile: string, rewriteTailBytes: number): FoldedLogRead | null {
  const cached = readSnapshotFile(cacheFile);
  if (cached === null) return null;
  const { header } = cached;
  if (header.format !== FORMAT || header.version !== VERSION || header.ino !== st.ino) return null;
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

  const body = parseBody(cached.body);
  if (body === null) return null;
  const tail = buf.subarray(header.offset - from);
  const checked = checkLines(file, tail, header.lines + 1, header.offset === 0);
  // A malformed line is reported by the full read, exactly as without a cache.
  if (checked.errors.length > 0) return null;
  const fold = extendFold(body.fold, checked.events);
  if (fold === null) return null;

  const warnings = body.torn.map((line) => tornWarning(file, line)).concat(checked.warnings);
  const stamp = {
    ino: st.ino,
    size: st.size,
    checkedTo: header.offset + checked.end.tailStart,
    lines: header.lines + checked.end.lines,
  };
  let wrote = false;
  if (tail.length >= rewriteTailBytes && stamp.checkedTo > header.offset) {
    const torn = body.torn.concat(checked.torn.filter((line) => line <= stamp.lines));
    wrote = writeSnapshot(cacheFile, st, head, buf, from, stamp, fold, torn);
  }
  return { path: file, fold, warnings, errors: [], stamp, source: 'cache', tailBytes: tail.length, wrote };
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

// ---------------------------------------------------------------------------------------------------
// The file: line 1 the header, line 2 the body. Item states are stored by column (one array per field,
// optional fields as sparse [index, value, …] lists) so that a 10,000-item fold parses into a few
// arrays rather than tens of thousands of small ones; ItemState objects are then built in one loop.

const STATUS_CODES: Record<ItemStatus, string> = { todo: 't', done: 'd', blocked: 'b' };
const STATUS_OF: Readonly<Record<string, ItemStatus>> = { t: 'todo', d: 'done', b: 'blocked' };

interface StateColumns {
  ids: string[];
  /** One letter per item: t(odo), d(one), b(locked). */
  status: string;
  /** Index into `actors`, or -1. */
  by: number[];
  at: (string | null)[];
  events: number[];
  /** Sparse, flat: [item index, reason, …]. */
  reasons: (number | string)[];
  /** Sparse, flat: [item index, values, …]. */
  values: (number | MeasuredValue[])[];
  /** Indices of items with `missed: true`. */
  missed: number[];
  /** Flat, in order: [item index, text, actor index, ts, …]. */
  notes: (number | string)[];
}

interface Body {
  last: [number, string] | null;
  duplicates: number;
  cancelled: string[];
  /** Line numbers of torn lines before the offset, warned about on every read. */
  torn: number[];
  actors: string[];
  items: StateColumns;
  kpis: [string, KpiRecord[]][];
  standups: StandupRecord[];
  escalations: EscalationState[];
}

function stateColumns(items: Map<string, ItemState>, actors: Interner<string>): StateColumns {
  const c: StateColumns = { ids: [], status: '', by: [], at: [], events: [], reasons: [], values: [], missed: [], notes: [] };
  const status: string[] = [];
  let i = 0;
  for (const [id, s] of items) {
    c.ids.push(id);
    status.push(STATUS_CODES[s.status]);
    c.by.push(actors.index(s.by));
    c.at.push(s.at ?? null);
    c.events.push(s.events);
    if (s.reason !== undefined) c.reasons.push(i, s.reason);
    if (s.values !== undefined) c.values.push(i, s.values);
    if (s.missed !== undefined) c.missed.push(i);
    for (const n of s.notes) c.notes.push(i, n.text, actors.index(n.actor), n.ts);
    i++;
  }
  c.status = status.join('');
  return c;
}

function writeSnapshot(cacheFile: string, st: Stats, head: Buffer, buf: Buffer, from: number, stamp: LogStamp, fold: FoldSnapshot, torn: number[]): boolean {
  try {
    const actors = interner<string>();
    const items = stateColumns(fold.items, actors);
    const body: Body = {
      last: fold.last === null ? null : [fold.last.instant, fold.last.id],
      duplicates: fold.duplicates,
      cancelled: [...fold.cancelled],
      torn,
      actors: actors.values,
      items,
      kpis: [...fold.kpis],
      standups: fold.standups,
      escalations: [...fold.escalations.values()],
    };
    const text = JSON.stringify(body);
    const [headMark, windowMark] = marks(head, buf, from, stamp.checkedTo);
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      ino: st.ino,
      size: stamp.size,
      ctimeMs: st.ctimeMs,
      offset: stamp.checkedTo,
      lines: stamp.lines,
      head: headMark.toString('base64'),
      window: windowMark.toString('base64'),
      length: text.length,
    };
    writeFileAtomic(cacheFile, `${JSON.stringify(header)}\n${text}`);
    return true;
  } catch {
    return false; // a read-only workspace, a full disk: the next run reads the whole log again
  }
}

function readSnapshotFile(cacheFile: string): { header: Header; body: string } | null {
  let text: string;
  try {
    text = readFileSync(cacheFile, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Header;
    const body = text.slice(newline + 1);
    if (typeof header !== 'object' || header === null || header.length !== body.length) return null;
    const numbers = [header.ino, header.size, header.ctimeMs, header.offset, header.lines];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) || typeof header.head !== 'string' || typeof header.window !== 'string') return null;
    return { header, body };
  } catch {
    return null;
  }
}

const isArray = Array.isArray;

class BadSnapshot extends Error {}

function check(ok: boolean): void {
  if (!ok) throw new BadSnapshot();
}

/** The body back as a snapshot, with the object shapes the fold builds; anything off means null. */
function parseBody(text: string): { fold: FoldSnapshot; torn: number[] } | null {
  try {
    return restore(JSON.parse(text) as Body);
  } catch {
    return null; // unparsable, or BadSnapshot
  }
}

function restore(body: Body): { fold: FoldSnapshot; torn: number[] } {
  check(typeof body === 'object' && body !== null);
  const { last, duplicates, cancelled, torn, actors, items: c, kpis, standups, escalations } = body;
  check(isArray(cancelled) && isArray(torn) && isArray(actors) && isArray(kpis) && isArray(standups) && isArray(escalations));
  check(typeof duplicates === 'number' && typeof c === 'object' && c !== null);
  check(last === null || (isArray(last) && typeof last[0] === 'number' && typeof last[1] === 'string'));
  const { ids, status, by, at, events, reasons, values, missed, notes } = c;
  const n = isArray(ids) ? ids.length : -1;
  check(typeof status === 'string' && status.length === n && isArray(by) && by.length === n && isArray(at) && at.length === n);
  check(isArray(events) && events.length === n && isArray(reasons) && isArray(values) && isArray(missed) && isArray(notes));

  // Every key up front, in the fold's order (see itemState in ../core/events.ts).
  const states: ItemState[] = new Array<ItemState>(n);
  const items = new Map<string, ItemState>();
  for (let i = 0; i < n; i++) {
    const b = by[i]!;
    const state: ItemState = {
      status: STATUS_OF[status[i]!]!,
      reason: undefined,
      by: b < 0 ? undefined : actors[b],
      at: at[i] ?? undefined,
      notes: NO_NOTES,
      values: undefined,
      missed: undefined,
      events: events[i]!,
    };
    check(state.status !== undefined && typeof ids[i] === 'string' && (b < 0 || state.by !== undefined));
    check(typeof state.events === 'number' && (state.at === undefined || typeof state.at === 'string'));
    states[i] = state;
    items.set(ids[i]!, state);
  }
  for (let j = 0; j < reasons.length; j += 2) item(states, reasons[j]).reason = reasons[j + 1] as string;
  for (let j = 0; j < values.length; j += 2) item(states, values[j]).values = values[j + 1] as MeasuredValue[];
  for (let j = 0; j < missed.length; j++) item(states, missed[j]).missed = true;
  for (let j = 0; j + 3 < notes.length; j += 4) {
    const state = item(states, notes[j]);
    const note: ItemNote = { text: notes[j + 1] as string, actor: actors[notes[j + 2] as number]!, ts: notes[j + 3] as string };
    if (state.notes === NO_NOTES) state.notes = [note];
    else (state.notes as ItemNote[]).push(note);
  }

  const kpiMap = new Map<string, KpiRecord[]>();
  for (const entry of kpis) {
    check(isArray(entry) && typeof entry[0] === 'string' && isArray(entry[1]));
    kpiMap.set(entry[0], entry[1]);
  }
  const escalationMap = new Map<string, EscalationState>();
  for (const e of escalations) {
    check(typeof e === 'object' && e !== null && typeof e.key === 'string');
    escalationMap.set(e.key, e);
  }
  return {
    fold: {
      items,
      kpis: kpiMap,
      standups,
      escalations: escalationMap,
      cancelled: new Set(cancelled),
      duplicates,
      last: last === null ? null : { instant: last[0], id: last[1] },
    },
    torn,
  };
}

function item(states: ItemState[], index: unknown): ItemState {
  const state = typeof index === 'number' ? states[index] : undefined;
  check(state !== undefined);
  return state!;
}
