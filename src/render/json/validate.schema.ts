// `launch validate <plan> --json`: printed whether or not the plan is valid (exit 1 when it is not).
import { z } from 'zod';
import { ImportWarningJson, PlanCountsJson, SchemaVersion } from './shared.schema.js';

export const PlanProblemJson = z.strictObject({
  /** Line in the file, when the problem has one. */
  line: z.number().int().positive().optional(),
  /** Dotted path of the offending field ("items.3.weeks"); "" for the whole plan. */
  path: z.string(),
  message: z.string(),
});

export const ValidateJson = z.strictObject({
  schema: SchemaVersion,
  /** The file as given on the command line. */
  file: z.string(),
  valid: z.boolean(),
  problems: z.array(PlanProblemJson),
  /** Only a Markdown plan has import warnings. */
  warnings: z.array(ImportWarningJson),
  /** Absent when a YAML plan did not parse. */
  counts: PlanCountsJson.optional(),
});
export type ValidateJson = z.infer<typeof ValidateJson>;
