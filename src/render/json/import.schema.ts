// `launch import <plan.md> [-o file] --json`: the Markdown plan converted to YAML.
// Inside a workspace and without -o, import is a plan update and prints PlanUpdateJson instead.
import { z } from 'zod';
import { PlanUpdateJson } from './plan-update.schema.js';
import { ImportWarningJson, PlanCountsJson, PlanId, SchemaVersion } from './shared.schema.js';

export const ImportJson = z.strictObject({
  schema: SchemaVersion,
  /** The imported plan's id. */
  plan: PlanId,
  /** The YAML file written, relative to the working directory. */
  output: z.string().min(1),
  counts: PlanCountsJson,
  warnings: z.array(ImportWarningJson),
});
export type ImportJson = z.infer<typeof ImportJson>;

/** Either outcome of `launch import --json`. */
export const ImportOutputJson = z.union([ImportJson, PlanUpdateJson]);
export type ImportOutputJson = z.infer<typeof ImportOutputJson>;
