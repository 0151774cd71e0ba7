// The .launch/ workspace: found like git finds .git (walking up), or named by --dir / LAUNCH_DIR.
import { existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { actorProblem, shownActor } from '../core/actor-name.js';
import type { Config } from '../core/config/config.js';
import { LaunchError, UsageError } from '../errors.js';
import { readRegular } from './safe-path.js';

export const WORKSPACE_DIR = '.launch';

export const INIT_HINT = 'run `launch init` to create a workspace (.launch/) here';

export interface WorkspacePaths {
  /** The .launch directory itself. */
  dir: string;
  plan: string;
  config: string;
  log: string;
}

export function workspacePaths(dir: string): WorkspacePaths {
  return { dir, plan: join(dir, 'plan.yaml'), config: join(dir, 'config.yaml'), log: join(dir, 'events.jsonl') };
}

const isDir = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * `override` (--dir or LAUNCH_DIR) may name the .launch directory or the folder that holds it.
 * Without it, the nearest .launch/ at or above cwd wins.
 */
export function findWorkspace(cwd: string, override?: string): WorkspacePaths | null {
  if (override) {
    const full = resolve(cwd, override);
    const dir = isDir(join(full, WORKSPACE_DIR)) ? join(full, WORKSPACE_DIR) : full;
    if (!existsSync(join(dir, 'plan.yaml'))) {
      throw new LaunchError(`${override}: no launch workspace there (expected ${join(override, WORKSPACE_DIR, 'plan.yaml')})`, {
        hint: 'run `launch init` there first, or drop --dir / LAUNCH_DIR',
        code: 'not-found',
      });
    }
    return workspacePaths(dir);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, WORKSPACE_DIR);
    if (isDir(candidate) && existsSync(join(candidate, 'plan.yaml'))) return workspacePaths(candidate);
    if (dirname(dir) === dir) return null;
  }
}

/**
 * `doctor --repair`'s backups of the log (events.jsonl.bad-<stamp>, events.jsonl.bak-<stamp>), and
 * sync's copy of events a teammate's commit removed (events.jsonl.removed-<stamp>): kept on
 * the machine that repaired it, never shared; git-ignored in a new workspace, and never a stray file
 * to sync in an older one.
 */
export const REPAIR_BACKUP_PATTERNS = ['events.jsonl.bad-*', 'events.jsonl.bak-*', 'events.jsonl.removed-*'] as const;
export const isRepairBackup = (name: string): boolean => /^events\.jsonl\.(bad|bak|removed)-[^/]*$/.test(name);

/** The per-person name file: git-ignored, because config.yaml is shared by the whole team. */
export const actorFile = (paths: WorkspacePaths): string => join(paths.dir, 'actor');

function localActor(paths: WorkspacePaths | undefined): string | undefined {
  if (!paths) return undefined;
  try {
    return readRegular(actorFile(paths))?.toString('utf8').trim() || undefined;
  } catch (error) {
    // A FIFO or a link out of the workspace is said plainly; an unreadable file is no name.
    if (error instanceof LaunchError) throw error;
    return undefined;
  }
}

/** Where the name events are recorded under can come from, in the order they are asked. */
export const ACTOR_SOURCES = ['--as', 'LAUNCH_ACTOR', '.launch/actor', 'config.yaml', 'git user.name', 'OS user'] as const;
export type ActorSource = (typeof ACTOR_SOURCES)[number];

export interface ActorChoice {
  source: ActorSource;
  name: string;
}

/**
 * The names on offer, in the order they are asked: --as, LAUNCH_ACTOR, this clone's .launch/actor
 * (written by `init --as`), the config's shared default, git's user.name, then the OS user. The first
 * decides; with `all`, the rest are asked too (for `launch whoami`), else asking stops there.
 */
export async function actorChoices(
  explicit: string | undefined,
  config: Config | undefined,
  cwd: string,
  env: Record<string, string | undefined>,
  paths: WorkspacePaths | undefined,
  all = false,
): Promise<ActorChoice[]> {
  const ask: Record<ActorSource, () => string | undefined | Promise<string | undefined>> = {
    '--as': () => explicit?.trim(),
    LAUNCH_ACTOR: () => env.LAUNCH_ACTOR?.trim(),
    '.launch/actor': () => localActor(paths),
    'config.yaml': () => config?.actor?.trim(),
    'git user.name': () => gitUserName(cwd, env),
    'OS user': () => osUser(),
  };
  const out: ActorChoice[] = [];
  if (explicit !== undefined) asOptionName(explicit);
  for (const source of ACTOR_SOURCES) {
    const name = await ask[source]();
    if (!name) continue;
    const problem = actorProblem(name);
    if (problem !== undefined) {
      // The deciding name is refused, never replaced: events would go under a name nobody chose.
      if (out.length === 0) throw await unusableActor(source, name, problem, paths);
      continue; // whoami's list of what would decide otherwise leaves it out
    }
    out.push({ source, name });
    if (!all) break;
  }
  return out;
}

/**
 * For `launch doctor`: the names this workspace itself holds (.launch/actor, config.yaml's actor) that
 * a write would refuse, as the errors it would give, so that they can be fixed before one is tried.
 */
export async function workspaceActorProblems(paths: WorkspacePaths, config: Config): Promise<LaunchError[]> {
  const held: [ActorSource, string | undefined][] = [['.launch/actor', localActor(paths)], ['config.yaml', config.actor?.trim()]];
  const out: LaunchError[] = [];
  for (const [source, name] of held) {
    const problem = name ? actorProblem(name) : undefined;
    if (name && problem !== undefined) out.push(await unusableActor(source, name, problem, paths));
  }
  return out;
}

export const NAME_RULE = 'a name is 1 to 64 printable characters on one line';

/** `--as <name>`, trimmed; a name that cannot be one is a usage error naming the flag. */
export function asOptionName(value: string): string {
  const problem = actorProblem(value);
  if (problem !== undefined) throw new UsageError(`--as: the name ${shownActor(value)} ${problem}`, NAME_RULE);
  return value.trim();
}

async function unusableActor(source: ActorSource, name: string, problem: string, paths: WorkspacePaths | undefined): Promise<LaunchError> {
  const shown = `${shownActor(name)} ${problem}`;
  const yours = 'give launch a name of your own: launch init --as <name> (or --as <name> on the command)';
  switch (source) {
    case '--as':
      return new UsageError(`--as: the name ${shown}`, NAME_RULE);
    case 'LAUNCH_ACTOR':
      return new LaunchError(`the name in the LAUNCH_ACTOR environment variable, ${shown}`, { hint: `${NAME_RULE}: set LAUNCH_ACTOR to one, or unset it` });
    case '.launch/actor':
      return new LaunchError(`${actorFile(paths!)}:1: the name ${shown}`, { hint: `${NAME_RULE}: set another with launch init --as <name>` });
    case 'config.yaml': {
      const { configLine } = await import('../lazy/parse.js');
      let line: number | undefined;
      try {
        line = configLine(readRegular(paths!.config)?.toString('utf8') ?? '', 'actor');
      } catch {
        line = undefined;
      }
      return new LaunchError(`${paths!.config}${line ? `:${line}` : ''}: actor: the name ${shown}`, { hint: `${NAME_RULE}: change it there, or ${yours}` });
    }
    default:
      return new LaunchError(`${source === 'OS user' ? 'the OS user name' : "git's user.name"} ${shown}, so it cannot name you in the log`, { hint: yours });
  }
}

/** The name events are recorded under: the first of `actorChoices`, else "unknown". */
export async function resolveActor(
  explicit: string | undefined,
  config: Config | undefined,
  cwd: string,
  env: Record<string, string | undefined>,
  paths?: WorkspacePaths,
): Promise<string> {
  return (await actorChoices(explicit, config, cwd, env, paths))[0]?.name ?? 'unknown';
}

/** git as the command's environment has it (as sync runs it): its PATH, HOME and GIT_CONFIG_*. */
async function gitUserName(cwd: string, env: Record<string, string | undefined>): Promise<string | undefined> {
  // Loaded here, not at the top: only a write without a configured actor needs a child process.
  const { execFileSync } = await import('node:child_process');
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function osUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
