// Chunk: YAML and zod, loaded only when a plan or config must really be parsed (snapshot miss,
// validate, import, init) — not on the start-up path of `today` or `check`.
export { checkPlanSanity } from '../core/plan/sanity.js';
export { PlanSchema } from '../core/plan/schema.js';
export { looksLikePlanYaml, parseAnyPlanYaml, parsePlanYaml, planToYaml } from '../core/plan/yaml.js';
export { configLine, configToYaml, parseConfigYaml } from '../core/config/yaml.js';
