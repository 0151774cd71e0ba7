import { isUtf8 } from 'node:buffer';
import { closeSync, readSync, type Stats } from 'node:fs';
import { MAX_EVENT_LINE_BYTES, type LogEvent } from '../core/log/events.js';
import { eventShapeProblem } from '../core/log/shape.js';
import { LaunchError } from '../errors.js';
import { openRegular, osReason } from './safe-path.js';

// Reading events.jsonl: every line checked, torn and malformed lines reported with their line numbers.
// With ./event-log-append.ts (adding lines under the lock) and ./event-log-doctor.ts (the full check and
// the one repair that rewrites it), the only code that touches the log. Nothing here may load zod,
// directly or through an import: every command loads this file.

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
  /** Skipped torn lines (interrupted writes) and repeated ids: reported, never fatal. */
  warnings: string[];
  /** Lines skipped because an earlier line has their id with other content (see `scan`). */
  repeats: number[];
  /** Malformed lines: commands that write must refuse until `launch doctor --repair`. */
  errors: LogProblem[];
  /** Null when the file does not exist or had errors. */
  stamp: LogStamp | null;
}

export function formatLogProblem(p: LogProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

// ---------------------------------------------------------------------------------------------------
// Errors

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
  /**
   * A well-formed event whose id an earlier line already has, with other content. Ids are unique, so
   * it is not an event: skipped like a torn line, moved out by a repair, while the first stays. (The
   * same line twice, after a git union merge, is one event repeated: it goes to `event`.) Without
   * this method, ids are not tracked and every event goes to `event`.
   */
  repeat?(e: LogEvent, line: number, firstLine: number, start: number, end: number): void;
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
  // One pass over the whole buffer in native code; only a log that fails it is checked line by line.
  const allUtf8 = isUtf8(buf);
  const ids = visit.repeat ? new Ids(buf) : undefined;
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
      const utf8 = allUtf8 || isUtf8(buf.subarray(start, contentEnd));
      visitLine(buf.toString('utf8', start, contentEnd), utf8, line, start, contentEnd, visit, ids);
    }
    start = end + 1;
    line++;
  }
  return { lines, tailStart };
}

/** The first line of each id seen: where it is, to tell a repeated line from another event. */
class Ids {
  private readonly index = new Map<string, number>();
  /** line, start, end of each first line, by the index the map holds. */
  private readonly spans: number[] = [];
  constructor(private readonly buf: Buffer) {}

  /** The line that first had this id with other content, or 0 when this is its first line or a copy of it. */
  conflict(id: string, line: number, start: number, end: number): number {
    const at = this.index.get(id);
    if (at === undefined) {
      this.index.set(id, this.spans.length);
      this.spans.push(line, start, end);
      return 0;
    }
    const [first, s, e] = [this.spans[at]!, this.spans[at + 1]!, this.spans[at + 2]!];
    return this.buf.compare(this.buf, s, e, start, end) === 0 ? 0 : first;
  }
}

function visitLine(text: string, utf8: boolean, line: number, start: number, end: number, visit: Visitor, ids: Ids | undefined): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (text.trim() === '') return;
    // An interrupted write can stop inside a character: it is still a torn line.
    if (isUnfinishedObject(text)) visit.torn(line, start, end);
    else visit.bad(line, utf8 ? `not valid JSON (${(err as Error).message})` : NOT_UTF8, start, end);
    return;
  }
  // Decoding would have put U+FFFD where the bytes were: what the line says is not what it holds.
  if (!utf8) return visit.bad(line, NOT_UTF8, start, end);
  const problem = eventShapeProblem(value);
  if (problem !== null) return visit.bad(line, problem, start, end);
  const e = value as LogEvent;
  const first = ids?.conflict(e.id, line, start, end) ?? 0;
  if (first === 0) visit.event(e, line, start, end);
  else visit.repeat!(e, line, first, start, end);
}
const NOT_UTF8 = 'not valid UTF-8 text (a byte sequence no character has)';

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

export function repeatWarning(file: string, line: number, firstLine: number): string {
  return (
    `${file}:${line}: skipped an event whose id line ${firstLine} already has, with other content; ` +
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
  /** [line, the line that first had its id] of each skipped repeated id (one warning each). */
  repeats: [number, number][];
  errors: LogProblem[];
  /** Complete lines, and where the unterminated rest starts (see `scan`). */
  end: ScanEnd;
}

/**
 * Checks `buf`, the log's bytes from a line start on, numbering lines from `firstLine`: what
 * `readEventLog` does to the whole file, and ./store/fold-snapshot.ts to the bytes appended since its
 * snapshot (whose own ids it checks the events against).
 */
export function checkLines(file: string, buf: Buffer, firstLine: number, atFileStart: boolean, see?: (e: LogEvent, start: number) => void): CheckedLines {
  const events: LogEvent[] = [];
  const warnings: string[] = [];
  const torn: number[] = [];
  const repeats: [number, number][] = [];
  const errors: LogProblem[] = [];
  const end = scan(buf, firstLine, atFileStart, {
    event: (e, _line, start) => void (events.push(e), see?.(e, start)),
    torn: (line) => {
      torn.push(line);
      warnings.push(tornWarning(file, line));
    },
    bad: (line, message) => errors.push({ file, line, message }),
    repeat: (_, line, first) => {
      repeats.push([line, first]);
      warnings.push(repeatWarning(file, line, first));
    },
  });
  return { events, warnings, torn, repeats, errors, end };
}

/** Reads the whole log once. A missing file is an empty log. */
export function readEventLog(file: string): EventLogRead {
  const loaded = load(file);
  if (loaded === null) return { path: file, events: [], warnings: [], repeats: [], errors: [], stamp: null };
  const { buf, ino } = loaded;
  const { events, warnings, repeats, errors, end } = checkLines(file, buf, 1, true);
  const skipped = repeats.map(([line]) => line);
  if (errors.length > 0) return { path: file, events, warnings, repeats: skipped, errors, stamp: null };
  const stamp = { ino, size: buf.length, checkedTo: end.tailStart, lines: end.lines };
  return { path: file, events, warnings, repeats: skipped, errors, stamp };
}

/**
 * The log opened for reading: a regular file, within the workspace (./safe-path.ts: a FIFO would hang
 * every command, and a link to /etc/passwd would have its lines echoed as malformed); null if missing.
 */
export function openLog(file: string): { fd: number; st: Stats } | null {
  try {
    return openRegular(file);
  } catch (err) {
    if (err instanceof LaunchError) throw err;
    throw new EventLogIoError('read', file, err);
  }
}

/** The file's bytes from `from` on, and its inode, read through one fd so both describe the same file; null if missing. */
export function load(file: string, from = 0): { buf: Buffer; ino: number; mode: number } | null {
  const opened = openLog(file);
  if (opened === null) return null;
  try {
    return { buf: readRange(opened.fd, Math.min(from, opened.st.size), opened.st.size), ino: opened.st.ino, mode: opened.st.mode };
  } catch (err) {
    throw new EventLogIoError('read', file, err);
  } finally {
    closeSync(opened.fd);
  }
}
