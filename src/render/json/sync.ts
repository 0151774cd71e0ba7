// `launch sync --json` (./sync.schema.ts).
import type { SyncOutcome } from '../sync.js';
import type { SyncJson } from './sync.schema.js';

export const syncJson = (r: SyncOutcome): SyncJson => ({
  schema: 1,
  committed: r.commits.length > 0,
  commits: r.commits,
  pulled: r.pulled,
  pushed: r.pushed,
  upstream: r.upstream,
  attempts: r.attempts,
});
