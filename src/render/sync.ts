// `launch sync`: what was committed, what arrived from teammates, and whether it was pushed.
import { type ActorCounts, describeCounts } from '../core/log/counts.js';
import { rowOf } from '../core/log/event-types.js';
import type { LogEvent } from '../core/log/events.js';
import type { Override } from '../core/log/overrides.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { count } from './count.js';

export interface SyncOutcome {
  commits: string[];
  pulled: ActorCounts[];
  pushed: boolean;
  attempts: number;
  /** Local commits the upstream does not have. */
  ahead: number;
  upstream: string;
  /** Items whose status a teammate's change, typed after yours, decides now. */
  overridden: Override[];
  /** Events the pull took out of the log, by the commit that removed them (null: no one commit). */
  removed: RemovedEvents[];
  /** Where copies of them were kept. */
  backups: string[];
}

export interface RemovedEvents {
  commit: string | null;
  author: string | null;
  ids: string[];
}

/** "bob's commit 1a2b3c4 removed 150 events". */
export function removalWords(r: RemovedEvents, upstream: string): string {
  const n = `${r.ids.length} event${r.ids.length === 1 ? '' : 's'}`;
  return r.commit === null ? `the changes pulled from ${upstream} removed ${n}` : `${r.author}'s commit ${r.commit} removed ${n}`;
}

export const shownIds = (ids: readonly string[]): string => ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, … and ${ids.length - 5} more` : '');

const verbOf = (e: LogEvent): string => rowOf(e)?.verb ?? e.type;

/** "bob unchecked page-transition-animations, which you checked"; a block says why. */
export function overrideWords({ item, theirs, yours }: Override): string {
  const reason = theirs.type === 'block' && typeof theirs.reason === 'string' && theirs.reason !== '' ? ` (${theirs.reason})` : '';
  return `${theirs.actor} ${verbOf(theirs)} ${item}${reason}, which you ${verbOf(yours)}`;
}

export function renderSync(r: SyncOutcome, theme: Theme): string[] {
  const { mark } = theme;
  const out = r.commits.map((message) => `${mark.done} committed "${safeText(message)}"`);
  if (r.commits.length === 0) out.push(`${mark.todo} no new events to commit`);
  if (r.pulled.length === 0 && r.removed.length === 0) out.push(`${mark.todo} nothing new from teammates`);
  else {
    out.push(`From ${safeText(r.upstream)}:`);
    for (const { actor, counts } of r.pulled) out.push(`  ${safeText(actor)} ${describeCounts(counts, { nouns: true })}`);
    for (const removal of r.removed) out.push(`  ${mark.missed} ${safeText(removalWords(removal, r.upstream))} (kept in ${safeText(r.backups.at(-1) ?? '')})`);
  }
  if (r.overridden.length > 0) {
    out.push('Your changes overridden by later ones:');
    for (const o of r.overridden) out.push(`  ${safeText(overrideWords(o))}`);
  }
  if (r.pushed) out.push(`${mark.done} pushed to ${safeText(r.upstream)}${r.attempts > 1 ? ` (after ${r.attempts} attempts: others pushed meanwhile)` : ''}`);
  else if (r.ahead === 0) out.push(`${mark.todo} nothing to push: up to date with ${safeText(r.upstream)}`);
  else out.push(`${mark.missed} not pushed: ${count(r.ahead, 'commit')} kept locally`);
  return out;
}
