// Creates .launch/: plan.yaml, config.yaml and an empty log; in a git work tree, the union merge rule.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { osReason, readRegular, workspaceBounds, writeTarget } from './safe-path.js';
import { actorFile, REPAIR_BACKUP_PATTERNS, workspacePaths, type WorkspacePaths } from './workspace.js';

export interface InitRequest {
  dir: string;
  /** The plan's YAML; undefined keeps an existing workspace's plan.yaml as it is. */
  planYaml?: string;
  /** The settings' YAML; undefined keeps an existing workspace's config.yaml as it is. */
  configYaml?: string;
  force: boolean;
  /** `--as`: kept in the git-ignored .launch/actor, since config.yaml is shared by the team. */
  actor?: string;
}

export interface InitResult {
  paths: WorkspacePaths;
  keptLog: boolean;
  gitattributes?: string;
  /** The files in .launch/ this run created or changed, by name. */
  written: string[];
}

/** A workspace's own hint when init is refused: how to join it, and how to change it. */
export const EXISTING_HINT =
  'in a teammate\'s workspace, `launch init --as <name>` only sets who you are in this clone; ' +
  'to change its plan or settings add --force (the event log is kept)';

/** .launch/ holds a workspace: init would join or change it rather than create one. */
export const isWorkspace = (dir: string): boolean => existsSync(workspacePaths(dir).plan);

/** Writes `text` to `path` unless it already holds exactly that; says whether it wrote. */
function writeIfChanged(path: string, text: string): boolean {
  if (readRegular(path)?.toString('utf8') === text) return false;
  writeFileAtomic(path, text);
  return true;
}

const IGNORE_FILE = '.gitignore';

/**
 * Every file init may write, checked before it writes any: a regular file or none, never a link out of
 * the workspace or to nothing (./safe-path.ts). A refusal leaves everything as it was.
 */
export function checkWorkspaceFiles(paths: WorkspacePaths): void {
  for (const file of [paths.plan, paths.config, paths.log, actorFile(paths), join(paths.dir, IGNORE_FILE)]) {
    writeTarget(file, file, workspaceBounds(file));
  }
}

/** The repository's .gitattributes, if .launch/ is in a git work tree. */
function gitattributesFile(paths: WorkspacePaths): { file: string; top: string } | undefined {
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dirname(paths.dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return undefined; // not a git work tree, or no git: nothing to do
  }
  return top ? { file: join(top, '.gitattributes'), top } : undefined;
}

function createEmpty(path: string): void {
  try {
    // 'wx' never follows a link: the check above found nothing there.
    closeSync(openSync(path, 'wx', 0o644));
  } catch (error) {
    throw new LaunchError(`${path}: could not create: ${osReason(error).reason}`, { cause: error });
  }
}

export function initWorkspace(req: InitRequest): InitResult {
  const paths = workspacePaths(req.dir);
  const existed = existsSync(paths.plan);
  if (existed && !req.force) throw new LaunchError(`${paths.dir} is already a launch workspace`, { hint: EXISTING_HINT });
  if (!existed && (req.planYaml === undefined || req.configYaml === undefined)) throw new Error('a new workspace needs a plan and a config');
  checkWorkspaceFiles(paths);
  const attributes = gitattributesFile(paths);
  if (attributes) writeTarget(attributes.file, attributes.file, [attributes.top]);
  try {
    mkdirSync(paths.dir, { recursive: true });
  } catch (error) {
    throw new LaunchError(`cannot create ${paths.dir}: ${(error as Error).message}`, { cause: error });
  }
  const written: string[] = [];
  // A file that would not change is not rewritten: git, and so launch sync, sees no change in it.
  if (req.planYaml !== undefined && writeIfChanged(paths.plan, req.planYaml)) written.push(basename(paths.plan));
  if (req.configYaml !== undefined && writeIfChanged(paths.config, req.configYaml)) written.push(basename(paths.config));
  const keptLog = existsSync(paths.log);
  if (!keptLog) {
    createEmpty(paths.log);
    written.push(basename(paths.log));
  }
  if (req.actor) written.push(...setLocalActor(paths, req.actor));
  const ignore = join(paths.dir, IGNORE_FILE);
  if (!existsSync(ignore)) {
    writeFileAtomic(ignore, `# per-person and rebuilt files, and doctor --repair's backups\n${['actor', '.*.snapshot.json', '*.lock', '*.tmp', '.*.tmp-*', ...REPAIR_BACKUP_PATTERNS].join('\n')}\n`);
    written.push(IGNORE_FILE);
  }
  const gitattributes = attributes && addUnionMergeRule(paths, attributes.file, attributes.top);
  return gitattributes ? { paths, keptLog, gitattributes, written } : { paths, keptLog, written };
}

/**
 * Joining a teammate's workspace: this clone's name in .launch/actor (git-ignored), and nothing else.
 * The plan and settings are the team's, committed; rewriting them would be a change for sync to refuse.
 */
export function setLocalActor(paths: WorkspacePaths, actor: string): string[] {
  return writeIfChanged(actorFile(paths), `${actor}\n`) ? [basename(actorFile(paths))] : [];
}

/** `events.jsonl merge=union` lets git merge two teammates' appends without conflicts. */
function addUnionMergeRule(paths: WorkspacePaths, file: string, top: string): string {
  const pattern = relative(top, paths.log).split(sep).join('/');
  const rule = `${pattern} merge=union`;
  const existing = readRegular(file, file, [top])?.toString('utf8') ?? '';
  if (existing.split('\n').some((line) => line.trim() === rule)) return file;
  // Rewritten whole (atomically) rather than appended: a full disk leaves the old file, not half a rule.
  writeFileAtomic(file, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${rule}\n`, { bounds: [top] });
  return file;
}
