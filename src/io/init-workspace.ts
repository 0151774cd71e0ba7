// Creates .launch/: plan.yaml, config.yaml and an empty log; in a git work tree, the union merge rule.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { actorFile, REPAIR_BACKUP_PATTERNS, workspacePaths, type WorkspacePaths } from './workspace.js';

export interface InitRequest {
  dir: string;
  planYaml: string;
  configYaml: string;
  force: boolean;
  /** `--as`: kept in the git-ignored .launch/actor, since config.yaml is shared by the team. */
  actor?: string;
}

export interface InitResult {
  paths: WorkspacePaths;
  keptLog: boolean;
  gitattributes?: string;
}

export function initWorkspace(req: InitRequest): InitResult {
  const paths = workspacePaths(req.dir);
  if (existsSync(paths.plan) && !req.force) {
    throw new LaunchError(`${paths.dir} is already a launch workspace`, {
      hint: 'use --force to replace its plan and config (the event log is kept)',
    });
  }
  try {
    mkdirSync(paths.dir, { recursive: true });
  } catch (error) {
    throw new LaunchError(`cannot create ${paths.dir}: ${(error as Error).message}`, { cause: error });
  }
  writeFileAtomic(paths.plan, req.planYaml);
  writeFileAtomic(paths.config, req.configYaml);
  const keptLog = existsSync(paths.log);
  if (!keptLog) writeFileSync(paths.log, '', { flag: 'wx' });
  if (req.actor) writeFileAtomic(actorFile(paths), `${req.actor}\n`);
  const ignore = join(paths.dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, `# per-person and rebuilt files, and doctor --repair's backups\n${['actor', '.*.snapshot.json', '*.lock', '*.tmp', '.*.tmp-*', ...REPAIR_BACKUP_PATTERNS].join('\n')}\n`);
  const gitattributes = addUnionMergeRule(paths);
  return gitattributes ? { paths, keptLog, gitattributes } : { paths, keptLog };
}

/** `events.jsonl merge=union` lets git merge two teammates' appends without conflicts. */
function addUnionMergeRule(paths: WorkspacePaths): string | undefined {
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dirname(paths.dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return undefined; // not a git work tree, or no git: nothing to do
  }
  if (!top) return undefined;
  const file = join(top, '.gitattributes');
  const pattern = relative(top, paths.log).split(sep).join('/');
  const rule = `${pattern} merge=union`;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (existing.split('\n').some((line) => line.trim() === rule)) return file;
  appendFileSync(file, `${existing && !existing.endsWith('\n') ? '\n' : ''}${rule}\n`);
  return file;
}
