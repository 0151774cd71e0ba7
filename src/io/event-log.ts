import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { MAX_EVENT_LINE_BYTES, type LogEvent } from '../core/log/events.js';
import { eventShapeProblem } from '../core/log/shape.js';
import { LaunchError } from '../errors.js';

// The only code that touches events.jsonl (with ./event-log-doctor.ts, which checks and repairs it). The
// log is append-only: commands add whole lines under a lock and never rewrite it; only `repairEventLog`
// (launch doctor --repair) rewrites, after backups. Nothing here may load zod, directly or through an
// import: every command loads this file, and the full schema check belongs to the doctor module.

export interface LogProblem {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** Where a clean read ended, so an append can check just the bytes that arrived since. */
export interface LogStamp {
  ino: number;
  size: number;
  /** Offset just past the last complete line ("\n"-terminated) that was checked. */
  checkedTo: number;
  /** Lines before `checkedTo`. */
  lines: number;
}

export interface EventLogRead {
  path: string;
  events: LogEvent[];
  /** Skipped torn lines (interrupted writes): reported, never fatal. */
  warnings: string[];
  /** Malformed lines: commands that write must refuse until `launch doctor --repair`. */
  errors: LogProblem[];
  /** Null when the file does not exist or had errors. */
  stamp: LogStamp | null;
}

export function formatLogProblem(p: LogProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** 16 hex digits of randomness: unique across machines without coordination, short enough to type. */
export function newEventId(): string {
  const bytes = Buffer.alloc(8);
  // The kernel's random source is one small read; Web Crypto, where there is no /dev/urandom, costs
  // ~2 ms to load.
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, 8, null) === 8) return bytes.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // not a Unix system
  }
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

// ---------------------------------------------------------------------------------------------------
// Errors

function osReason(err: unknown): { code: string | undefined; reason: string } {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  // Node's messages read "EACCES: permission denied, open '/x'": keep the human part once.
  const text = String(e?.message ?? err).match(/^[A-Z0-9_]+: ([^,]+)/)?.[1] ?? String(e?.message ?? err);
  return { code, reason: code && !text.includes(code) ? `${text} (${code})` : text };
}

/** Reading or writing the log failed at the OS level; `code` is the errno name (EACCES, ENOSPC, …). */
export class EventLogIoError extends LaunchError {
  readonly code: string | undefined;
  constructor(action: 'read' | 'write' | 'lock' | 'repair' | 'sync', file: string, err: unknown) {
    const { code, reason } = osReason(err);
    super(`cannot ${action} ${file}: ${reason}`, {
      cause: err,
      hint: action === 'read' ? undefined : 'nothing was recorded; the log is unchanged',
    });
    this.name = 'EventLogIoError';
    this.code = code;
  }
}

/** The log has malformed lines: nothing is written until the user repairs it. */
export class EventLogCorruptError extends LaunchError {
  readonly problems: LogProblem[];
  constructor(problems: LogProblem[]) {
    const first = problems.slice(0, 3).map(formatLogProblem);
    const more = problems.length > 3 ? [`… and ${problems.length - 3} more`] : [];
    super(['the event log has malformed lines, so nothing was recorded:', ...first, ...more].join('\n  '), {
      hint: 'run `launch doctor` to see them and `launch doctor --repair` to move them to a backup',
    });
    this.name = 'EventLogCorruptError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------------
// Scanning

interface Visitor {
  event(e: LogEvent, line: number, start: number, end: number): void;
  torn(line: number, start: number, end: number): void;
  bad(line: number, message: string, start: number, end: number): void;
}

/**
 * An interrupted write leaves the start of one JSON object whose outer brace never closes, wherever
 * the line is: once the next append has put a newline after it, it is a middle line, and calling it
 * corruption would block every command after one crash. Anything else that does not parse is damage.
 */
function isUnfinishedObject(text: string): boolean {
  if (text.charCodeAt(0) !== 0x7b) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return false;
  }
  return true;
}

export interface ScanEnd {
  /** Complete ("\n"-terminated) lines seen. */
  lines: number;
  /** Offset where the unterminated rest of the buffer starts (buffer length when there is none). */
  tailStart: number;
}

/**
 * Visits every line of `buf`, numbering from `firstLine`; a BOM is skipped only at the file's start.
 * Exported, like `load` and `withLock`, for ./event-log-doctor.ts.
 */
export function scan(buf: Buffer, firstLine: number, atFileStart: boolean, visit: Visitor): ScanEnd {
  let start = atFileStart && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let line = firstLine;
  let lines = 0;
  let tailStart = buf.length;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    if (nl === -1) tailStart = start;
    else lines++;
    // A checkout with core.autocrlf turns "\n" into "\r\n"; the line is still fine.
    const contentEnd = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
    if (contentEnd - start > MAX_EVENT_LINE_BYTES) {
      visit.bad(line, `line is longer than ${MAX_EVENT_LINE_BYTES / 1024} KB`, start, contentEnd);
    } else if (contentEnd > start) {
      visitLine(buf.toString('utf8', start, contentEnd), line, start, contentEnd, visit);
    }
    start = end + 1;
    line++;
  }
  return { lines, tailStart };
}

function visitLine(text: string, line: number, start: number, end: number, visit: Visitor): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (text.trim() === '') return;
    if (isUnfinishedObject(text)) visit.torn(line, start, end);
    else visit.bad(line, `not valid JSON (${(err as Error).message})`, start, end);
    return;
  }
  const problem = eventShapeProblem(value);
  if (problem === null) visit.event(value as LogEvent, line, start, end);
  else visit.bad(line, problem, start, end);
}

/** Reads exactly the bytes [from, size) with one fd, so the stamp describes what was read. */
export function readRange(fd: number, from: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size - from);
  let off = 0;
  while (off < buf.length) {
    const n = readSync(fd, buf, off, buf.length - off, from + off);
    if (n === 0) break;
    off += n;
  }
  return off === buf.length ? buf : buf.subarray(0, off);
}

export function tornWarning(file: string, line: number): string {
  return (
    `${file}:${line}: skipped a torn line (an interrupted write); ` +
    '`launch doctor --repair` moves it to a backup'
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** What checking a run of the log's lines found. */
export interface CheckedLines {
  events: LogEvent[];
  warnings: string[];
  /** Line numbers of the skipped torn lines (one warning each). */
  torn: number[];
  errors: LogProblem[];
  /** Complete lines, and where the unterminated rest starts (see `scan`). */
  end: ScanEnd;
}

/**
 * Checks `buf`, the log's bytes from a line start on, numbering lines from `firstLine`: what
 * `readEventLog` does to the whole file, and ./fold-cache.ts to the bytes appended since its snapshot.
 */
export function checkLines(file: string, buf: Buffer, firstLine: number, atFileStart: boolean): CheckedLines {
  const events: LogEvent[] = [];
  const warnings: string[] = [];
  const torn: number[] = [];
  const errors: LogProblem[] = [];
  const end = scan(buf, firstLine, atFileStart, {
    event: (e) => events.push(e),
    torn: (line) => {
      torn.push(line);
      warnings.push(tornWarning(file, line));
    },
    bad: (line, message) => errors.push({ file, line, message }),
  });
  return { events, warnings, torn, errors, end };
}

/** Reads the whole log once. A missing file is an empty log. */
export function readEventLog(file: string): EventLogRead {
  const loaded = load(file);
  if (loaded === null) return { path: file, events: [], warnings: [], errors: [], stamp: null };
  const { buf, ino } = loaded;
  const { events, warnings, errors, end } = checkLines(file, buf, 1, true);
  if (errors.length > 0) return { path: file, events, warnings, errors, stamp: null };
  const stamp = { ino, size: buf.length, checkedTo: end.tailStart, lines: end.lines };
  return { path: file, events, warnings, errors, stamp };
}

/** The file's bytes and inode, read through one fd so both describe the same file; null if missing. */
export function load(file: string): { buf: Buffer; ino: number; mode: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new EventLogIoError('read', file, err);
  }
  try {
    const st = fstatSync(fd);
    return { buf: readRange(fd, 0, st.size), ino: st.ino, mode: st.mode };
  } catch (err) {
    throw new EventLogIoError('read', file, err);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------------
// Appending

const LOCK_STALE_MS = 10_000;
/** Long enough to outwait a lock left by a killed process (stale after 10 s), bounded so no one hangs. */
const LOCK_WAIT_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function acquire(file: string, action: 'write' | 'repair' | 'sync'): Promise<() => Promise<void>> {
  // Loaded on demand: read-only commands never pay for the lock library.
  const { default: lockfile } = await import('proper-lockfile');
  const deadline = Date.now() + LOCK_WAIT_MS;
  // Our own retry loop: proper-lockfile's retries would also retry EACCES or EROFS for the whole wait.
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(file, {
        stale: LOCK_STALE_MS,
        realpath: false,
        // Appends are synchronous and short, and by the time a compromise could be noticed the line is
        // already written with O_APPEND; during a sync, git's own index lock still guards the repository.
        // The default would throw from a timer and kill the process half-way: not worth dying for.
        onCompromised: () => {},
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new EventLogIoError(action === 'write' ? 'lock' : action, file, err);
      }
      if (Date.now() >= deadline) {
        throw new LaunchError(`${file} is locked by another launch command that is still running`, {
          hint: `try again; if no launch command is running, remove the directory ${file}.lock`,
          cause: err,
        });
      }
      // Jittered backoff so dozens of waiting processes do not retry in lockstep.
      await sleep(Math.min(200, 5 * 1.4 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/** Runs `fn` holding the log's lock (shared with ./event-log-doctor.ts). */
/** Runs `fn` holding the log's lock: appends, repairs, and `launch sync` while git rewrites the file. */
export async function withLock<T>(file: string, action: 'write' | 'repair' | 'sync', fn: () => T | Promise<T>): Promise<T> {
  const release = await acquire(file, action);
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}

function serialize(events: readonly LogEvent[]): string {
  let out = '';
  for (const e of events) {
    const problem = eventShapeProblem(e);
    if (problem !== null) throw new LaunchError(`refusing to record a malformed event: ${problem}`);
    const line = JSON.stringify(e);
    if (Buffer.byteLength(line) > MAX_EVENT_LINE_BYTES) {
      const limit = `${MAX_EVENT_LINE_BYTES / 1024} KB`;
      throw new LaunchError(`the event is longer than ${limit}; shorten the note or reason`, { exitCode: 2 });
    }
    out += line + '\n';
  }
  return out;
}

export interface AppendOptions {
  /** The stamp of a read of this log just before: only bytes written since then are re-checked. */
  after?: LogStamp | null;
}

/** Appends one event; see `appendEvents`. */
export function appendEvent(file: string, event: LogEvent, opts: AppendOptions = {}): Promise<void> {
  return appendEvents(file, [event], opts);
}

/**
 * Appends events as whole lines under the log's lock, flushed to disk before returning. Refuses
 * (EventLogCorruptError) when the log has a malformed line; a failed write (EventLogIoError with
 * the OS reason) leaves the file as it was.
 */
export async function appendEvents(
  file: string,
  events: readonly LogEvent[],
  opts: AppendOptions = {},
): Promise<void> {
  const payload = serialize(events);
  if (payload === '') return;
  await withLock(file, 'write', () => {
    let fd: number;
    try {
      // 'a+': every write lands at the end (O_APPEND), and the same fd can read what is there.
      fd = openSync(file, 'a+');
    } catch (err) {
      throw new EventLogIoError('write', file, err);
    }
    try {
      writeUnderLock(fd, file, payload, opts.after ?? null);
    } finally {
      closeSync(fd);
    }
  });
}

function writeUnderLock(fd: number, file: string, payload: string, after: LogStamp | null): void {
  let size: number;
  let tail: Buffer;
  let firstLine = 1;
  let from = 0;
  try {
    const st = fstatSync(fd);
    size = st.size;
    // Same file, only grown: the caller already checked everything up to its stamp.
    if (after !== null && after.ino === st.ino && st.size >= after.size) {
      from = after.checkedTo;
      firstLine = after.lines + 1;
    }
    tail = readRange(fd, from, size);
  } catch (err) {
    throw new EventLogIoError('read', file, err);
  }
  const errors: LogProblem[] = [];
  scan(tail, firstLine, from === 0, {
    event: () => {},
    torn: () => {},
    bad: (line, message) => errors.push({ file, line, message }),
  });
  if (errors.length > 0) throw new EventLogCorruptError(errors);

  // Never glue the new line onto the bytes of an interrupted write.
  const torn = size > 0 && (tail.length > 0 ? tail[tail.length - 1] : 0x0a) !== 0x0a;
  const bytes = Buffer.from(torn ? '\n' + payload : payload);
  try {
    const written = writeSync(fd, bytes);
    if (written !== bytes.length) {
      const message = `ENOSPC: short write (${written} of ${bytes.length} bytes)`;
      throw Object.assign(new Error(message), { code: 'ENOSPC' });
    }
    fsyncSync(fd);
  } catch (err) {
    // Take back a partial line so the log is exactly as it was (we hold the lock, so it is ours).
    try {
      ftruncateSync(fd, size);
      fsyncSync(fd);
    } catch {
      // not a regular file, or the disk is gone: the reader's torn-line handling covers it
    }
    throw new EventLogIoError('write', file, err);
  }
}
