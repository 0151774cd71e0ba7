export const PLAN_SCHEMA_VERSION = 1;

/**
 * Where the published JSON Schemas (schemas/ in the package) are read from by editors: plan.yaml names
 * the plan's in its first line, for yaml-language-server. The package's unpkg URL, because a plan.yaml is
 * committed and shared: a path into one person's installation (global, npx or node_modules) would be
 * wrong on the next machine, while this URL is the same everywhere and the editor caches what it fetched.
 * Unversioned: the latest schema of plan format PLAN_SCHEMA_VERSION, which only ever widens.
 */
export const SCHEMA_URL_BASE = 'https://unpkg.com/@launch-cli/launch/schemas/';

/** The first line of every plan.yaml launch writes. */
export const PLAN_SCHEMA_COMMENT = `# yaml-language-server: $schema=${SCHEMA_URL_BASE}plan.schema.json`;
