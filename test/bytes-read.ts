import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { vi } from 'vitest';

/**
 * Runs `run` while counting the bytes fs.readSync reads (the code under test imports it by name, which
 * follows the spy once the built-in's named exports are synced); `read()` tells the count so far.
 */
export async function countingReads(run: (read: () => number) => unknown): Promise<number> {
  let bytes = 0;
  const readSync = fs.readSync;
  const spy = vi.spyOn(fs, 'readSync').mockImplementation(function (this: unknown, ...args: Parameters<typeof fs.readSync>) {
    const n = readSync.apply(this, args);
    bytes += n;
    return n;
  } as typeof fs.readSync);
  syncBuiltinESMExports();
  try {
    await run(() => bytes);
    return bytes;
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}
