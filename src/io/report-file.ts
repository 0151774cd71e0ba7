// `kpi record --from`: the report file (or the files a glob matches) read from disk, hashed and handed
// to the readers in core/reports. Loaded only with --from (through src/lazy/reports.ts).
import { createHash } from 'node:crypto';
import { closeSync, type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFiles } from '../core/reports/bundle.js';
import { KINDS_READ, readReportText } from '../core/reports/detect.js';
import { globBase, globToRegExp, isGlob } from '../core/reports/glob.js';
import type { Report } from '../core/reports/report.js';
import { isLaunchError, LaunchError, UsageError } from '../errors.js';
import { openRegular, readAll } from './safe-path.js';

export interface LoadedReport {
  report: Report;
  /** Where it came from, as the event records it: relative to the workspace, or the file's name. */
  file: string;
  /** Of the file's bytes; for a glob, of its sorted `sha256  path` lines (what sha256sum prints). */
  sha256: string;
}

// Reports are megabytes at most (a Lighthouse report is about 1 MB); anything far larger is not one.
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const MAX_GLOB_ENTRIES = 200_000;

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const slashed = (p: string) => p.split(sep).join('/');

/** The name an event records: relative to the workspace's folder when inside it (the same on every clone), else the base name. */
function recordedName(cwd: string, root: string, from: string): string {
  const rel = relative(root, resolve(cwd, from));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? slashed(rel) : basename(from);
}

function cannotRead(from: string, e: unknown): LaunchError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
  return new LaunchError(`cannot read the report ${from}: ${why}; nothing recorded`);
}

/** A report is named on the command line, so it may be anywhere, and a link to it may lead anywhere. */
const ANYWHERE = [sep];

function readOne(cwd: string, from: string): Buffer {
  let opened: ReturnType<typeof openRegular>;
  try {
    // Without blocking: a FIFO or device would hang the read or never end.
    opened = openRegular(resolve(cwd, from), from, ANYWHERE);
  } catch (e) {
    throw isLaunchError(e) ? new LaunchError(`cannot read the report ${e.message}; nothing recorded`) : cannotRead(from, e);
  }
  if (opened === null) throw cannotRead(from, Object.assign(new Error('missing'), { code: 'ENOENT' }));
  try {
    if (opened.st.size > MAX_REPORT_BYTES) throw new LaunchError(`the report ${from} is ${opened.st.size} bytes, too large for a report; nothing recorded`);
    return readAll(opened.fd, opened.st.size);
  } catch (e) {
    throw isLaunchError(e) ? e : cannotRead(from, e);
  } finally {
    closeSync(opened.fd);
  }
}

/** Files under the glob's base directory whose path (as the glob is written) matches it; dot-entries are skipped, as shells do. */
function globFiles(cwd: string, pattern: string): string[] {
  const re = globToRegExp(pattern);
  const base = globBase(pattern);
  const found: string[] = [];
  let seen = 0;
  const walk = (dir: string, shown: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_GLOB_ENTRIES) throw new LaunchError(`${pattern} walks more than ${MAX_GLOB_ENTRIES} entries; give a narrower glob; nothing recorded`);
      if (e.name.startsWith('.')) continue;
      const path = shown === '' ? e.name : `${shown}/${e.name}`;
      // Symbolic links to directories are not followed, so a link loop cannot make the walk endless.
      if (e.isDirectory()) walk(join(dir, e.name), path);
      else if ((e.isFile() || e.isSymbolicLink()) && re.test(path)) found.push(path);
    }
  };
  walk(base === '' ? '.' : base, base);
  return found.sort();
}

export interface ReportRequest {
  cwd: string;
  /** The workspace's folder (where .launch/ is). */
  root: string;
  /** --from as typed. */
  from: string;
  gzip: boolean;
}

/** Reads, hashes and recognises a report, or sums the files a glob matches; refuses with exit 1 (2 for --gzip misuse). */
export function loadReport({ cwd, root, from, gzip }: ReportRequest): LoadedReport {
  let exists = false;
  try {
    exists = statSync(resolve(cwd, from)) !== undefined;
  } catch {
    exists = false;
  }
  if (!exists && isGlob(from)) {
    const paths = globFiles(cwd, slashed(from));
    if (paths.length === 0) throw new LaunchError(`no files match ${from}; nothing recorded`, { hint: 'the glob is read from the current folder; quote it so the shell leaves it alone' });
    const outputs = paths.map((path) => {
      const bytes = readOne(cwd, path);
      return { name: path, bytes: gzip ? gzipSync(bytes, { level: 9 }).length : bytes.length, sha: sha256(bytes) };
    });
    const listing = outputs.map((o) => `${o.sha}  ${o.name}\n`).join('');
    return { report: readFiles(from, outputs, gzip), file: recordedName(cwd, root, from), sha256: sha256(listing) };
  }
  if (gzip) throw new UsageError('--gzip sums gzipped sizes of the files a glob matches, not a report\'s figures', "launch kpi record bundle size --from 'dist/**/*.js' --gzip");
  const bytes = readOne(cwd, from);
  if (bytes.includes(0)) throw new LaunchError(`${from}: not a report launch reads: it is a binary file; nothing recorded`);
  const detected = readReportText(bytes.toString('utf8'));
  if (!detected.ok) {
    const where = detected.line === undefined ? from : `${from}:${detected.line}`;
    throw new LaunchError(`${where}: ${detected.message}; nothing recorded`, { hint: `launch reads ${KINDS_READ}` });
  }
  return { report: detected.report, file: recordedName(cwd, root, from), sha256: sha256(bytes) };
}

/** The workspace's folder, from the .launch directory. */
export const workspaceRoot = (launchDir: string): string => dirname(launchDir);
