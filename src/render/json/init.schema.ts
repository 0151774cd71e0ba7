// `launch init --json`: the workspace created.
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
  /** The .gitattributes file holding the merge=union rule (absolute path); null outside git. */
  gitattributes: z.string().nullable(),
});
export type InitJson = z.infer<typeof InitJson>;
