// `launch import`, `validate` and `init` with --json (./import.schema.ts, ./validate.schema.ts,
// ./init.schema.ts).
import type { PlanCounts } from '../../core/plan/counts.js';
import type { ImportJson } from './import.schema.js';
import type { InitJson } from './init.schema.js';
import type { ValidateJson } from './validate.schema.js';

type Warning = { line: number; message: string };

export const importJson = (plan: string, output: string, counts: PlanCounts, warnings: Warning[]): ImportJson => ({ schema: 1, plan, output, counts, warnings });

export const validateJson = (file: string, problems: ValidateJson['problems'], warnings: Warning[], counts: PlanCounts | undefined): ValidateJson => ({
  schema: 1,
  file,
  valid: problems.length === 0,
  problems,
  warnings,
  ...(counts ? { counts } : {}),
});

export const initJson = (fields: Omit<InitJson, 'schema'>): InitJson => ({ schema: 1, ...fields });
