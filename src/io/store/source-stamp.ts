// How the plan snapshot knows that plan.yaml and config.yaml are the files it was built from, without
// reading them on every run. A file's size, modification time and inode say "unchanged" only as far as
// whoever wrote it lets them: `touch -r` or an in-place edit that keeps the size and restores the mtime
// fools them. Its ctime cannot be set back (every write and every utimes moves it to the kernel's
// clock), so it joins the stamp. The one gap is git's "racy clean" case: a file changed within the
// clock tick of the stat that keyed the snapshot has the same ctime before and after. So the snapshot
// also carries a checksum of the bytes it was built from, and while a source's ctime is not clearly
// older than the snapshot itself, the source is read and checked against that sum (a few hundred
// microseconds on the bundled plan, and once the snapshot is re-dated, not again).
import { statSync, utimesSync } from 'node:fs';
import { LaunchError } from '../../errors.js';
import { checksum } from './checksum.js';

/** Within this of the snapshot's own time, a source's stamp alone does not vouch for it. */
export const RACY_MS = 2_000;

export interface SourceStamp {
  /** size:mtime:ctime:inode — part of the snapshot's key. */
  key: string;
  ctimeMs: number;
}

export function sourceStamp(path: string, what: string): SourceStamp {
  try {
    const st = statSync(path);
    return { key: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`, ctimeMs: st.ctimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LaunchError(`${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : code ?? (error as Error).message})`, { cause: error });
  }
}

/** The sum of the sources' texts, in order, as the snapshot records it. */
export function sourcesSum(texts: readonly (string | undefined)[]): string {
  return texts.map((text) => (text === undefined ? '-' : checksum(Buffer.from(text)))).join(':');
}

/** Whether a source changed so near the snapshot's writing that an equal stamp may hide a change. */
export function isRacy(stamps: readonly SourceStamp[], snapshotMtimeMs: number): boolean {
  return stamps.some((s) => s.ctimeMs > snapshotMtimeMs - RACY_MS);
}

/**
 * After the sources were read and found to be what the snapshot was built from, date the snapshot now,
 * so that the next run trusts their stamps again — once they are older than RACY_MS. Best effort.
 */
export function redate(snapshotPath: string, at: Date): void {
  try {
    utimesSync(snapshotPath, at, at);
  } catch {
    // a read-only directory: the next run checks the sources again, which only costs speed
  }
}
