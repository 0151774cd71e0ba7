// The split/merge behind parsing a large plan in parts: the merged tree must be exactly the tree one
// parse of the whole text gives, positions included, or the parse must refuse to split.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMarkdown } from '../../src/core/import/markdown-import.js';
import { continueList, PART_CHARS, parseParts, useMicromarkOnly } from '../../src/core/import/parse-markdown.js';
import { eachCutPoint, endsClean, findSplits, type SplitPoint, shiftPositions } from '../../src/core/import/split-markdown.js';
import { repoRoot, seedMarkdown } from '../helpers.js';

// These compare whole mdast trees, every position and field, so they check the cutting on micromark's
// reading, the one that gives all of them. markdown-it's parts (which carry only what the importer
// reads) are checked against micromark's, cut and whole, in markdown-it-tree.test.ts.
beforeAll(() => useMicromarkOnly(true));
afterAll(() => useMicromarkOnly(false));

/** The parts' trees as one, the way the importer reads them: every part's nodes, in order. */
function mergeParts(parts: readonly Root[]): Root {
  return {
    type: 'root',
    children: parts.flatMap((part) => part.children),
    position: { start: parts[0]!.position!.start, end: parts.at(-1)!.position!.end },
  };
}

/** The tree of `text` parsed in parts of about `partChars` (`Infinity`: one parse of the whole). */
const parseMarkdownTree = (text: string, partChars = PART_CHARS): Root => mergeParts([...parseParts(text, partChars)]);

/** The cut point nearest the middle: one cut, checked the way parseParts checks each. */
function findSplit(text: string): SplitPoint | undefined {
  const middle = text.length / 2;
  let best: SplitPoint | undefined;
  eachCutPoint(text, (point) => {
    if (!best || Math.abs(point.index - middle) < Math.abs(best.index - middle)) best = point;
    return true;
  });
  return best;
}

/** Both parts parsed alone, then merged. */
function parseInParts(text: string): { tree: Root; clean: boolean } | undefined {
  const split = findSplit(text);
  if (!split) return undefined;
  const firstText = text.slice(0, split.index);
  const first = parseMarkdownTree(firstText, Infinity);
  const second = parseMarkdownTree(text.slice(split.index), Infinity);
  shiftPositions(second, split.lines, split.index);
  const clean = endsClean(first, firstText.length) && (!split.list || continueList([first], second, split.list.blankBefore));
  return { tree: mergeParts([first, second]), clean };
}

function expectSameAsWhole(text: string): void {
  const parts = parseInParts(text);
  expect(parts, 'a split point').toBeDefined();
  expect(parts!.clean).toBe(true);
  expect(parts!.tree).toStrictEqual(parseMarkdownTree(text, Infinity));
}

/** The text of the line the split falls on. */
function splitLine(text: string): string | undefined {
  const split = findSplit(text);
  return split && text.slice(split.index).split(/\r\n|\r|\n/)[0];
}

const filler = (n: number, tag: string): string =>
  Array.from({ length: n }, (_, i) => `- [ ] ${tag} item ${i} with some words`).join('\n');

/** The benchmark's synthetic plan: 100 weeks of 100 checklist items by default (~600 KB). */
async function syntheticPlan(opts?: { weeks?: number }): Promise<string> {
  const gen = (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-synthetic.mjs')).href)) as { syntheticPlan: (opts?: { weeks?: number }) => string };
  return gen.syntheticPlan(opts);
}

describe('findSplit: where a document may be cut', () => {
  it('picks the ATX heading nearest the middle', () => {
    const text = ['# Title', '', filler(5, 'a'), '', '## Early', '', filler(20, 'b'), '', '## Middle', '', filler(20, 'c'), '', '## Late', '', filler(5, 'd'), ''].join('\n');
    expect(splitLine(text)).toBe('## Middle');
  });

  it('reports the line endings before the cut and its UTF-16 index', () => {
    const text = 'a\n\n## b\n';
    expect(findSplit(text)).toEqual({ index: 3, lines: 2 });
    expect(findSplit('a\r\n\r\n## b\r\n')).toEqual({ index: 5, lines: 2 });
    expect(findSplit('a\r\r## b\r')).toEqual({ index: 3, lines: 2 });
    // 🚀 is two UTF-16 code units: offsets in mdast count code units, and so does the index.
    expect(findSplit('🚀\n\n## b\n')).toEqual({ index: 4, lines: 2 });
  });

  it.each([
    ['no blank line before it (a paragraph could still be open)', 'text\n## a\n'],
    ['indented (could be a list item continuation)', 'text\n\n  ## a\n'],
    ['no space after the hashes', 'text\n\n##a\n'],
    ['seven hashes (a paragraph, not a heading)', 'text\n\n####### a\n'],
    ['a setext heading', 'text\n\nHeading\n-------\n'],
    ['nothing but the first line', '## a\n'],
  ])('does not cut at a line with %s', (_why, text) => {
    expect(findSplit(text)).toBeUndefined();
  });

  it.each([
    ['a backtick fence', '```md\n\n## in code\n```\n'],
    ['a tilde fence', '~~~\n\n## in code\n~~~\n'],
    ['a fence closed only by a long enough marker', '````\n```\n\n## in code\n````\n'],
    ['a fence closed only by the same character', '```\n~~~\n\n## in code\n```\n'],
    ['a fence whose closing line has text after it', '```\n``` not a close\n\n## in code\n```\n'],
    ['an indented fence', '   ```\n\n## in code\n   ```\n'],
    ['an HTML comment', '<!--\n\n## in comment\n-->\n'],
    ['a script element', '<script>\n\n## in script\n</script>\n'],
    ['a pre element', '<pre>\n\n## in pre\n</pre>\n'],
    ['a processing instruction', '<?php\n\n## in php\n?>\n'],
    ['a declaration', '<!DOCTYPE\n\n## in declaration\n>\n'],
    ['a CDATA section', '<![CDATA[\n\n## in cdata\n]]>\n'],
  ])('does not cut inside %s', (_why, inside) => {
    const text = `# T\n\n${inside}`;
    expect(splitLine(text)).toBeUndefined();
    // The construct closed, the next heading is fair game again.
    expect(splitLine(`${text}\n## after\n`)).toBe('## after');
  });

  it('reads a backtick line with a backtick in its info string as text, not a fence', () => {
    expect(splitLine('# T\n\n``` a`b\n\n## real\n')).toBe('## real');
  });

  it('ends an HTML block on its first line when the end marker is there', () => {
    expect(splitLine('# T\n\n<!-- one line -->\n\n## real\n')).toBe('## real');
  });

  it('does not cut inside front matter', () => {
    expect(splitLine('---\ntitle: x\n\n## in yaml\n---\n\n## real\n')).toBe('## real');
    expect(splitLine('---\r\n---\r\n\r\n## real\r\n')).toBe('## real');
  });

  it('refuses to split after a `---` line 1 that never closes', () => {
    // Such a line 1 once changed how every later line parsed (micromark-extension-frontmatter#5).
    const text = '---\ntitle: x\n\n## Middle\n\n- item\n';
    expect(findSplit(text)).toBeUndefined();
  });

  it.each([
    ['a link reference definition', '[docs]: https://example.com'],
    ['a footnote definition', '[^1]: A note.'],
    ['a definition inside a list item', '- [x]: https://example.com'],
  ])('refuses to split a document with %s anywhere', (_why, line) => {
    const text = `# T\n\nSee [docs] and [^1].\n\n## Middle\n\n${line}\n`;
    expect(findSplit(text)).toBeUndefined();
  });
});

describe('shiftPositions', () => {
  it('moves lines and offsets, never columns, of every node', () => {
    const tree = parseMarkdownTree('## a *b*\n');
    shiftPositions(tree, 10, 100);
    const emphasis = (tree.children[0] as { children: { position: unknown }[] }).children[1]!;
    expect(emphasis.position).toEqual({ start: { line: 11, column: 6, offset: 105 }, end: { line: 11, column: 9, offset: 108 } });
    expect(tree.position).toEqual({ start: { line: 11, column: 1, offset: 100 }, end: { line: 12, column: 1, offset: 109 } });
  });
});

describe('merged parts equal one parse of the whole', () => {
  it('for the seed plan', () => {
    expectSameAsWhole(prepareMarkdown(seedMarkdown()).text);
  });

  it('for the synthetic plan, 1,000 items of it', async () => {
    // One cut, so size adds nothing here: a 3,000-item plan is parsed in parts below.
    const text = await syntheticPlan({ weeks: 10 });
    expect(findSplit(text)!.index / text.length).toBeCloseTo(0.5, 2);
    expectSameAsWhole(text);
  });

  it.each(['plans', 'constructs'])('for every fixture in test/fixtures/%s that has a split point', (dir) => {
    const folder = join(repoRoot, 'test', 'fixtures', dir);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
      const text = prepareMarkdown(readFileSync(join(folder, file), 'utf8')).text;
      if (findSplit(text)) expectSameAsWhole(text);
    }
  });

  const plan = (weeks: number, eol = '\n'): string => {
    const out = ['# Plan', ''];
    for (let w = 1; w <= weeks; w++) {
      out.push(`## Week ${w}`, '', `Intro to week ${w} with 🚀 and 📅 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.`, '', filler(4, `w${w}`), '');
      out.push('```md', '## not a heading', '', '## still code', '```', '');
      out.push('~~~~', '~~~', '', '# code too', '~~~~', '');
      out.push('<!-- a comment', '', '## in the comment', '-->', '');
      out.push('| a | b |', '|---|---|', '| 1 | 2 |', '');
      out.push('> quoted', '> ## quoted heading', '');
      out.push('1. one', '', '   two paragraphs', '2. two', '');
      out.push('\tindented\tcode', '');
    }
    return out.join(eol);
  };

  it('with fences and HTML blocks holding heading-like lines', () => {
    expectSameAsWhole(plan(12));
  });

  it('with CRLF and with CR line endings', () => {
    expectSameAsWhole(plan(12, '\r\n'));
    expectSameAsWhole(plan(12, '\r'));
  });

  it('with front matter', () => {
    expectSameAsWhole(`---\ntitle: Plan\nid: p\n---\n\n${plan(6)}`);
    expectSameAsWhole(`---\r\ntitle: Plan\r\n---\r\n${plan(6, '\r\n')}`);
  });

  it('with astral characters (two UTF-16 units each) all before the split', () => {
    const text = `# 🚀${'🚀'.repeat(500)}\n\n${'📅 '.repeat(300)}\n\n## Second half\n\ntext *em* **strong** \`code\`\n`;
    expect(splitLine(text)).toBe('## Second half');
    expectSameAsWhole(text);
  });

  it('when micromark reads a block across the cut that the scan missed, endsClean says so', () => {
    // The scan takes the list item's fence for a top-level one and the top-level fence for its
    // close, so it proposes a line that is code: the first part's own parse gives that away.
    // (After a line that may open an HTML block, the item starts no run of list lines, so its lines
    // are scanned as if at top level.)
    const text = '# T\n\n<b>x</b>\n- item\n\n  ```js\n  x\n\n```\n\n## inside a fence\n\nmore\n```\n';
    const parts = parseInParts(text)!;
    expect(splitLine(text)).toBe('## inside a fence');
    expect(parts.clean).toBe(false);
  });
});

describe('merged parts equal one parse of the whole (generated documents)', () => {
  const inline = fc.constantFrom('plain', '🚀 rocket', '*em*', '**strong**', '`code`', 'https://example.com', '~~gone~~', '<b>x</b>', 'a\tb', 'é');
  const text = fc.array(inline, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
  const block = fc.oneof(
    text,
    text.map((t) => `## ${t}`),
    text.map((t) => `#### ${t}`),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => ts.map((t) => `- [ ] ${t}`).join('\n')),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => ts.map((t, i) => `${i + 1}. ${t}`).join('\n\n')),
    text.map((t) => `> ${t}\n> ## ${t}`),
    text.map((t) => `\`\`\`\n## ${t}\n\n# ${t}\n\`\`\``),
    text.map((t) => `~~~ info\n\n## ${t}\n~~~`),
    text.map((t) => `<!--\n\n## ${t}\n-->`),
    text.map((t) => `<div>\n${t}\n</div>`),
    text.map((t) => `| a | b |\n|---|---|\n| ${t} | x |`),
    text.map((t) => `    ## indented ${t}`),
    text.map((t) => `- item\n\n  \`\`\`\n  ${t}`),
    fc.constant('```'),
    fc.constant('<!--'),
    fc.constant('---'),
    // Lists, which may be cut between items: continued, loose, nested, lazy, other markers.
    text.map((t) => `- ${t}\n  continued ${t}\n- b\n\n- c`),
    text.map((t) => `* ${t}\n* y\n- z`),
    text.map((t) => `+ ${t}\n\n+ y\n\n\n+ z`),
    text.map((t) => `1) ${t}\n2) b\n3. c`),
    text.map((t) => `- a\n  \`\`\`\n  ${t}\n- b\n\`\`\`\n- c`),
    text.map((t) => `- a\n    - nested ${t}\n      more\n- b\n   - three`),
    text.map((t) => `- a\nlazy ${t}\n- b`),
    text.map((t) => `- a\n- - -\n- b\n* * *`),
    text.map((t) => `-\t${t}\n- b\n \tc\n- d`),
    text.map((t) => `- a\n\n  para ${t}\n- b\n <div>\n- c`),
    text.map((t) => `-     code ${t}\n- b\n     x`),
    text.map((t) => `## ${t}\n- [ ] a\n- [ ] b\n#### c\n1. d\n2. e`),
    text.map((t) => `<div>\n## ${t}\n- a\n- b`),
    text.map((t) => `para ${t}\n## h\n- a\n- b`),
    text.map((t) => `para ${t}\n- a\n- b\n2. c\n1. d\n2. e`),
    text.map((t) => `| a |\n|---|\n| ${t} |\n- a\n- b`),
    text.map((t) => `> q ${t}\n- a\n- b`),
    text.map((t) => `<table>\n- a ${t}\n- b\n\n- c\n- d`),
  );
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', '\n  \n');

  it('whenever a split is proposed and the first part ends clean', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(block, separator), { minLength: 2, maxLength: 14 }), eol, (blocks, ending) => {
        const doc = blocks.map(([b, sep]) => b + sep).join('').replace(/\n/g, ending);
        const parts = parseInParts(doc);
        if (!parts?.clean) return;
        expect(parts.tree).toStrictEqual(parseMarkdownTree(doc, Infinity));
      }),
      { numRuns: 150 },
    );
  });

  it('parseMarkdownTree cut at every cut point gives the one-parse tree', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(block, separator), { minLength: 2, maxLength: 14 }), eol, (blocks, ending) => {
        const doc = blocks.map(([b, sep]) => b + sep).join('').replace(/\n/g, ending);
        expect(parseMarkdownTree(doc, 1)).toStrictEqual(parseMarkdownTree(doc, Infinity));
      }),
      { numRuns: 150 },
    );
  });
});

describe('a long list is cut between its items', () => {
  const items = (n: number, sep: string, marker = (i: number) => '-') =>
    Array.from({ length: n }, (_, i) => `${marker(i)} [ ] task ${i} with some words`).join(sep);

  it.each([
    ['tight', `# Plan\n\n${items(250, '\n')}\n`],
    ['loose', `# Plan\n\n${items(250, '\n\n')}\n`],
    ['ordered', `# Plan\n\n${items(250, '\n', (i) => `${i + 1}.`)}\n`],
    ['with continuation lines and nested items', `# Plan\n\n${items(150, '\n  more words\n    - [ ] nested\n')}\n`],
    ['CRLF', `# Plan\r\n\r\n${items(250, '\r\n')}\r\n`],
  ])('%s: many cuts, each between two items, and the one-parse tree', (_name, text) => {
    // Parts of 1 KB: as many cuts as 4 KB parts of a list four times as long, for a quarter of the time.
    const cuts = findSplits(text, 1024);
    expect(cuts.length).toBeGreaterThan(5);
    expect(cuts.every((c) => c.list !== undefined)).toBe(true);
    const whole = parseMarkdownTree(text, Infinity);
    expect(whole.children.filter((n) => n.type === 'list')).toHaveLength(1);
    expect(parseMarkdownTree(text, 1024)).toStrictEqual(whole);
  });

  it('a list right after a heading is cut too', () => {
    const text = `# Plan\n\n## Week 1\n${items(250, '\n')}\n`;
    expect(findSplits(text, 1024).length).toBeGreaterThan(5);
    expect(parseMarkdownTree(text, 1024)).toStrictEqual(parseMarkdownTree(text, Infinity));
  });

  it('a list right after a paragraph line is cut too, unless an HTML block may be open', () => {
    const text = `# Plan\n\nSome words.\n${items(250, '\n')}\n`;
    expect(findSplits(text, 1024).length).toBeGreaterThan(5);
    expect(parseMarkdownTree(text, 1024)).toStrictEqual(parseMarkdownTree(text, Infinity));
  });

  it('a list after a line that may open an HTML block is not cut', () => {
    expect(findSplits(`<div>\n${items(250, '\n')}\n`, 1024)).toEqual([]);
    expect(findSplits(`<div>\n## inside the HTML block\n${items(250, '\n')}\n`, 1024)).toEqual([]);
  });

  it('another marker starts another list: no cut there, but within it', () => {
    const text = `${items(60, '\n')}\n${items(60, '\n', () => '*')}\n`;
    const lines = text.split('\n');
    eachCutPoint(`\n${text}`, (p) => {
      expect(lines[p.lines - 1]![0]).toBe(p.index - 1 < text.indexOf('*') ? '-' : '*');
      return true;
    });
    expect(parseMarkdownTree(`\n${text}`, 1)).toStrictEqual(parseMarkdownTree(`\n${text}`, Infinity));
  });
});

describe('parseMarkdownTree on a large plan', () => {
  let synthetic: string;
  /**
   * One parse of the whole 3,000-item plan (30 weeks), made once, before the test that compares with
   * it. Not the 10,000-item one: a parse that long, on a loaded machine, held the worker past vitest's
   * RPC timeout, and 45 cuts show what 150 do.
   */
  let whole: Root | undefined;
  beforeAll(async () => {
    synthetic = await syntheticPlan({ weeks: 30 });
    whole = parseMarkdownTree(synthetic, Infinity);
  });
  afterAll(() => {
    whole = undefined; // about a hundred MB
  });

  it('finds the cut nearest the middle of the 3,000-item plan', () => {
    expect(findSplit(synthetic)!.index / synthetic.length).toBeCloseTo(0.5, 2);
  });

  it('parses the 3,000-item plan in parts into exactly the one-parse tree', () => {
    expect(findSplits(synthetic, PART_CHARS).length).toBeGreaterThan(20);
    expect(parseMarkdownTree(synthetic)).toStrictEqual(whole);
  });

  // The next two need several parts of PART_CHARS (4 KB), not the whole plan: a part of it will do.
  it('keeps positions exact with CRLF line endings and astral characters', () => {
    const text = `# 🚀 ${'📅'.repeat(2000)}\r\n\r\n${synthetic.slice(0, 50_000).replace(/\n/g, '\r\n')}\r\n\r\n## Tail 🚀\r\n\r\n- [ ] last\r\n`;
    expect(findSplits(text, PART_CHARS).length).toBeGreaterThan(5);
    expect(parseMarkdownTree(text)).toStrictEqual(parseMarkdownTree(text, Infinity));
  });

  it('takes the next part in when a part leaves a block open across a cut', () => {
    // The scan takes the list item's fence for a top-level one and the top-level ``` for its close;
    // a cut then falls inside that top-level fence, which the part's own parse reveals.
    const half = synthetic.slice(0, 20_000);
    const text = `${half}\n\n<b>x</b>\n- item\n\n  \`\`\`js\n  x\n\n\`\`\`\n\n## inside a fence\n\n${half}\n\`\`\`\n`;
    expect(parseMarkdownTree(text, 1)).toStrictEqual(parseMarkdownTree(text, Infinity));
  });

  it('does not cut a document with a reference definition anywhere', () => {
    expect(findSplits(`[ref]: https://example.com\n\n${synthetic.slice(0, 100_000)}`, PART_CHARS)).toEqual([]);
  });
});
