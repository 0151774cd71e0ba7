export const PLAN_SCHEMA_VERSION = 1;
