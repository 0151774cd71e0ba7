// Where `launch import -o` may write. It once overwrote anything it was given: the Markdown source
// itself, the workspace's event log, and (as root) /dev/null, replaced by a regular file.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { LaunchError } from '../errors.js';
import { writeTarget } from './safe-path.js';
import { MAX_PLAN_BYTES, readTextFile } from './text-file.js';
import { WORKSPACE_DIR } from './workspace.js';

export interface ImportOutput {
  /** The file the YAML replaces or creates (a link followed). */
  target: string;
  /** An existing file's text, for the caller to tell whether it is a plan; null when there is none. */
  existing: string | null;
}

/** The real path of `path`'s nearest existing ancestor, then the rest as given. */
export function realish(path: string): string {
  const rest: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      return resolve(realpathSync(dir), ...rest);
    } catch {
      // not there (yet): try its folder
    }
    if (dirname(dir) === dir) return path;
    rest.unshift(basename(dir));
  }
}

export const inWorkspaceDir = (path: string): boolean => path.split(sep).includes(WORKSPACE_DIR);

/**
 * Refuses (exit 1, nothing written) the source itself, by device and inode whatever the path (a link,
 * a hard link), anything inside a `.launch/` directory, and anything that is not a regular file or
 * nothing (a device, a FIFO, a socket, a directory, a link to nothing).
 */
export function checkImportOutput(output: string, display: string, source: string): ImportOutput {
  const full = resolve(output);
  const inWorkspace = () =>
    new LaunchError(`${display}: is inside a workspace's ${WORKSPACE_DIR}/ directory; launch import does not write there`, {
      hint: "to change a workspace's plan, run `launch plan update <plan.md>` in it",
    });
  if (inWorkspaceDir(full) || inWorkspaceDir(realish(full))) throw inWorkspace();
  const { path: target, stats } = writeTarget(full, display);
  if (inWorkspaceDir(target)) throw inWorkspace();
  if (stats === null) return { target, existing: null };
  const src = statSync(source);
  if (src.dev === stats.dev && src.ino === stats.ino) {
    throw new LaunchError(`${display}: is the plan being imported; choose another output file`);
  }
  let existing: string;
  try {
    existing = readTextFile(target, 'YAML plan', display, MAX_PLAN_BYTES);
  } catch {
    existing = ''; // unreadable, binary, huge: not a plan either way
  }
  return { target, existing };
}
