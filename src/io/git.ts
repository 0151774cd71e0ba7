// The git on the PATH, run with an argument array (never through a shell, so paths and messages need no
// quoting), in the repository's top directory so that paths and pathspecs are relative to it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { LaunchError } from '../errors.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

// A long event log comes back through `git show`; the default 1 MB would cut it off.
const MAX_BUFFER = 512 * 1024 * 1024;

function exec(args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') {
        reject(new LaunchError('git is not installed or not on the PATH', { hint: 'install git: launch sync shares the workspace through it' }));
        return;
      }
      if (error && typeof code !== 'number') {
        reject(new LaunchError(`git ${args[0]}: ${error.message}`, { cause: error }));
        return;
      }
      resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr });
    });
  });
}

export interface Upstream {
  /** "origin/main" */
  name: string;
  remote: string;
  /** "refs/heads/main" on the remote */
  mergeRef: string;
}

export class GitRepo {
  constructor(
    /** The work tree's top directory, as git reports it (symlinks resolved). */
    readonly top: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  run(...args: string[]): Promise<GitResult> {
    return exec(args, this.top, this.env);
  }

  /** Runs git and returns stdout; a non-zero exit becomes a LaunchError carrying git's own message. */
  async ok(...args: string[]): Promise<string> {
    const r = await this.run(...args);
    if (r.code !== 0) throw new LaunchError(`git ${args.find((a) => !a.startsWith('-'))} failed: ${lastLines(r.stderr || r.stdout)}`);
    return r.stdout;
  }

  /** A file's text at a revision, or null when it does not exist there. */
  async show(rev: string, path: string): Promise<string | null> {
    const r = await this.run('show', `${rev}:${path}`);
    return r.code === 0 ? r.stdout : null;
  }

  /** The checked-out branch, or null on a detached HEAD. */
  async branch(): Promise<string | null> {
    const r = await this.run('symbolic-ref', '--quiet', '--short', 'HEAD');
    return r.code === 0 ? r.stdout.trim() || null : null;
  }

  async remotes(): Promise<string[]> {
    return (await this.ok('remote')).split('\n').filter(Boolean);
  }

  /** Where the branch pulls from and pushes to: its configured remote and remote branch. */
  async upstream(branch: string): Promise<Upstream | null> {
    const name = await this.run('rev-parse', '--abbrev-ref', '--symbolic-full-name', `${branch}@{upstream}`);
    const remote = await this.run('config', '--get', `branch.${branch}.remote`);
    const merge = await this.run('config', '--get', `branch.${branch}.merge`);
    if (name.code !== 0 || remote.code !== 0 || merge.code !== 0) return null;
    return { name: name.stdout.trim(), remote: remote.stdout.trim(), mergeRef: merge.stdout.trim() };
  }

  /** A rebase or merge left half done (by a crash or an earlier command): nothing is safe to do. */
  async operationInProgress(): Promise<string | null> {
    for (const [marker, what] of [['rebase-merge', 'a rebase'], ['rebase-apply', 'a rebase'], ['MERGE_HEAD', 'a merge'], ['CHERRY_PICK_HEAD', 'a cherry-pick']] as const) {
      const path = (await this.ok('rev-parse', '--git-path', marker)).trim();
      if (existsSync(isAbsolute(path) ? path : join(this.top, path))) return what;
    }
    return null;
  }
}

/** The repository holding `dir`, or null when `dir` is not inside a git work tree. */
export async function findRepo(dir: string, env: Record<string, string | undefined>): Promise<GitRepo | null> {
  const r = await exec(['rev-parse', '--is-inside-work-tree', '--show-toplevel'], dir, env);
  const [inside, top] = r.stdout.trim().split('\n');
  if (r.code !== 0 || inside !== 'true' || !top) return null;
  return new GitRepo(top, env);
}

export interface StatusEntry {
  /** Index and work-tree status letters ("??" for untracked). */
  xy: string;
  path: string;
}

/** `git status --porcelain -z`: paths relative to the top, unquoted, whatever characters they hold. */
export function parseStatus(out: string): StatusEntry[] {
  const entries: StatusEntry[] = [];
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const xy = field.slice(0, 2);
    entries.push({ xy, path: field.slice(3) });
    // A rename or copy is followed by the path it came from.
    if (xy[0] === 'R' || xy[0] === 'C') i++;
  }
  return entries;
}

/** The end of git's message, which is where it says what went wrong. */
export function lastLines(text: string, count = 4): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
