// `launch init --json`: the workspace created, changed (--force) or joined (--as alone in an existing one).
import { z } from 'zod';
import { IsoDate, PlanId, SchemaVersion } from './shared.schema.js';

export const InitJson = z.strictObject({
  schema: SchemaVersion,
  /** The workspace directory, relative to the working directory. */
  dir: z.string().min(1),
  plan: PlanId,
  /** The --start date (week 1 is the week containing it). */
  start: IsoDate,
  weekOneStarts: IsoDate,
  /** IANA time zone. */
  timeZone: z.string().min(1),
  /** An existing event log was kept (init --force). */
  keptLog: z.boolean(),
  /** The .gitattributes file holding the merge=union rule (absolute path); null outside git, and when joining. */
  gitattributes: z.string().nullable(),
  /** The name --as wrote to this clone's .launch/actor; null without --as. */
  actor: z.string().min(1).nullable(),
  /** The files in the workspace directory this run created or changed (plan.yaml, config.yaml, events.jsonl, actor, .gitignore). */
  written: z.array(z.string().min(1)),
});
export type InitJson = z.infer<typeof InitJson>;
