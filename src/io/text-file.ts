// Reads a user-supplied text file with the checks a plan deserves: it exists, is a file, is not
// huge, is not binary, and is valid UTF-8. Every failure names the file.
import { readFileSync, statSync } from 'node:fs';
import { LaunchError } from '../errors.js';

export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

export function readTextFile(path: string, what = 'file', display = path, maxBytes = MAX_PLAN_BYTES): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new LaunchError(`${display}: is a directory, expected a ${what}`);
    size = stat.size;
  } catch (error) {
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
  }
  if (size > maxBytes) {
    throw new LaunchError(`${display}: ${(size / 1048576).toFixed(1)} MB is over the ${maxBytes / 1048576} MB limit for a ${what}`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new LaunchError(`${display}: ${osReason(error)}`, { cause: error });
  }
  if (bytes.length === 0) throw new LaunchError(`${display}: the file is empty, expected a ${what}`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new LaunchError(`${display}: looks like a binary file (NUL byte at offset ${nul}), expected a ${what}`);
  try {
    return utf8.decode(bytes);
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
