// Writes a whole file or nothing: a temp file in the same directory, fsync, then rename over the
// target, so a crash or a full disk never leaves a half-written plan or config.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LaunchError } from '../errors.js';

export function writeFileAtomic(path: string, content: string, opts: { makeDir?: boolean } = {}): void {
  if (opts.makeDir) mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new LaunchError(`${path}: could not write (${reason}: ${(error as Error).message})`, { cause: error });
  }
}
