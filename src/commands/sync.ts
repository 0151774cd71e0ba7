// launch sync: commit the workspace's new events, pull teammates' with a rebase (the union merge rule
// merges the log line by line), re-check the log, push; report what arrived. Local events are never
// lost: every failure leaves them in the log, and once committed, in a local commit. It pushes only its
// own log commits (io/sync-history.ts): never the user's other work, never what a force-push removed.
import { relative } from 'node:path';
import { countByActor, countByType, describeCounts } from '../core/log/counts.js';
import type { LogEvent } from '../core/log/events.js';
import { type Override, overriddenChanges } from '../core/log/overrides.js';
import { LaunchError } from '../errors.js';
import { formatLogProblem, readEventLog } from '../io/event-log.js';
import { withLock } from '../io/event-log-append.js';
import { findRepo, type GitRepo, lastLines, type Upstream } from '../io/git.js';
import { goneEvents, keepRemovedEvents, type Removal, whoRemoved } from '../io/removed-events.js';
import type { State } from '../io/store/open.js';
import { refuseForeignCommits, refuseRewrittenUpstream, rememberUpstream } from '../io/sync-history.js';
import { locateWorkspace, pendingChanges, type WorkspaceInRepo } from '../io/workspace-changes.js';
import { syncJson } from '../render/json/sync.js';
import { removalWords, renderSync, shownIds } from '../render/sync.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION } from './shared/options.js';
import { actorFor } from './shared/record.js';

export interface SyncOptions {
  as?: string;
}

/** Pushes rejected because someone pushed meanwhile are retried (pull, rebase, push) this many times. */
export const SYNC_ATTEMPTS = 3;

interface Target {
  repo: GitRepo;
  ws: WorkspaceInRepo;
  upstream: Upstream;
  logFile: string;
}

interface Report {
  commits: string[];
  arrived: LogEvent[];
  pushed: boolean;
  attempts: number;
  /** Local commits the upstream does not have (after the last push, if it failed). */
  ahead: number;
  /** The log before the first rebase, and your changes that the merged log's later ones override. */
  logBefore: LogEvent[] | undefined;
  overridden: Override[];
  /** Events teammates' commits took out of the log, and where copies of them were kept. */
  removed: Removal[];
  backups: string[];
}

export const register: Register = (program, rt) =>
  program
    .command('sync')
    .description('share the workspace through git: commit new events, pull teammates\' with a rebase, push')
    .option(...AS_OPTION)
    .addHelpText('after', `\nRefuses outside a git repository, without an upstream branch, when .launch/ has\nchanges launch did not make, or when it would push commits it did not make (your\nown, or ones a force-push removed from the upstream).\n${examples('launch sync', "launch sync --json | jq '.pulled'")}`)
    .option(...QUIET_OPTION)
    .action(handle(rt, syncCommand));

export async function syncCommand(ctx: Ctx, opts: SyncOptions = {}): Promise<void> {
  const state = await openForWrite(ctx);
  const target = await findTarget(state, ctx.rt.env);
  const actor = await actorFor(ctx, state, opts.as);
  // Refuse before anything changes or the network is touched.
  await pendingChanges(target.repo, target.ws, target.logFile, []);
  await refuseRewrittenUpstream(target.repo, target.upstream);
  await refuseForeignCommits(target.repo, target.ws, target.upstream);

  const report: Report = { commits: [], arrived: [], pushed: false, attempts: 0, ahead: 0, logBefore: undefined, overridden: [], removed: [], backups: [] };
  const now = ctx.rt.now().getTime();
  while (report.attempts < SYNC_ATTEMPTS) {
    report.attempts++;
    await withLock(target.logFile, 'sync', () => commitPending(target, actor, state, report));
    if (report.attempts === 1) await warnWithoutUnionRule(ctx, target);
    await fetch(target, report);
    // What the fetch brought decides what a rebase would replay: only launch's own commits may be.
    await refuseRewrittenUpstream(target.repo, target.upstream);
    await refuseForeignCommits(target.repo, target.ws, target.upstream);
    const arrived = await withLock(target.logFile, 'sync', async () => {
      await commitPending(target, actor, state, report);
      const log = readEventLog(target.logFile).events;
      report.logBefore ??= log;
      const before = new Set(log.map((e) => e.id));
      const headBefore = (await target.repo.ok('rev-parse', 'HEAD')).trim();
      await rebase(target);
      await rememberUpstream(target.repo, target.upstream);
      const merged = mergedLog(target);
      await keepRemoved(ctx, target, log, merged, headBefore, report);
      const arrived = merged.filter((e) => !before.has(e.id));
      if (arrived.length > 0) report.overridden = overriddenChanges(report.logBefore, merged, actor, { now });
      return arrived;
    });
    for (const e of arrived) report.arrived.push(e); // not push(...): a teammate may bring 100,000s
    report.ahead = Number((await target.repo.ok('rev-list', '--count', `${target.upstream.name}..HEAD`)).trim());
    if (report.ahead === 0) break;
    if (await push(target, report)) {
      await rememberUpstream(target.repo, target.upstream);
      report.pushed = true;
      report.ahead = 0;
      break;
    }
    if (report.attempts === SYNC_ATTEMPTS) {
      render(ctx, target, report);
      throw new LaunchError(`${target.upstream.name} changed during each of ${SYNC_ATTEMPTS} attempts, so nothing was pushed`, {
        hint: `your events are safe in ${report.ahead === 1 ? '1 local commit' : `${report.ahead} local commits`}; run \`launch sync\` again`,
      });
    }
  }
  render(ctx, target, report);
}

async function findTarget(state: State, env: Record<string, string | undefined>): Promise<Target> {
  const paths = state.paths!;
  const repo = await findRepo(paths.dir, env);
  if (!repo) {
    throw new LaunchError(`${paths.dir} is not inside a git repository, so there is nothing to sync with`, {
      hint: 'commit .launch/ in your team\'s repository (or `git init` and `git remote add origin <url>`), then run launch sync',
    });
  }
  const busy = await repo.operationInProgress();
  if (busy) throw new LaunchError(`${busy} is in progress in ${repo.top}`, { hint: 'finish or abort it with git first, then run launch sync' });
  const ws = await locateWorkspace(repo, paths);
  const branch = await repo.branch();
  if (!branch) throw new LaunchError('HEAD is detached: sync needs a branch to commit to', { hint: 'check out your branch (git switch main), then run launch sync' });
  const upstream = await repo.upstream(branch);
  if (!upstream) {
    const remotes = await repo.remotes();
    if (remotes.length === 0) {
      throw new LaunchError('the repository has no remote to sync with', { hint: `add one (git remote add origin <url>), push with git push -u origin ${branch}, then run launch sync` });
    }
    throw new LaunchError(`branch ${branch} has no upstream to pull from and push to`, { hint: `push it once with git push -u ${remotes[0]} ${branch}, then run launch sync` });
  }
  return { repo, ws, upstream, logFile: paths.log };
}

async function commitPending({ repo, ws, logFile }: Target, actor: string, state: State, report: Report): Promise<void> {
  const log = readEventLog(logFile);
  const pending = await pendingChanges(repo, ws, logFile, log.events);
  if (pending.paths.length === 0) return;
  const summary = [pending.newWorkspace ? `start tracking ${state.plan.id}` : '', describeCounts(countByType(pending.events), { nouns: false })].filter(Boolean).join(', ');
  const message = `launch: ${actor} ${summary || 'update the log'}`;
  await repo.ok('--literal-pathspecs', 'add', '--', ...pending.paths);
  // Naming the paths commits exactly them, whatever else someone staged.
  const r = await repo.run('--literal-pathspecs', 'commit', '--quiet', '-m', message, '--', ...pending.paths);
  if (r.code !== 0) {
    throw new LaunchError(`git commit failed: ${lastLines(r.stderr || r.stdout)}`, { hint: 'nothing was committed; your events are still in the log' });
  }
  report.commits.push(message);
}

/** Without the committed rule a concurrent change stops the rebase: say so before it happens. */
async function warnWithoutUnionRule(ctx: Ctx, { repo, ws }: Target): Promise<void> {
  const attr = (await repo.ok('check-attr', '--cached', 'merge', '--', ws.log)).trim();
  if (attr.endsWith(': union')) return;
  ctx.warn(`${ws.log} has no committed merge=union rule: when two people change the log at once, git cannot merge it. Add the line "${ws.rule}" to .gitattributes and commit it.`);
}

async function fetch({ repo, upstream }: Target, report: Report): Promise<void> {
  const r = await repo.run('fetch', '--quiet', upstream.remote);
  if (r.code === 0) return;
  throw new LaunchError(`could not fetch from ${upstream.remote}: ${lastLines(r.stderr)}`, { hint: keptHint(report) });
}

const keptHint = (report: Report) =>
  report.commits.length > 0 ? 'your events are committed locally; run launch sync again when the remote can be reached' : 'your events are safe in the log; run launch sync again';

async function rebase({ repo, ws, upstream }: Target): Promise<void> {
  // No --autostash: sync refused earlier if anything else was uncommitted, and never hides work.
  const r = await repo.run('rebase', '--no-autostash', '--quiet', upstream.name);
  if (r.code === 0) return;
  let conflicts: string[] = [];
  if (await repo.operationInProgress()) {
    conflicts = (await repo.run('diff', '--name-only', '--diff-filter=U')).stdout.split('\n').filter(Boolean);
    await repo.run('rebase', '--abort');
  }
  const where = conflicts.length > 0 ? ` (conflicts in ${conflicts.join(', ')})` : '';
  throw new LaunchError(`could not rebase onto ${upstream.name}${where}; the rebase was undone and nothing was pushed\n${lastLines(r.stderr || r.stdout)}`, {
    hint: conflicts.includes(ws.log)
      ? `commit the line "${ws.rule}" in .gitattributes so the log merges without conflicts, then run launch sync again`
      : 'your events are committed locally; run git pull --rebase yourself to resolve, then launch sync',
  });
}

/** The log after the merge: a malformed line now means the merge went wrong, so nothing is pushed. */
function mergedLog({ logFile }: Target): LogEvent[] {
  const log = readEventLog(logFile);
  if (log.errors.length > 0) {
    throw new LaunchError(`after merging teammates' changes the event log has malformed lines, so nothing was pushed:\n  ${log.errors.slice(0, 3).map(formatLogProblem).join('\n  ')}`, {
      hint: 'run `launch doctor` to see them (and `launch doctor --repair` to move them aside), commit, then launch sync again',
    });
  }
  return log.events;
}

/** Events the pull took out of the log: who removed them, and a copy for `doctor --repair` to put back. */
async function keepRemoved(ctx: Ctx, { repo, ws, upstream, logFile }: Target, before: LogEvent[], after: LogEvent[], headBefore: string, report: Report): Promise<void> {
  const gone = goneEvents(before, after);
  if (gone.length === 0) return;
  const removals = await whoRemoved(repo, ws.log, `${headBefore}..${upstream.name}`, gone);
  const backup = relative(ctx.rt.cwd, keepRemovedEvents(logFile, gone, ctx.rt.now()));
  for (const r of removals) {
    ctx.warn(`${removalWords(r, upstream.name)} (${shownIds(r.ids)}); a copy is kept in ${backup}: \`launch doctor --repair\` puts them back, or delete it to let the removal stand`);
  }
  report.removed.push(...removals);
  report.backups.push(backup);
}

/** true when pushed, false when the remote moved on meanwhile (worth another pull). */
async function push({ repo, upstream }: Target, report: Report): Promise<boolean> {
  const r = await repo.run('push', '--porcelain', upstream.remote, `HEAD:${upstream.mergeRef}`);
  if (r.code === 0) return true;
  const text = `${r.stdout}\n${r.stderr}`;
  if (/fetch first|non-fast-forward|stale info|cannot lock ref|failed to update ref|incorrect old value/.test(text)) return false;
  throw new LaunchError(`git push to ${upstream.name} failed: ${lastLines(r.stderr || r.stdout)}`, { hint: keptHint(report) });
}

function render(ctx: Ctx, { upstream }: Target, report: Report): void {
  const outcome = { ...report, pulled: countByActor(report.arrived), upstream: upstream.name };
  if (ctx.json) ctx.printJson(syncJson(outcome));
  else ctx.printLines(renderSync(outcome, ctx.theme));
}
