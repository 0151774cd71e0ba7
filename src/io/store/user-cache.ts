// Where a user's caches of the installed tool go: the bundled plan's snapshot here, the V8 code cache in
// bin/launch.js (which repeats this rule in plain JavaScript, since it runs before any bundle). Never
// the install folder: a global install is read-only to its users, and shared by all of them.
// Workspace caches stay in .launch/, beside what they are built from.
import { basename, isAbsolute, join, resolve } from 'node:path';
import { stringHash } from './checksum.js';

/**
 * LAUNCH_CACHE_DIR, else $XDG_CACHE_HOME/launch, else ~/.cache/launch; undefined when the environment
 * names no home (the run then keeps no cache). A relative XDG_CACHE_HOME or HOME is ignored, as the
 * XDG spec says; LAUNCH_CACHE_DIR is the user's own words, so it is taken relative to the directory.
 */
export function userCacheDir(env: Record<string, string | undefined>, cwd: string): string | undefined {
  if (env.LAUNCH_CACHE_DIR) return resolve(cwd, env.LAUNCH_CACHE_DIR);
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'launch');
  if (env.HOME && isAbsolute(env.HOME)) return join(env.HOME, '.cache', 'launch');
  return undefined;
}

/**
 * FNV-1a, 32 bits: names an install by its path without loading node:crypto. A clash only makes two
 * installs rewrite one file: the snapshot's key holds the whole path, so neither believes the other's.
 */
export const pathTag = (path: string): string => stringHash(path).toString(16).padStart(8, '0');

/** The bundled plan's snapshot in the user's cache, named by the install it belongs to. */
export function bundledSnapshotPath(planPath: string, env: Record<string, string | undefined>, cwd: string): string | null {
  const dir = userCacheDir(env, cwd);
  return dir === undefined ? null : join(dir, `${basename(planPath, '.yaml')}.${pathTag(planPath)}.snapshot.json`);
}
