// Plan files exactly as launch writes them, read without the yaml library (./yaml-read.ts) and checked
// as every plan is. Apart from ./yaml.ts so that a command reading such a file (the first run after a
// `git pull` changed plan.yaml) does not even load the library.
import { checkPlanSanity } from './sanity.js';
import { type Plan, PlanSchema } from './schema.js';
import { headerAt, sourceHeader } from './source-header.js';
import { PLAN_SCHEMA_COMMENT } from './version.js';
import { readEmittedYaml } from './yaml-read.js';

const SCHEMA_LINE = `${PLAN_SCHEMA_COMMENT}\n`;


/** The value of a plan file exactly as planToYaml writes it (./yaml-read.ts), else undefined. */
export function readEmittedPlan(file: string): unknown {
  // The schema line, then the source's (./yaml.ts planToYaml); plans written before either lack them.
  const text = file.startsWith(SCHEMA_LINE) ? file.slice(SCHEMA_LINE.length) : file;
  if (!text.startsWith('#')) return readEmittedYaml(text);
  const header = headerAt(text);
  return header && sourceHeader(header.name) === text.slice(0, header.length) ? readEmittedYaml(text.slice(header.length)) : undefined;
}

/** The plan, if the file is exactly as launch writes it and the plan passes every check; else undefined. */
export function parseEmittedPlan(text: string): Plan | undefined {
  const emitted = readEmittedPlan(text);
  if (emitted === undefined) return undefined;
  const parsed = PlanSchema.safeParse(emitted);
  return parsed.success && checkPlanSanity(parsed.data).length === 0 ? parsed.data : undefined;
}
