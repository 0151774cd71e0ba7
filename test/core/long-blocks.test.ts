// Blocks too long to parse in reasonable time are refused before parsing, with their first line;
// lists, blank-line separated text and fenced code of any length are not.
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { longBlock, MAX_BLOCK_LINES } from '../../src/core/import/long-blocks.js';
import { isImportRefused } from '../../src/core/import/nesting.js';

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

describe('longBlock', () => {
  it.each([
    ['a paragraph', (n: number) => lines(n, (i) => `words ${i}`)],
    ['a quote', (n: number) => lines(n, (i) => `> quoted ${i}`)],
    ['a table', (n: number) => `| a |\n|---|\n${lines(n - 2, (i) => `| ${i} |`)}`],
    ['one item with its nested items', (n: number) => `- top\n${lines(n - 1, (i) => `  - nested ${i}`)}`],
  ])('%s of MAX_BLOCK_LINES lines passes, one line more is refused at its first line', (_name, block) => {
    expect(longBlock(`# Plan\n\n${block(MAX_BLOCK_LINES)}\n`)).toBeUndefined();
    expect(longBlock(`# Plan\n\n${block(MAX_BLOCK_LINES + 1)}\n`)).toBe(3);
  });

  it('top-level list items, blank lines and fenced code start the count again', () => {
    expect(longBlock(lines(3 * MAX_BLOCK_LINES, (i) => `- [ ] item ${i}`))).toBeUndefined();
    expect(longBlock(lines(3 * MAX_BLOCK_LINES, (i) => (i % 1000 === 999 ? '' : `words ${i}`)))).toBeUndefined();
    expect(longBlock(`\`\`\`\n${lines(3 * MAX_BLOCK_LINES, (i) => `code ${i}`)}\n\`\`\`\n`)).toBeUndefined();
    expect(longBlock(`~~~\n\`\`\`\n${lines(MAX_BLOCK_LINES + 10, (i) => `code ${i}`)}\n~~~\nafter\n`)).toBeUndefined();
  });

  it('the importer refuses such a plan with the line, before parsing (a 2 MB paragraph took 150 s)', () => {
    const text = `# Plan\n\nintro\n\n${lines(200_000, (i) => `para line ${i}`)}\n`;
    let error: unknown;
    try {
      importMarkdown(text);
    } catch (e) {
      error = e;
    }
    expect(isImportRefused(error)).toBe(true);
    expect((error as { line: number }).line).toBe(5);
    expect((error as Error).message).toMatch(/more than 5,000 lines without a blank line from here/);
  });
});
