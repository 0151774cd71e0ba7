// Where `launch import -o` and `launch export --out` may write. It once overwrote anything it was given: the Markdown source
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
  return checkOutputFile(output, display, {
    command: 'launch import',
    hint: "to change a workspace's plan, run `launch plan update <plan.md>` in it",
    source: { path: source, refusal: 'is the plan being imported; choose another output file' },
  });
}

export interface OutputRules {
  /** The command, as the refusal of a workspace file names it. */
  command: string;
  hint: string;
  /** A file the output must never replace (what is being read), and why it is refused. */
  source?: { path: string; refusal: string };
  /** What an existing file is read as (for the caller to tell whether it is an earlier output). */
  what?: string;
}

/** The rules of checkImportOutput, for every command that writes a file the user names. */
export function checkOutputFile(output: string, display: string, rules: OutputRules): ImportOutput {
  const full = resolve(output);
  const inWorkspace = () => new LaunchError(`${display}: is inside a workspace's ${WORKSPACE_DIR}/ directory; ${rules.command} does not write there`, { hint: rules.hint });
  if (inWorkspaceDir(full) || inWorkspaceDir(realish(full))) throw inWorkspace();
  const { path: target, stats } = writeTarget(full, display);
  if (inWorkspaceDir(target)) throw inWorkspace();
  if (stats === null) return { target, existing: null };
  if (rules.source) {
    const src = statSync(rules.source.path);
    if (src.dev === stats.dev && src.ino === stats.ino) throw new LaunchError(`${display}: ${rules.source.refusal}`);
  }
  let existing: string;
  try {
    existing = readTextFile(target, rules.what ?? 'YAML plan', display, MAX_PLAN_BYTES);
  } catch {
    existing = ''; // unreadable, binary, huge: not an earlier output either way
  }
  return { target, existing };
}
