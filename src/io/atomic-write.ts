// Writes a whole file or nothing: a temp file in the same directory, every byte written and flushed and
// the size checked, then a rename over the target and a flush of the directory, so a crash or a full
// disk never leaves a half-written plan or config (a short write once left 20 KB of a 62 KB plan and
// reported success).
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LaunchError } from '../errors.js';
import { diskFull, osReason, workspaceBounds, writeTarget } from './safe-path.js';

export interface AtomicWriteOptions {
  makeDir?: boolean;
  /** The name in messages (default: the path). */
  display?: string;
  /**
   * Where a link at `path` may lead: by default the folder the file is in and the one above (a
   * workspace); 'anywhere' for a file the user named.
   */
  bounds?: readonly string[] | 'anywhere';
}

/** Writes all of `bytes` at the file's position, looping over short writes; a write of 0 is a full disk. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    const n = writeSync(fd, bytes, off, bytes.length - off);
    if (n <= 0) throw diskFull(off, bytes.length);
    off += n;
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync a directory; the rename is still atomic
  }
}

export function writeFileAtomic(path: string, content: string | Buffer, opts: AtomicWriteOptions = {}): void {
  const display = opts.display ?? path;
  if (opts.makeDir) mkdirSync(dirname(path), { recursive: true });
  const bounds = opts.bounds === 'anywhere' ? undefined : (opts.bounds ?? workspaceBounds(path));
  // A link inside the workspace is written through (the file it names is replaced); one leading out of
  // it, a dangling one, a FIFO or a device is refused before anything is written.
  const { path: target, stats } = writeTarget(path, display, bounds);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeAll(fd, bytes);
    fsyncSync(fd);
    const size = fstatSync(fd).size;
    if (size !== bytes.length) throw diskFull(size, bytes.length);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write already failed: that is the error to report
      }
    }
    rmSync(temp, { force: true });
    const { code, reason } = osReason(error);
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    const kept = stats === null ? 'nothing was written' : 'nothing was written and the old file is unchanged';
    throw new LaunchError(`${display}: could not write: ${reason}`, {
      cause: error,
      hint: full ? `${kept}; free some space and run the command again` : kept,
    });
  }
  fsyncDir(dirname(target));
}
