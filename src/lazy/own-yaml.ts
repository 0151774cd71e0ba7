// Chunk: plan.yaml and config.yaml exactly as launch writes them, read without the yaml library (zod
// checks them as always): what a command loads after a `git pull` changed the plan.
export { parseEmittedPlan } from '../core/plan/yaml-own.js';
export { parseEmittedConfig } from '../core/config/config-own.js';
