import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isKnownType } from '../core/log/event-types.js';
import { recordedAt } from '../core/log/fold.js';
import { validateEvent } from '../core/log/schema.js';
import { LaunchError } from '../errors.js';
import { fsyncDir, writeAll } from './atomic-write.js';
import { EventLogIoError, load, scan, type LogProblem } from './event-log.js';
import { followLink, workspaceBounds } from './safe-path.js';
import { newEventId, withLock } from './event-log-append.js';

// `launch doctor` and `doctor --repair`: the full check of events.jsonl (zod, through event-schema.ts)
// and the one place that rewrites it. Apart from ./event-log.ts so that only `doctor` loads zod.

export interface DuplicateId {
  id: string;
  lines: number[];
  /** Identical copies (a git union merge) are harmless; differing ones are `conflicts`. */
  identical: boolean;
}

export interface DoctorReport {
  path: string;
  exists: boolean;
  lines: number;
  events: number;
  /** Lines the reader rejects: commands refuse to write while there are any. */
  errors: LogProblem[];
  /** Interrupted writes, skipped with a warning. */
  torn: LogProblem[];
  /** Lines the reader accepts but the full schema does not: none while both are made from one spec. */
  invalid: LogProblem[];
  /** Lines whose id an earlier line has with other content: every read skips them, as a repair moves them. */
  conflicts: LogProblem[];
  duplicates: DuplicateId[];
  /** Well-formed events of types this version ignores (written by a newer or another tool). */
  unknownTypes: { line: number; type: string }[];
  /** Undo events whose target id is not in the log. */
  danglingUndos: { line: number; target: string }[];
  /** Events typed after now by their own account (a clock ahead, a line edited by hand). */
  future: { line: number; recorded: string }[];
  /** Nothing for `--repair` to do. */
  ok: boolean;
}

interface Analysis {
  buf: Buffer;
  report: DoctorReport;
  /** [start, end) byte ranges of lines to keep and to move, in file order. */
  keep: [number, number][];
  move: [number, number][];
}

function analyse(file: string, buf: Buffer, now: number): Analysis {
  const errors: LogProblem[] = [];
  const torn: LogProblem[] = [];
  const invalid: LogProblem[] = [];
  const conflicts: LogProblem[] = [];
  const unknownTypes: DoctorReport['unknownTypes'] = [];
  const undos: { line: number; target: string }[] = [];
  const future: DoctorReport['future'] = [];
  const seen = new Map<string, { lines: number[]; text: string; identical: boolean }>();
  const keep: [number, number][] = [];
  const move: [number, number][] = [];
  let events = 0;
  const end = scan(buf, 1, true, {
    event: (e, line, start, end) => {
      const check = validateEvent(e);
      if (!check.ok) {
        invalid.push({ file, line, message: check.message });
        move.push([start, end]);
        return;
      }
      events++;
      keep.push([start, end]);
      if (!isKnownType(e.type)) unknownTypes.push({ line, type: e.type });
      if (e.type === 'undo') undos.push({ line, target: String(e.target) });
      if (recordedAt(e) > now) future.push({ line, recorded: typeof e.recorded === 'string' ? e.recorded : e.ts });
      const text = buf.toString('utf8', start, end);
      const prev = seen.get(e.id);
      if (prev === undefined) seen.set(e.id, { lines: [line], text, identical: true });
      else {
        prev.lines.push(line);
        if (prev.text !== text) prev.identical = false;
      }
    },
    repeat: (e, line, first, start, end) => {
      conflicts.push({ file, line, message: `repeats the id of line ${first} with different content` });
      move.push([start, end]);
      const prev = seen.get(e.id);
      if (prev === undefined) seen.set(e.id, { lines: [first, line], text: '', identical: false });
      else {
        prev.lines.push(line);
        prev.identical = false;
      }
    },
    torn: (line, start, end) => {
      torn.push({ file, line, message: 'torn line (an interrupted write)' });
      move.push([start, end]);
    },
    bad: (line, message, start, end) => {
      errors.push({ file, line, message });
      move.push([start, end]);
    },
  });
  const duplicates = [...seen]
    .filter(([, s]) => s.lines.length > 1)
    .map(([id, s]) => ({ id, lines: s.lines, identical: s.identical }));
  const danglingUndos = undos.filter((u) => !seen.has(u.target));
  const lines = end.lines + (end.tailStart < buf.length ? 1 : 0);
  const report: DoctorReport = {
    path: file,
    exists: true,
    lines,
    events,
    errors,
    torn,
    invalid,
    conflicts,
    duplicates,
    unknownTypes,
    danglingUndos,
    future,
    ok: move.length === 0,
  };
  return { buf, report, keep, move };
}

/** Reports everything wrong with the log, with the full schema check; writes nothing. */
export function doctorEventLog(file: string, now: Date): DoctorReport {
  const loaded = load(file);
  if (loaded === null) return { ...analyse(file, Buffer.alloc(0), now.getTime()).report, exists: false };
  return analyse(file, loaded.buf, now.getTime()).report;
}

export interface RepairResult {
  /** Lines moved out of the log (malformed, torn, failing the schema, or repeating an id). */
  moved: number;
  /** The moved lines, verbatim: `events.jsonl.bad-YYYYMMDD-HHMMSS`. Null when nothing was wrong. */
  backup: string | null;
  /** A full copy of the log before the repair: `events.jsonl.bak-YYYYMMDD-HHMMSS`. */
  copy: string | null;
}

/** UTC, so two teammates' backups sort the same way whatever their zones. */
export function backupStamp(now: Date): string {
  // 2026-11-30T09:15:02.123Z → 20261130-091502
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** Creates `base` (or base-2, base-3, … if taken) with `data`, flushed. Never overwrites a backup. */
export function writeNew(base: string, data: Buffer | string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    let fd: number;
    try {
      fd = openSync(name, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
      throw err;
    }
    try {
      writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } catch (err) {
      // A backup cut short by a full disk is no backup: nothing of this repair is left behind.
      closeSync(fd);
      rmSync(name, { force: true });
      throw err;
    }
    closeSync(fd);
    return name;
  }
}

/**
 * Moves malformed, torn and schema-invalid lines to a dated backup, keeps a full copy of the old log,
 * and atomically replaces the log with the good lines (temp file, fsync, rename), under the lock.
 */
export async function repairEventLog(file: string, now: Date): Promise<RepairResult> {
  if (!existsSync(file)) return { moved: 0, backup: null, copy: null };
  return withLock(file, 'repair', () => {
    const loaded = load(file);
    if (loaded === null) return { moved: 0, backup: null, copy: null };
    const { buf, keep, move } = analyse(file, loaded.buf, now.getTime());
    if (move.length === 0) return { moved: 0, backup: null, copy: null };
    // A link within the workspace stays a link: the file it names is the log that is replaced.
    const target = followLink(file, file, workspaceBounds(file));
    const written: string[] = [];
    try {
      const joined = (ranges: [number, number][]) =>
        Buffer.concat(ranges.flatMap(([s, e]) => [buf.subarray(s, e), Buffer.from('\n')]));
      const stamp = backupStamp(now);
      const backup = writeNew(`${file}.bad-${stamp}`, joined(move));
      written.push(backup);
      const copy = writeNew(`${file}.bak-${stamp}`, buf);
      written.push(copy);
      const tmp = join(dirname(target), `.${basename(target)}.tmp-${newEventId()}`);
      try {
        const fd = openSync(tmp, 'wx', loaded.mode & 0o777);
        try {
          writeAll(fd, joined(keep));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, target);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      fsyncDir(dirname(target));
      return { moved: move.length, backup, copy };
    } catch (err) {
      // The log is as it was: backups of a repair that did not happen would only mislead.
      for (const name of written) rmSync(name, { force: true });
      if (err instanceof LaunchError) throw err;
      throw new EventLogIoError('repair', file, err);
    }
  });
}
