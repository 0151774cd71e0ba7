// A cache file read in parts: the parts every run needs at once, the rest from the same descriptor when
// first asked for. Caches are replaced whole (writeFileAtomic renames a new file over the old one), so
// a descriptor goes on reading the bytes its header describes whatever another run writes meanwhile:
// a later part never belongs to another version of the file.
//
// Why not read them whole: on 10,000 items and 1,000,000 events, the fold snapshot's ids and notes are
// 12.8 of its 13.9 MB, and the plan snapshot's rows 3.9 of its 4.9 MB, and a run that reads neither
// still paid for them — 0–100 M instructions of `today` by whether V8 collected garbage for them.
import { closeSync, type Stats } from 'node:fs';
import { readRange } from '../event-log.js';
import { openRegular } from '../safe-path.js';

/** What a run reads first: a header line of ~50 KB, and all of a small workspace's snapshot. */
const FIRST_READ = 128 * 1024;

export interface KeptFile {
  st: Stats;
  /** The file's first bytes: all of it, or FIRST_READ. */
  first: Buffer;
  /** The file's bytes [0, end), or null when it ends before `end` or cannot be read. */
  prefix(end: number): Buffer | null;
  /** Bytes [from, to), or null when the file ends before `to` or cannot be read. */
  part(from: number, to: number): Buffer | null;
  /** The `length` bytes at `start`, read a slice at a time until `whole()` reads them all once. */
  region(start: number, length: number): Region;
  /** Keeps the descriptor open while this object can be reached (what reads the later parts holds it). */
  keep(): void;
  /** Closes the descriptor, unless it is kept. */
  close(): void;
}

export interface Region {
  /** Its bytes [from, to), from the whole region once read; null past its end or unreadable. */
  slice(from: number, to: number): Buffer | null;
  whole(): Buffer | null;
}

/**
 * The cache at `path`, open, with its first bytes read; null when there is none, it cannot be read or it
 * is not a regular file within the workspace (a FIFO, a device, a link out of it: ../safe-path.ts).
 */
export function openKept(path: string): KeptFile | null {
  let opened;
  try {
    opened = openRegular(path);
  } catch {
    return null;
  }
  if (opened === null) return null;
  const { fd, st } = opened;
  const part = (from: number, to: number): Buffer | null => {
    try {
      const bytes = readRange(fd, from, to);
      return bytes.length === to - from ? bytes : null;
    } catch {
      return null;
    }
  };
  const first = part(0, Math.min(st.size, FIRST_READ));
  if (first === null) {
    closeSync(fd);
    return null;
  }
  let kept = false;
  const file: KeptFile = {
    st,
    first,
    part,
    region(start, length) {
      let all: Buffer | null | undefined;
      const whole = () => (all === undefined ? (all = part(start, start + length)) : all);
      return {
        whole,
        slice: (from, to) => (from > to || to > length ? null : all ? all.subarray(from, to) : part(start + from, start + to)),
      };
    },
    prefix(end) {
      if (end <= first.length) return first.subarray(0, end);
      const rest = part(first.length, end);
      return rest === null ? null : Buffer.concat([first, rest]);
    },
    keep() {
      if (kept) return;
      kept = true;
      descriptors.register(file, fd);
    },
    close() {
      if (!kept) closeSync(fd);
    },
  };
  return file;
}

// Nothing else closes a kept descriptor, so the number closed here is never another file's.
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // nothing left to free
  }
});
