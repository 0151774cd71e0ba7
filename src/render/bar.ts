/** A progress bar of block characters: the numbers beside it carry the meaning, the bar the feel. */
export function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
