// A number with its noun, in the right number: "1 item", "2 items" — never "1 items" or "item(s)".
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
