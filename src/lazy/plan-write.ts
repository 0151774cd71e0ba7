// Chunk: what `import` needs to write a plan it made (sanity checks, the emitter), without zod or the
// yaml library: loading them was ~2% of importing a 10,000-item plan, and the importer's output is
// held to the schema by tests (src/commands/import.ts says why).
export { checkPlanSanity } from '../core/plan/sanity.js';
export { looksLikePlanYaml, planToYaml } from '../core/plan/yaml-write.js';
