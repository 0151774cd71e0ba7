// Events a teammate's commit took out of the log. The log only ever grows, so lines that disappear in
// a pull were deleted by hand (or by a tool) on someone's machine; the union merge takes the deletion
// as any other change. Sync names who removed what, and keeps a copy in a git-ignored backup
// (events.jsonl.removed-<stamp>) that `launch doctor --repair` appends back.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LogEvent } from '../core/log/events.js';
import { appendEvents } from './event-log-append.js';
import { readEventLog } from './event-log.js';
import { backupStamp, writeNew } from './event-log-doctor.js';
import type { GitRepo } from './git.js';

/** The events one commit removed (commit and author null: no commit in the pull removed them alone). */
export interface Removal {
  commit: string | null;
  author: string | null;
  ids: string[];
}

const REMOVED = '.removed-';

/** Events of `before` whose ids are not in `after`, in the order `before` had them. */
export function goneEvents(before: readonly LogEvent[], after: readonly LogEvent[]): LogEvent[] {
  const still = new Set(after.map((e) => e.id));
  const seen = new Set<string>();
  return before.filter((e) => !still.has(e.id) && !seen.has(e.id) && seen.add(e.id));
}

const idOf = (line: string): string | undefined => {
  try {
    const id = (JSON.parse(line) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Which of the commits in `range` (oldest first) removed each gone id: a line of the log deleted and not
 * added back by the same commit. Ids no single commit removed (a merge commit's doing) come last.
 */
export async function whoRemoved(repo: GitRepo, log: string, range: string, gone: readonly LogEvent[]): Promise<Removal[]> {
  const wanted = new Set(gone.map((e) => e.id));
  const by = new Map<string, { commit: string; author: string }>();
  const out = await repo.ok('log', '--reverse', '--no-renames', '--format=%x00%h%x00%an', '-p', '-U0', range, '--', log);
  let commit: { commit: string; author: string } | undefined;
  let minus: string[] = [];
  let plus = new Set<string>();
  const settle = () => {
    for (const id of minus) if (commit && wanted.has(id) && !plus.has(id)) by.set(id, commit);
    minus = [];
    plus = new Set();
  };
  for (const line of out.split('\n')) {
    if (line.startsWith('\0')) {
      settle();
      const [, short = '', author = ''] = line.split('\0');
      commit = { commit: short, author };
    } else if (line.startsWith('-{') || line.startsWith('+{')) {
      const id = idOf(line.slice(1).replace(/\r$/, ''));
      if (id === undefined) continue;
      if (line[0] === '-') minus.push(id);
      else plus.add(id);
    }
  }
  settle();
  const removals: Removal[] = [];
  const index = new Map<string | null, Removal>();
  for (const { id } of gone) {
    const who = by.get(id);
    const key = who?.commit ?? null;
    let r = index.get(key);
    if (!r) index.set(key, (r = { commit: who?.commit ?? null, author: who?.author ?? null, ids: [] }));
    r.ids.push(id);
  }
  for (const [key, r] of index) if (key !== null) removals.push(r);
  const unknown = index.get(null);
  if (unknown) removals.push(unknown);
  return removals;
}

/** Writes the gone events, one line each as the log had them, next to the log; returns the path. */
export function keepRemovedEvents(logFile: string, gone: readonly LogEvent[], now: Date): string {
  return writeNew(`${logFile}${REMOVED}${backupStamp(now)}`, gone.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

export interface RemovedBackup {
  file: string;
  /** Events in it that the log does not hold (again). */
  missing: LogEvent[];
}

/** The backups sync kept, with what in each is still missing from the log. */
export function removedEventBackups(logFile: string): RemovedBackup[] {
  const dir = dirname(logFile);
  const prefix = `${basename(logFile)}${REMOVED}`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix)).sort();
  } catch {
    return [];
  }
  if (names.length === 0) return [];
  const inLog = new Set(readEventLog(logFile).events.map((e) => e.id));
  return names.map((name) => {
    const file = join(dir, name);
    const events = readEventLog(file).events;
    return { file, missing: events.filter((e) => !inLog.has(e.id)) };
  });
}

/**
 * `doctor --repair`: appends every kept event the log does not hold (under the lock, as any write), and
 * removes each backup once all it held is back in the log.
 */
export async function restoreRemovedEvents(logFile: string): Promise<{ file: string; restored: number }[]> {
  const done: { file: string; restored: number }[] = [];
  for (const { file, missing } of removedEventBackups(logFile)) {
    const ids = new Set<string>();
    const fresh = missing.filter((e) => !ids.has(e.id) && ids.add(e.id));
    await appendEvents(logFile, fresh);
    rmSync(file, { force: true });
    done.push({ file, restored: fresh.length });
  }
  return done;
}
