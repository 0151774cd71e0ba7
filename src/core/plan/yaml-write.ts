// A plan written as YAML, and whether a file is one: all that writing a plan needs, apart from
// ./yaml.ts so that `import` loads neither zod nor the yaml library (see src/lazy/plan-write.ts).
import type { Plan } from './schema.js';
import { sourceHeader } from './source-header.js';
import { PLAN_SCHEMA_COMMENT } from './version.js';
import { toYaml } from './yaml-emit.js';

export function planToYaml(plan: Plan, sourceName?: string): string {
  // The schema line first, so an editor with the YAML language server checks and completes the file.
  return `${PLAN_SCHEMA_COMMENT}\n${sourceName ? sourceHeader(sourceName) : ''}${toYaml(plan)}`;
}

/**
 * Whether a file is a launch plan, as far as replacing it goes: its top-level keys include schema,
 * id and items. Parsing the whole YAML to tell took 5 s of a 10,000-item plan's 9 s import -o over
 * its last output (cpu profile); a plan that no longer validates is still a plan to replace.
 */
export function looksLikePlanYaml(text: string): boolean {
  const keys = new Set(Array.from(text.matchAll(/^(schema|id|items):/gm), (m) => m[1]));
  return keys.size === 3;
}
