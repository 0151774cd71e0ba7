// Deeply nested Markdown: lists and quotes deeper than MAX_NESTING are refused before the parser (which
// slows down with the square of the depth) with the line; inline nesting, which the parser keeps
// within reason, is walked without recursion.
import type { Nodes, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { toString } from '../../src/core/import/mdast-text.js';
import { deepNesting, isImportRefused, MAX_NESTING } from '../../src/core/import/nesting.js';
import { shiftPositions } from '../../src/core/import/split-markdown.js';
import { fixture, seedMarkdown } from '../helpers.js';

const depthOf = (text: string) => deepNesting(text)?.depth;
/** The depth the scan gives a text's deepest line, with MAX_NESTING out of the way. */
function measured(text: string): number {
  for (let pad = 0; ; pad++) {
    const padded = `${'> '.repeat(pad)}${text.split('\n').join(`\n${'> '.repeat(pad)}`)}`;
    if (deepNesting(padded)) return MAX_NESTING + 1 - pad;
    if (pad > MAX_NESTING) return 0;
  }
}

describe('nesting depth, read from line prefixes', () => {
  it('counts quotes and list markers on one line, and list items nested by indentation', () => {
    expect(measured('> > > x')).toBe(3);
    expect(measured('>>> x')).toBe(3);
    expect(measured('- - - [ ] x')).toBe(3);
    expect(measured('1. 2) - x')).toBe(3);
    expect(measured('- a\n  - b\n    - c\n      - [ ] d')).toBe(4);
    expect(measured('- a\n    - b\n        - c')).toBe(3); // four spaces a level
    expect(measured('> - a\n>   - b\n>     - c')).toBe(4);
    expect(measured('- a\n\n  - b\n- c\nd')).toBe(2); // a blank line keeps the list open
  });

  it('is not fooled by what is not a marker, nor by code', () => {
    expect(measured('**bold** *em* -x +1 2026-12-01 # h')).toBe(0);
    expect(measured('```\n> > > > > > >\n- - - - - -\n```\nplain')).toBe(0);
    expect(measured('- a\n  ~~~\n  - - - - - -\n  ~~~')).toBe(1);
  });

  it('real plans are nowhere near the limit', () => {
    for (const text of [seedMarkdown(), fixture('plans/release-checklist.md'), fixture('plans/roadmap.md')]) expect(deepNesting(text)).toBeUndefined();
  });

  it('finds the first line over the limit, with CR, LF or CRLF endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# Plan', '', '- [ ] fine', '', `${'> '.repeat(MAX_NESTING + 1)}deep`, `${'- '.repeat(500)}deeper`].join(eol);
      expect(deepNesting(text)).toEqual({ line: 5, depth: MAX_NESTING + 1 });
    }
    expect(depthOf(`${'> '.repeat(MAX_NESTING)}x`)).toBeUndefined();
  });
});

describe('importing deeply nested Markdown', () => {
  const refusal = (text: string) => {
    try {
      importMarkdown(text);
    } catch (error) {
      if (isImportRefused(error)) return { line: error.line, message: error.message };
      throw error;
    }
    return undefined;
  };
  const HEAD = '# Deep\n\n## Sprint 1: S (Week 1)\n\n- [ ] fine\n\n';
  const REFUSED = { line: 7, message: `lists and quotes nest deeper than ${MAX_NESTING} levels here; launch reads at most ${MAX_NESTING}` };

  it('2,000 levels in a 4 KB line, quotes or lists: refused, with the line, at once', () => {
    expect(refusal(`${HEAD}${'> '.repeat(2000)}deep\n`)).toEqual(REFUSED);
    expect(refusal(`${HEAD}${'- '.repeat(2000)}deep\n`)).toEqual(REFUSED);
    expect(refusal(`${HEAD}${'1. '.repeat(2000)}deep\n`)).toEqual(REFUSED);
  });

  it('10,000 nested quotes, and lists nested by indentation line after line: refused at the first line too deep', () => {
    expect(refusal(`${HEAD}${'> '.repeat(10_000)}deep\n`)).toEqual(REFUSED);
    const quoted = Array.from({ length: 3000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n');
    expect(refusal(`${HEAD}${quoted}\n`)).toEqual({ ...REFUSED, line: 7 + MAX_NESTING });
    const indented = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- [ ] item ${i}`).join('\n');
    expect(refusal(`${HEAD}${indented}\n`)).toEqual({ ...REFUSED, line: 7 + MAX_NESTING });
  });

  it('up to the limit imports, the deepest checkbox included', () => {
    const { plan } = importMarkdown(`${HEAD}${'- '.repeat(MAX_NESTING - 1)}[ ] deepest\n`);
    expect(plan.items.map((i) => i.title)).toContain('deepest');
  });
});

describe('walks of the tree', () => {
  /** A paragraph with emphasis nested `depth` deep around "x". */
  function deep(depth: number): Paragraph {
    let node: Nodes = { type: 'text', value: 'x', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } };
    for (let i = 0; i < depth; i++) node = { type: 'emphasis', children: [node as never], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } };
    return { type: 'paragraph', children: [node as never] };
  }

  it('text of emphasis nested 200,000 deep', () => {
    expect(toString(deep(200_000))).toBe('x');
  });

  it('positions shifted through 200,000 levels', () => {
    const tree = deep(200_000);
    shiftPositions(tree, 10, 100);
    let node: Nodes = tree;
    while ('children' in node && node.children.length > 0) node = node.children[0] as Nodes;
    expect(node.position!.start).toEqual({ line: 11, column: 1, offset: 100 });
  });
});
