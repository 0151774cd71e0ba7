// What launch may read and write: regular files only, and never through a symbolic link that points
// nowhere or out of the workspace. Every reader and writer of a workspace file asks here, so that a FIFO
// cannot hang a command, a device cannot be replaced by a file, and a planted link cannot make launch
// create, overwrite, copy or echo a file that is not the workspace's.
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LaunchError } from '../errors.js';

// Windows has neither: there a FIFO cannot be opened by path, and links are not checked.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export function kindOf(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function notRegularError(display: string, st: Stats): LaunchError {
  return new LaunchError(`${display}: is ${kindOf(st)}, not a regular file; launch reads and writes only regular files`);
}

/**
 * Where a file kept in a workspace directory may lead through a link: into that directory (even when
 * it is itself a link elsewhere) or the project folder that holds it.
 */
export function workspaceBounds(file: string): string[] {
  const dir = dirname(resolve(file));
  return [dirname(dir), dir];
}

const realOr = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

export function isInside(path: string, bounds: readonly string[]): boolean {
  return bounds.some((bound) => {
    const rel = relative(realOr(bound), path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  });
}

/**
 * `path` itself, or, when it is a symbolic link, the file it leads to: which must exist (launch never
 * creates a file through a link) and lie within `bounds` when they are given. A refusal names the link
 * and where it points.
 */
export function followLink(path: string, display = path, bounds?: readonly string[]): string {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return path; // missing: whoever opens it says so
  }
  if (!st.isSymbolicLink()) return path;
  let to = '?';
  try {
    to = readlinkSync(path);
  } catch {
    // raced away: realpath below decides
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new LaunchError(`${display}: is a symbolic link to ${to}, which does not exist; launch does not create files through a link`, {
      hint: `remove the link (rm ${display}) or point it at a file inside the workspace`,
    });
  }
  if (bounds !== undefined && !isInside(real, bounds)) {
    const shown = real === to ? to : `${to} (${real})`;
    throw new LaunchError(`${display}: is a symbolic link to ${shown}, outside the workspace; launch does not read or write through it`, {
      hint: `replace the link with a regular file (rm ${display})`,
    });
  }
  return real;
}

/** What a write to `path` replaces: the file it lands in (a link followed) and its stats, null if none. */
export interface WriteTarget {
  path: string;
  stats: Stats | null;
}

/**
 * Where writing `path` lands: the path, or the file a link leads to (see `followLink`). Anything that
 * exists there and is not a regular file (a device, a FIFO, a directory) is refused.
 */
export function writeTarget(path: string, display = path, bounds?: readonly string[]): WriteTarget {
  const target = followLink(path, display, bounds);
  let st: Stats;
  try {
    st = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Nothing there (or a file where a folder should be): the write itself reports what it finds.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path: target, stats: null };
    throw error;
  }
  if (!st.isFile()) throw notRegularError(display, st);
  return { path: target, stats: st };
}

/**
 * Opens an existing file for reading without ever blocking (opening a FIFO waits for a writer), and
 * only if it is a regular file reached within `bounds`. Null when there is no such file; an OS failure
 * is thrown as it is, for the caller to name.
 */
export function openRegular(path: string, display = path, bounds: readonly string[] = workspaceBounds(path)): { fd: number; st: Stats } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code !== 'ELOOP' && code !== 'EMLINK') throw error;
    // A link: only the rare case pays for resolving it.
    fd = openSync(followLink(path, display, bounds), constants.O_RDONLY | NONBLOCK);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw notRegularError(display, st);
  }
  return { fd, st };
}

/**
 * Reads `size` bytes from `fd` (a regular file's size, as readFileSync does), or, when the size is 0
 * (a pipe), until its end or `limit` bytes and one more, to tell "over the limit".
 */
export function readAll(fd: number, size: number, limit = Number.MAX_SAFE_INTEGER): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(size > total ? size - total : 64 * 1024, limit + 1 - total);
    if (want <= 0) break;
    const chunk = Buffer.allocUnsafe(want);
    const n = readSync(fd, chunk, 0, want, null);
    if (n === 0) break;
    chunks.push(n === want ? chunk : chunk.subarray(0, n));
    total += n;
    if (size > 0 && total >= size) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** A workspace file's bytes (see `openRegular`); null when there is no such file. */
export function readRegular(path: string, display = path, bounds?: readonly string[]): Buffer | null {
  const opened = openRegular(path, display, bounds);
  if (opened === null) return null;
  try {
    return readAll(opened.fd, opened.st.size);
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The words for an OS failure: "disk full (no space left on device)" for ENOSPC and EDQUOT, else the
 * human part of Node's message ("EACCES: permission denied, open '/x'" → "permission denied (EACCES)").
 */
export function osReason(error: unknown): { code: string | undefined; reason: string } {
  const e = error as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === 'ENOSPC') return { code, reason: 'disk full (no space left on device)' };
  if (code === 'EDQUOT') return { code, reason: 'disk full (disk quota exceeded)' };
  const message = String(e?.message ?? error);
  const text = message.match(/^[A-Z0-9_]+: ([^,]+)/)?.[1] ?? message;
  return { code, reason: code && !text.includes(code) ? `${text} (${code})` : text };
}

/** An error that stands for "the disk is full", for a short write that the OS did not name. */
export function diskFull(written: number, wanted: number): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: short write (${written} of ${wanted} bytes)`), { code: 'ENOSPC' });
}
