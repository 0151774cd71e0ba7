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

/** The file's bytes and inode, read through one fd so both describe the same file; null if missing. */
export function load(file: string): { buf: Buffer; ino: number; mode: number } | null {
  const opened = openLog(file);
  if (opened === null) return null;
  const { fd, st } = opened;
  try {
    return { buf: readRange(fd, 0, st.size), ino: st.ino, mode: st.mode };
  } catch (err) {
    throw new EventLogIoError('read', file, err);
  } finally {
    closeSync(fd);
  }
}
