// `launch sync`: what was committed, what arrived from teammates, and whether it was pushed.
import { type ActorCounts, describeCounts } from '../core/log/counts.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface SyncOutcome {
  commits: string[];
  pulled: ActorCounts[];
  pushed: boolean;
  attempts: number;
  /** Local commits the upstream does not have. */
  ahead: number;
  upstream: string;
}

export function renderSync(r: SyncOutcome, theme: Theme): string[] {
  const { mark } = theme;
  const out = r.commits.map((message) => `${mark.done} committed "${safeText(message)}"`);
  if (r.commits.length === 0) out.push(`${mark.todo} no new events to commit`);
  if (r.pulled.length === 0) out.push(`${mark.todo} nothing new from teammates`);
  else {
    out.push(`From ${r.upstream}:`);
    for (const { actor, counts } of r.pulled) out.push(`  ${safeText(actor)} ${describeCounts(counts, { nouns: true })}`);
  }
  if (r.pushed) out.push(`${mark.done} pushed to ${r.upstream}${r.attempts > 1 ? ` (after ${r.attempts} attempts: others pushed meanwhile)` : ''}`);
  else if (r.ahead === 0) out.push(`${mark.todo} nothing to push: up to date with ${r.upstream}`);
  else out.push(`${mark.missed} not pushed: ${r.ahead} commit(s) kept locally`);
  return out;
}
