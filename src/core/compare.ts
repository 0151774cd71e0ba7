/**
 * Code-unit order for ids, dates and names. `localeCompare` would load ICU's collator, which costs
 * more than a whole `launch today`; ISO dates and ids sort correctly by code unit anyway.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
