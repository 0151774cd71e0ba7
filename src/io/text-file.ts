// Reads a plan or config with the checks it deserves: it exists, is a file, is not huge, is not
// binary, and is valid UTF-8. Every failure names the file.
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { LaunchError } from '../errors.js';
import { openRegular, readAll } from './safe-path.js';

export const MAX_PLAN_BYTES = 10 * 1024 * 1024;
/**
 * A Markdown plan is smaller: the importer's cost per byte is the parser's, and the worst shape (one
 * list of short items alike) at 10 MB took 156 s of CPU and 2.6 GB. At 2 MB, with at most
 * MAX_PLAN_ITEMS items, `npm run bench` measures it (README: Performance).
 */
export const MAX_MARKDOWN_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Keeps a byte order mark as U+FEFF: for a file written back byte for byte (launch export md). */
const utf8Exact = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

const overLimit = (display: string, size: number, maxBytes: number, what: string) =>
  new LaunchError(`${display}: ${(size / 1048576).toFixed(1)} MB is over the ${maxBytes / 1048576} MB limit for a ${what}`);

/**
 * A file the user named: a pipe is welcome (`launch import <(…)`, /dev/stdin), read up to the limit,
 * so that even /dev/zero ends with a message.
 */
export function readTextFile(path: string, what = 'file', display = path, maxBytes = MAX_PLAN_BYTES, keepBom = false): string {
  let fd: number;
  let stat: Stats;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (error) {
    throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
  }
  try {
    try {
      stat = fstatSync(fd);
    } catch (error) {
      throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
    }
    if (stat.isDirectory()) throw new LaunchError(`${display}: is a directory, expected a ${what}`);
    return decodeText(readBounded(fd, stat, display, what, maxBytes), display, what, keepBom);
  } finally {
    closeSync(fd);
  }
}

/**
 * A workspace's own file (plan.yaml, config.yaml): a regular file only, never through a link out of
 * the workspace (see ./safe-path.ts), so a FIFO or a planted link is refused instead of read.
 */
export function readWorkspaceText(path: string, what: string, display = path, maxBytes = MAX_PLAN_BYTES): string {
  let opened: ReturnType<typeof openRegular>;
  try {
    opened = openRegular(path, display);
  } catch (error) {
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
  }
  if (opened === null) throw new LaunchError(`${display}: no such file`);
  try {
    return decodeText(readBounded(opened.fd, opened.st, display, what, maxBytes), display, what);
  } finally {
    closeSync(opened.fd);
  }
}

function readBounded(fd: number, stat: Stats, display: string, what: string, maxBytes: number): Buffer {
  if (stat.size > maxBytes) throw overLimit(display, stat.size, maxBytes, what);
  let bytes: Buffer;
  try {
    bytes = readAll(fd, stat.size, maxBytes);
  } catch (error) {
    throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
  }
  if (bytes.length > maxBytes) throw overLimit(display, bytes.length, maxBytes, what);
  return bytes;
}

function decodeText(bytes: Buffer, display: string, what: string, keepBom = false): string {
  if (bytes.length === 0) throw new LaunchError(`${display}: the file is empty, expected a ${what}`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new LaunchError(`${display}: looks like a binary file (NUL byte at offset ${nul}), expected a ${what}`);
  try {
    return (keepBom ? utf8Exact : utf8).decode(bytes);
  } catch {
    throw new LaunchError(`${display}: line ${lineOfBadUtf8(bytes)}: not valid UTF-8 text; save the ${what} as UTF-8`);
  }
}

function lineOfBadUtf8(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
