// What `launch sync` may push: only the log commits it made itself since the last sync. Sync pushes the
// whole branch, so two kinds of commit must never ride along: the user's own unpushed work (code, a plan
// edit), and commits the remote had and no longer has — a teammate's force-push that removed a leaked
// file. A plain rebase onto the new remote would replay those on top and publish them again.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import type { GitRepo, Upstream } from './git.js';
import { INIT_FILES, onlyGainedRule, type WorkspaceInRepo } from './workspace-changes.js';

export interface Commit {
  sha: string;
  short: string;
  subject: string;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

/** Commits in `range`, newest first. */
async function commitsIn(repo: GitRepo, ...range: string[]): Promise<Commit[]> {
  return lines(await repo.ok('log', '--format=%H %h %s', ...range, '--')).map((line) => {
    const [sha, short] = line.split(' ', 2) as [string, string];
    return { sha, short, subject: line.slice(sha.length + short.length + 2) };
  });
}

/**
 * Why a commit is not one of sync's own, or undefined when it is: one parent, the one-line message sync
 * writes ("launch: …"), and changes to nothing but the log — plus, when it starts tracking a workspace,
 * the files `launch init` creates and init's line in .gitattributes.
 */
async function whyNotOurs(repo: GitRepo, ws: WorkspaceInRepo, sha: string): Promise<string | undefined> {
  const [head = '', ...message] = (await repo.ok('show', '-s', '--format=%P%n%B', sha)).split('\n');
  const parents = head.split(' ').filter(Boolean);
  if (parents.length !== 1) return parents.length === 0 ? 'a first commit' : 'a merge';
  const fields = (await repo.ok('diff-tree', '--no-commit-id', '-r', '--no-renames', '--name-status', '-z', sha)).split('\0');
  const changes: [string, string][] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) changes.push([fields[i]!, fields[i + 1]!]);
  if (!/^launch: \S/.test(message[0] ?? '') || message.slice(1).some((l) => l.trim() !== '')) {
    const outside = changes.find(([, path]) => !path.startsWith(`${ws.dir}/`) && path !== '.gitattributes');
    return outside ? `changes ${outside[1]}` : 'not made by launch sync';
  }
  for (const [status, path] of changes) {
    if (path === ws.log && (status === 'M' || status === 'A')) continue;
    if (status === 'A' && path.startsWith(`${ws.dir}/`) && INIT_FILES.has(path.slice(ws.dir.length + 1))) continue;
    if (path === '.gitattributes' && status !== 'D' && onlyGainedRule((await repo.show(`${sha}^`, path)) ?? '', (await repo.show(sha, path)) ?? '', ws.rule)) continue;
    return `changes ${path}`;
  }
  return undefined;
}

const listed = (commits: { short: string; subject: string; why?: string }[]) =>
  commits.slice(0, 5).map((c) => `${c.short} ${c.subject}${c.why ? ` (${c.why})` : ''}`).join('\n  ') + (commits.length > 5 ? `\n  … and ${commits.length - 5} more` : '');

/** Refuses when the commits sync would push (the upstream's `..HEAD`) include any it did not make. */
export async function refuseForeignCommits(repo: GitRepo, ws: WorkspaceInRepo, upstream: Upstream): Promise<void> {
  const foreign: (Commit & { why: string })[] = [];
  for (const commit of await commitsIn(repo, `${upstream.name}..HEAD`)) {
    const why = await whyNotOurs(repo, ws, commit.sha);
    if (why !== undefined) foreign.push({ ...commit, why });
  }
  if (foreign.length === 0) return;
  const outside = foreign.every((c) => /^changes /.test(c.why) && !c.why.startsWith(`changes ${ws.dir}/`));
  const one = foreign.length === 1;
  const what = outside ? `${one ? 'changes' : 'change'} files outside ${ws.dir}/` : `${one ? 'was' : 'were'} not made by launch sync`;
  throw new LaunchError(
    `${one ? '1 unpushed commit' : `${foreign.length} unpushed commits`} on this branch ${what}, and sync would push ${one ? 'it' : 'them'} too (it pushes only its own log commits), so nothing was pushed:\n  ${listed(foreign)}`,
    { hint: 'push them yourself first (git push), or move them off this branch, then run launch sync' },
  );
}

/** Where this clone keeps the upstream commit each sync last saw: in git's own folder, never shared. */
async function seenFile(repo: GitRepo): Promise<string> {
  const path = (await repo.ok('rev-parse', '--git-path', 'launch-sync-seen.json')).trim();
  return isAbsolute(path) ? path : join(repo.top, path);
}

async function readSeen(repo: GitRepo): Promise<Record<string, string>> {
  try {
    const data = JSON.parse(readFileSync(await seenFile(repo), 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, string>) : {};
  } catch {
    return {}; // none yet, or damaged: git's reflog still knows what the upstream was
  }
}

/** After a rebase onto (or a push to) the upstream: what it now holds, as the next sync's reference. */
export async function rememberUpstream(repo: GitRepo, upstream: Upstream): Promise<void> {
  const sha = (await repo.ok('rev-parse', '--verify', `${upstream.name}^{commit}`)).trim();
  const seen = await readSeen(repo);
  if (seen[upstream.name] === sha) return;
  writeFileAtomic(await seenFile(repo), `${JSON.stringify({ ...seen, [upstream.name]: sha })}\n`);
}

/**
 * Refuses when the upstream no longer has commits it had — as this clone's last sync saw it, or as git's
 * reflog of the remote branch remembers (its fork point) — while this branch still has them: the
 * remote's history was rewritten, and a rebase would put them back.
 */
export async function refuseRewrittenUpstream(repo: GitRepo, upstream: Upstream): Promise<void> {
  const bases: string[] = [];
  const seen = (await readSeen(repo))[upstream.name];
  if (typeof seen === 'string' && /^[0-9a-f]{40,64}$/.test(seen) && (await repo.run('cat-file', '-e', `${seen}^{commit}`)).code === 0) bases.push(seen);
  const fork = await repo.run('merge-base', '--fork-point', upstream.name, 'HEAD');
  if (fork.code === 0 && fork.stdout.trim()) bases.push(fork.stdout.trim());
  if (bases.length === 0) return;
  const removed = new Set(lines(await repo.ok('rev-list', ...bases, `^${upstream.name}`, '--')));
  if (removed.size === 0) return;
  const back = (await commitsIn(repo, `${upstream.name}..HEAD`)).filter((c) => removed.has(c.sha));
  if (back.length === 0) return;
  const newest = back[0]!;
  throw new LaunchError(
    `${upstream.name} no longer has ${back.length === 1 ? '1 commit' : `${back.length} commits`} that it had and this branch still has: its history was rewritten (a force-push), ` +
      `and sync would publish them again, so nothing was pushed:\n  ${listed(back)}`,
    {
      hint:
        `if they were removed on purpose, drop them here too: git rebase --onto ${upstream.name} ${newest.short} ` +
        '(keeps only the commits made after it, such as launch\'s own), then run launch sync; your events are safe in the log and in local commits',
    },
  );
}
