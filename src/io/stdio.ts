// stdout and stderr as plain synchronous writes to their file descriptors. Creating process.stdout
// loads Node's whole stream stack (~2 ms of a ~60 ms run), and a CLI that prints a screenful and
// exits gains nothing from a stream. Node itself writes to files, terminals and (on Linux) pipes
// synchronously, so output order and completeness are the same.
import { fstatSync, type Stats, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LaunchError } from '../errors.js';
import { osReason } from './safe-path.js';

export interface FdWriter {
  write(text: string): boolean;
  readonly isTTY: boolean;
  /** Everything written has reached the descriptor: nothing waits in Node's stream. */
  readonly drained: boolean;
}

/**
 * A writer for a file descriptor (1 or 2). `stream` gives Node's own stream for that fd, which takes
 * over when the fd is non-blocking and would block (EAGAIN), since only libuv can wait for it to
 * drain. A reader that closed the pipe (EPIPE: `launch list | head`) ends the run quietly with its
 * exit code so far, as that is the reader's choice, not an error.
 */
export function fdWriter(fd: number, stream: () => NodeJS.WriteStream, onClosed: () => void, onFailed: (error: LaunchError) => void = (e) => {
  throw e;
}): FdWriter {
  let fallback: NodeJS.WriteStream | undefined;
  let tty: boolean | undefined;
  const useStream = () => {
    if (!fallback) {
      fallback = stream();
      fallback.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') onClosed();
        else onFailed(outputError(fd, error));
      });
    }
    return fallback;
  };
  return {
    write(text) {
      if (fallback) return fallback.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < bytes.length) {
        try {
          off += writeSync(fd, bytes, off, bytes.length - off);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') return useStream().write(bytes.subarray(off));
          if (code === 'EPIPE') {
            onClosed();
            return false;
          }
          throw outputError(fd, error);
        }
      }
      return true;
    },
    get isTTY() {
      tty ??= isTerminal(fd);
      return tty;
    },
    get drained() {
      return !fallback || fallback.writableLength === 0;
    },
  };
}

const STREAM_NAMES: Record<number, string> = { 1: 'standard output', 2: 'standard error' };

/**
 * Output that cannot be written (stdout on a full disk, /dev/full) is a plain failure, exit 1, not an
 * internal error: "cannot write to standard output: disk full (no space left on device)".
 */
export function outputError(fd: number, error: unknown): LaunchError {
  const name = STREAM_NAMES[fd] ?? `file descriptor ${fd}`;
  return new LaunchError(`cannot write to ${name}: ${osReason(error).reason}`, { cause: error });
}

/**
 * isatty. node:tty loads net and the stream stack (~1% of a run), so what cannot be a terminal is
 * ruled out first: anything but a character device (a pipe, a file), and /dev/null, where scripts
 * and benchmarks send output. A terminal needs node:tty anyway.
 */
export function isTerminal(fd: number, platform = process.platform, devNull = '/dev/null'): boolean {
  if (platform !== 'win32') {
    let st: Stats;
    try {
      st = fstatSync(fd);
    } catch {
      return false; // not open
    }
    if (!st.isCharacterDevice() || st.rdev === deviceNumber(devNull)) return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** A device file's number; -1 (matching nothing) where there is no such file to ask. */
function deviceNumber(path: string): number {
  try {
    return statSync(path).rdev;
  } catch {
    return -1;
  }
}
