// `launch sync --json`: what was committed, pulled and pushed. Refusals (no repository, no upstream,
// foreign changes) print no JSON: only an error on stderr.
import { z } from 'zod';
import { SchemaVersion } from './shared.schema.js';

export const SyncJson = z.strictObject({
  schema: SchemaVersion,
  committed: z.boolean(),
  /** Messages of the commits made. */
  commits: z.array(z.string()),
  /** Teammates' events that arrived, per actor (alphabetical). */
  pulled: z.array(
    z.strictObject({
      actor: z.string(),
      /** Event type → how many. */
      counts: z.record(z.string(), z.number().int().positive()),
    }),
  ),
  pushed: z.boolean(),
  /** E.g. "origin/main". */
  upstream: z.string().min(1),
  /** Pull-rebase-push rounds (a push rejected because someone pushed meanwhile is retried). */
  attempts: z.number().int().min(1).max(3),
});
export type SyncJson = z.infer<typeof SyncJson>;
