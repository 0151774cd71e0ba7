// Which uncommitted changes `launch sync` may commit on the user's behalf, and which it must leave to
// them. Launch's own changes are lines appended to events.jsonl (plus, the first time, the files
// `launch init` created, and init's merge rule in .gitattributes). A hand edit of plan.yaml or
// config.yaml, a rewritten log, or a stray file under .launch/ is the user's business: sync refuses
// rather than commit it under a "launch:" message. doctor --repair's backups are no stray files: they
// are git-ignored, and where an older .gitignore does not say so, passed over all the same.
import { readFileSync, realpathSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { LogEvent } from '../core/log/events.js';
import { LaunchError } from '../errors.js';
import { type GitRepo, parseStatus } from './git.js';
import { readRegular } from './safe-path.js';
import { isRepairBackup, type WorkspacePaths } from './workspace.js';

export interface WorkspaceInRepo {
  /** Paths relative to the repository's top, with "/" separators, as git prints them. */
  dir: string;
  log: string;
  /** init's line for .gitattributes. */
  rule: string;
}

export interface PendingChanges {
  /** What sync commits. Empty: nothing to commit. */
  paths: string[];
  /** Events in the log that HEAD does not have yet. */
  events: LogEvent[];
  /** The workspace is not in HEAD yet (the first sync after `launch init`). */
  newWorkspace: boolean;
}

const toGit = (path: string) => path.split(sep).join('/');

export async function locateWorkspace(repo: GitRepo, paths: WorkspacePaths): Promise<WorkspaceInRepo> {
  const dir = toGit(relative(repo.top, realpathSync(paths.dir)));
  if (dir === '' || dir.startsWith('..')) throw new LaunchError(`${paths.dir} must be inside the repository's work tree, not its top`);
  const log = `${dir}/${basename(paths.log)}`;
  // A tracked file is never "ignored"; an untracked, ignored log could never be shared.
  if ((await repo.run('check-ignore', '--quiet', '--', log)).code === 0) {
    throw new LaunchError(`${log} is ignored by git, so there is nothing to sync`, { hint: `remove the rule that ignores it (git check-ignore -v ${log} names it), then run launch sync` });
  }
  return { dir, log, rule: `${log} merge=union` };
}

// Rebuilt caches and lock directories: never launch's to commit, never the user's to be refused for.
const isScratch = (name: string) => /^\..*\.snapshot\.json$/.test(name) || /\.lock(\/|$)/.test(name) || /\.tmp$/.test(name);
export const INIT_FILES = new Set(['plan.yaml', 'config.yaml', '.gitignore']);

function stateWord(xy: string): string {
  if (xy === '??') return 'new file';
  if (xy.includes('D')) return 'deleted';
  if (xy.includes('R')) return 'renamed';
  if (xy.includes('U')) return 'unmerged';
  if (xy[0] === 'A') return 'added';
  return 'modified';
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n');

/** Ids of the events in a committed log's text; lines that do not parse are simply not counted. */
function idsIn(text: string): Set<string> {
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // a torn or foreign line: not an event id
    }
  }
  return ids;
}

/** init appended the rule and nothing else changed: safe to commit with the log. */
async function attributesOnlyGainedRule(repo: GitRepo, ws: WorkspaceInRepo): Promise<boolean> {
  let work: string;
  try {
    // Never a FIFO (it would hang) nor a link out of the repository (./safe-path.ts).
    const file = join(repo.top, '.gitattributes');
    const bytes = readRegular(file, file, [repo.top]);
    if (bytes === null) return false;
    work = bytes.toString('utf8');
  } catch {
    return false;
  }
  return onlyGainedRule((await repo.show('HEAD', '.gitattributes')) ?? '', work, ws.rule);
}

/** `after` is `before` with init's merge rule added, and nothing else changed. */
export function onlyGainedRule(before: string, after: string, rule: string): boolean {
  const rest = (text: string) => normalize(text).split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== rule).join('\n');
  return normalize(after).split('\n').some((l) => l.trim() === rule) && rest(after) === rest(before);
}

/**
 * Classifies `git status`; throws a LaunchError naming the files when anything but launch's own changes
 * is in .launch/, or when tracked files elsewhere are modified (a rebase would refuse to start).
 */
export async function pendingChanges(repo: GitRepo, ws: WorkspaceInRepo, logFile: string, events: readonly LogEvent[]): Promise<PendingChanges> {
  const status = parseStatus(await repo.ok('status', '--porcelain=v1', '-z', '--untracked-files=all'));
  const headHasWorkspace = (await repo.ok('ls-tree', '-r', '--name-only', 'HEAD', '--', ws.dir)).trim() !== '';
  const include: string[] = [];
  const unrelated: string[] = [];
  const elsewhere: string[] = [];
  let logChanged = false;
  for (const { xy, path } of status) {
    const isNew = xy === '??' || xy[0] === 'A';
    if (path.startsWith(`${ws.dir}/`)) {
      const name = path.slice(ws.dir.length + 1);
      if (isScratch(name)) continue;
      // doctor --repair's backups, in a workspace whose .gitignore predates them: local, as in a new one.
      if (xy === '??' && isRepairBackup(name)) continue;
      if (path === ws.log && !xy.includes('D')) {
        logChanged = true;
        include.push(path);
      } else if (!headHasWorkspace && isNew && INIT_FILES.has(name)) include.push(path);
      else unrelated.push(`${stateWord(xy)}: ${path}`);
    } else if (path === '.gitattributes' && (await attributesOnlyGainedRule(repo, ws))) {
      include.push(path);
    } else if (xy !== '??') {
      elsewhere.push(path);
    }
  }

  const head = logChanged ? await repo.show('HEAD', ws.log) : null;
  if (head !== null && !normalize(readFileSync(logFile, 'utf8')).startsWith(normalize(head))) {
    unrelated.push(`${ws.log} (lines changed or removed, not only appended)`);
  }
  if (unrelated.length > 0) {
    throw new LaunchError(`${ws.dir}/ has changes launch did not make, so sync will not commit them:\n  ${unrelated.join('\n  ')}`, {
      hint:
        'commit and push them yourself (a plan update: git commit -m "Update the plan" ' +
        `${ws.dir}/plan.yaml, then git push), or undo them with git restore, then run launch sync again`,
    });
  }
  if (elsewhere.length > 0) {
    const shown = elsewhere.slice(0, 5).join(', ') + (elsewhere.length > 5 ? `, … (${elsewhere.length} files)` : '');
    throw new LaunchError(`uncommitted changes outside ${ws.dir}/ (${shown}): pulling with rebase needs a clean work tree`, {
      hint: 'commit or stash them (launch never stashes your work), then run launch sync again',
    });
  }
  const known = head === null ? new Set<string>() : idsIn(normalize(head));
  return { paths: include, events: logChanged ? events.filter((e) => !known.has(e.id)) : [], newWorkspace: !headHasWorkspace };
}
