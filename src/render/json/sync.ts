// `launch sync --json` (./sync.schema.ts).
import type { LogEvent } from '../../core/log/events.js';
import { overrideWords, type SyncOutcome } from '../sync.js';
import type { SyncJson } from './sync.schema.js';

type StatusChangeJson = SyncJson['overridden'][number]['theirs'];

const changeJson = (e: LogEvent): StatusChangeJson => ({
  actor: e.actor,
  type: e.type as StatusChangeJson['type'],
  ts: e.ts,
  ...(typeof e.recorded === 'string' && { recorded: e.recorded }),
});

export const syncJson = (r: SyncOutcome): SyncJson => ({
  schema: 1,
  committed: r.commits.length > 0,
  commits: r.commits,
  pulled: r.pulled,
  pushed: r.pushed,
  upstream: r.upstream,
  attempts: r.attempts,
  removed: r.removed.map((x) => ({ commit: x.commit, author: x.author, count: x.ids.length, ids: x.ids })),
  backups: r.backups,
  overridden: r.overridden.map((o) => ({ item: o.item, was: o.before ?? null, status: o.after, theirs: changeJson(o.theirs), yours: changeJson(o.yours), text: overrideWords(o) })),
});
