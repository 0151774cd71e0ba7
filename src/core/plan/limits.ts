// How much a plan may hold, apart from the schema so that checking it loads no validator.

/**
 * More items than any sprint plan needs (the bench's large plan has 10,000), and few enough that the
 * largest plan launch accepts imports and is read in bounded time and memory (README: Performance).
 */
export const MAX_PLAN_ITEMS = 50_000;

/** What an id may be: lower-case letters, digits and dashes, not starting with a dash. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
