// `launch sync --json`: what was committed, pulled and pushed. Refusals (no repository, no upstream,
// foreign changes) print no JSON: only an error on stderr.
import { z } from 'zod';
import { ItemStatus, SchemaVersion, Timestamp } from './shared.schema.js';

/** A status change, as the log holds it. */
const StatusChange = z.strictObject({
  actor: z.string(),
  type: z.enum(['check', 'uncheck', 'block', 'unblock']),
  ts: Timestamp,
  /** When it was typed, where that differs from ts. */
  recorded: Timestamp.optional(),
});

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
  /**
   * Events the pull took out of the log (a teammate deleted lines), by the commit that removed them;
   * commit and author are null when no single commit did.
   */
  removed: z.array(
    z.strictObject({
      commit: z.string().nullable(),
      author: z.string().nullable(),
      count: z.number().int().positive(),
      ids: z.array(z.string()),
    }),
  ),
  /** Where copies of the removed events were kept (`launch doctor --repair` appends them back). */
  backups: z.array(z.string()),
  /**
   * Items whose status changed in the merge because a teammate's change, typed after your last change
   * to the item, decides it now; in the order those changes were typed.
   */
  overridden: z.array(
    z.strictObject({
      item: z.string().min(1),
      /** Before the merge (null: no event had touched it) and now. */
      was: ItemStatus.nullable(),
      status: ItemStatus,
      /** The teammate's change that stands. */
      theirs: StatusChange,
      /** Your last change to the item. */
      yours: StatusChange,
      /** E.g. "bob unchecked page-transition-animations, which you checked". */
      text: z.string(),
    }),
  ),
});
export type SyncJson = z.infer<typeof SyncJson>;
