// Where a document a command writes for people (`launch report --out`) may go: the same refusals as
// `import -o` (never inside a .launch/ directory, never anything but a regular file or nothing), and
// the file it would replace, so the command can keep from overwriting something it did not write.
import { closeSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { LaunchError } from '../errors.js';
import { inWorkspaceDir, realish } from './output-file.js';
import { openRegular, writeTarget } from './safe-path.js';
import { WORKSPACE_DIR } from './workspace.js';

export interface DocumentOutput {
  /** The file written (a link followed). */
  target: string;
  /** The start of an existing file (its first 4 KB, as text), for the caller to recognise; null when there is none. */
  existing: string | null;
}

export function checkDocumentOutput(output: string, display: string, command: string): DocumentOutput {
  const full = resolve(output);
  const refuse = () => new LaunchError(`${display}: is inside a workspace's ${WORKSPACE_DIR}/ directory; ${command} does not write there`, { hint: 'choose a file outside .launch/, e.g. --out report.html' });
  if (inWorkspaceDir(full) || inWorkspaceDir(realish(full))) throw refuse();
  const { path: target, stats } = writeTarget(full, display);
  if (inWorkspaceDir(target)) throw refuse();
  if (stats === null) return { target, existing: null };
  let head = '';
  try {
    const opened = openRegular(target, display, ['/']);
    if (opened) {
      try {
        const buf = Buffer.alloc(4096);
        head = buf.subarray(0, readSync(opened.fd, buf, 0, buf.length, 0)).toString('utf8');
      } finally {
        closeSync(opened.fd);
      }
    }
  } catch {
    // unreadable: it is not one of ours either way
  }
  return { target, existing: head };
}
