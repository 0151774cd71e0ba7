// How --sprint, --team, --mine and --owner name things, shared by list, today, standup and kpis.
import type { Sprint } from '../../core/plan/schema.js';
import { ownedBy } from '../../core/queries/schedule.js';
import type { EntryFilter } from '../../core/queries/today.js';
import { UsageError } from '../../errors.js';
import type { State } from '../../io/store/open.js';
import type { Ctx } from '../../runtime.js';
import { actorFor } from './record.js';

/** "1" or "s1" names Sprint 1; "3" also finds "Sprint 3-4". */
export function sprintMatcher(sprints: readonly Sprint[], input: string): (id: string | undefined) => boolean {
  const wanted = input.toLowerCase().replace(/^(sprint\s*|s)/, '');
  // Number() would read "0x2" as 2 and "1e1" as 10: a sprint is named in decimal digits ("3" or "3-4").
  if (!/^\d{1,15}(?:-\d{1,15})?$/.test(wanted)) {
    throw new UsageError(`--sprint: "${input}" is not a sprint number`, `sprints: ${sprints.map((s) => s.id.slice(1)).join(', ')} (--sprint 1, --sprint s1)`);
  }
  const sprint = sprints.find((s) => s.id === `s${wanted}`) ??
    sprints.find((s) => { const [a, b] = s.id.slice(1).split('-').map(Number); return Number(wanted) >= a! && Number(wanted) <= (b ?? a)!; });
  if (!sprint) throw new UsageError(`--sprint: no sprint "${input}" in this plan`, `sprints: ${sprints.map((s) => s.id.slice(1)).join(', ')}`);
  return (id) => id === sprint.id;
}

/** Words of --team must each start a word of the block's team ("backend" finds "Backend Lead + DevOps"). */
export function teamMatcher(team: string): (name: string | null) => boolean {
  const wanted = team.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return (name) => {
    if (!name) return false;
    const words = name.toLowerCase().split(/[^a-z0-9]+/);
    return wanted.every((w) => words.some((x) => x.startsWith(w)));
  };
}

export const MINE_OPTION = ['--mine', 'only items you own (you: as `launch whoami` says)'] as const;
export const OWNER_OPTION = ['--owner <name>', 'only items this person owns'] as const;

/** `--mine` (the actor this clone records as) or `--owner <name>`: whose items to show; undefined for everyone's. */
export async function ownerFilter(ctx: Ctx, state: State, opts: { mine?: boolean; owner?: string }): Promise<EntryFilter | undefined> {
  if (opts.mine && opts.owner !== undefined) throw new UsageError('--mine and --owner name two owners; give one', 'launch today --mine, or launch today --owner bob');
  if (opts.owner !== undefined) {
    const name = opts.owner.trim();
    if (name === '') throw new UsageError('--owner: whose items? give a name', 'launch list --owner bob');
    return ownedBy(name);
  }
  return opts.mine ? ownedBy(await actorFor(ctx, state)) : undefined;
}
