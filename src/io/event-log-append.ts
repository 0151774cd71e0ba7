// Appending to events.jsonl: whole lines, under the log's lock, on disk before the command says it is
// done. The log is append-only; only `repairEventLog` (launch doctor --repair) rewrites it.
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync } from 'node:fs';
import type { LogEvent } from '../core/log/events.js';
import { MAX_EVENT_LINE_BYTES } from '../core/log/events.js';
import { eventShapeProblem } from '../core/log/shape.js';
import { LaunchError } from '../errors.js';
import { writeAll } from './atomic-write.js';
import { diskFull, notRegularError, workspaceBounds, writeTarget } from './safe-path.js';
import { EventLogCorruptError, EventLogIoError, type LogProblem, type LogStamp, readRange, scan } from './event-log.js';

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
          code: 'conflict',
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
    const line = JSON.stringify(e);
    if (Buffer.byteLength(line) > MAX_EVENT_LINE_BYTES) {
      const limit = `${MAX_EVENT_LINE_BYTES / 1024} KB`;
      throw new LaunchError(`the event is longer than ${limit}; shorten the note or reason`, { exitCode: 2 });
    }
    // The line as it will be read back: launch never writes what its reader (and doctor) would refuse.
    const problem = eventShapeProblem(JSON.parse(line));
    if (problem !== null) throw new LaunchError(`nothing was recorded: the event would be malformed (${problem})`);
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
    const fd = openForAppend(file);
    try {
      writeUnderLock(fd, file, payload, opts.after ?? null);
    } finally {
      closeSync(fd);
    }
  });
}

/**
 * The log opened to append and read (O_APPEND | O_RDWR, created if missing): never through a link
 * that points nowhere or out of the workspace (O_CREAT would create its target), never a FIFO or a
 * device (./safe-path.ts).
 */
function openForAppend(file: string): number {
  let fd: number;
  try {
    const target = writeTarget(file, file, workspaceBounds(file)).path;
    const nofollow = target === file ? (constants.O_NOFOLLOW ?? 0) : 0;
    fd = openSync(target, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0) | nofollow, 0o644);
  } catch (err) {
    if (err instanceof LaunchError) throw err;
    throw new EventLogIoError('write', file, err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegularError(file, st);
  } catch (err) {
    closeSync(fd);
    if (err instanceof LaunchError) throw err;
    throw new EventLogIoError('write', file, err);
  }
  return fd;
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
    // A short write is continued (O_APPEND: at the end, and we hold the lock); one that cannot be, and
    // a size that does not add up after the flush, is a full disk.
    writeAll(fd, bytes);
    fsyncSync(fd);
    const now = fstatSync(fd).size;
    if (now < size + bytes.length) throw diskFull(now - size, bytes.length);
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
