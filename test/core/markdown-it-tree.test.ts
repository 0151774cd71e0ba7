// Proof that markdown-it (markdown-it-tree.ts) reads plans as micromark did: every fixture plan and
// generated plan-like Markdown imports to the same YAML with the same warnings either way, and where
// markdown-it reads a text its tree is micromark's in everything the importer looks at.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { afterEach, describe, expect, it } from 'vitest';
import { importMarkdown, prepareMarkdown } from '../../src/core/import/markdown-import.js';
import { slowReason } from '../../src/core/import/markdown-it-checks.js';
import { Diverged, markdownItTree } from '../../src/core/import/markdown-it-tree.js';
import { toString } from '../../src/core/import/mdast-text.js';
import { micromarkTree, parseParts, useMicromarkOnly } from '../../src/core/import/parse-markdown.js';
import { planToYaml } from '../../src/core/plan/yaml.js';

const repoRoot = join(import.meta.dirname, '..', '..');
afterEach(() => useMicromarkOnly(false));

/** The import as YAML and warnings, read by micromark alone and by markdown-it where it can. */
function bothImports(text: string): { micromark: string; markdownIt: string } {
  const run = (micromark: boolean): string => {
    useMicromarkOnly(micromark);
    try {
      const { plan, warnings } = importMarkdown(text, { sourceName: 'plan.md' });
      return `${planToYaml(plan, 'plan.md')}\n${JSON.stringify(warnings, null, 1)}`;
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    } finally {
      useMicromarkOnly(false);
    }
  };
  return { micromark: run(true), markdownIt: run(false) };
}

/** What the importer reads of a tree: types, lines, depth, order, checks, lang, values and plain text. */
function project(tree: Nodes): string {
  const out: string[] = [];
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const pad = ' '.repeat(depth);
    const line = node.position?.start.line;
    switch (node.type) {
      case 'paragraph': case 'heading': case 'tableCell':
        out.push(`${pad}${node.type}${'depth' in node ? node.depth : ''} L${line} strong=${node.children[0]?.type === 'strong'} ${JSON.stringify(toString(node))}`);
        continue;
      case 'code': out.push(`${pad}code L${line} ${node.lang} ${JSON.stringify(node.value)}`); continue;
      case 'html': out.push(`${pad}html L${line} ${JSON.stringify(node.value.trim())}`); continue;
      case 'list': out.push(`${pad}list L${line} ordered=${node.ordered}`); break;
      case 'listItem': out.push(`${pad}li L${line} checked=${node.checked}`); break;
      default: out.push(`${pad}${node.type} L${line}`);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, depth + 1]);
  }
  return out.join('\n');
}

const partsOf = (text: string, every: number): string => [...parseParts(text, every)].map((p: Root) => project(p)).join('\n--\n');

function fixtures(): string[] {
  const dir = (d: string): string[] => readdirSync(join(repoRoot, d)).filter((f) => f.endsWith('.md')).map((f) => join(repoRoot, d, f));
  const shared = (() => {
    try {
      return dir('../shared/plans');
    } catch {
      return [];
    }
  })();
  return [...dir('test/fixtures/plans'), ...dir('test/fixtures/constructs'), ...dir('plans'), ...shared];
}

async function syntheticPlan(weeks: number): Promise<string> {
  const gen = (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-synthetic.mjs')).href)) as { syntheticPlan: (opts?: { weeks?: number }) => string };
  return gen.syntheticPlan({ weeks });
}

describe('markdown-it reads plans as micromark did', () => {
  it.each(fixtures())('imports %s to the same YAML and warnings', (file) => {
    const { micromark, markdownIt } = bothImports(readFileSync(file, 'utf8'));
    expect(markdownIt).toBe(micromark);
  });

  it('imports the synthetic plan (4 weeks) the same, parsed in parts', async () => {
    const text = await syntheticPlan(4);
    const { micromark, markdownIt } = bothImports(text);
    expect(markdownIt).toBe(micromark);
    expect(slowReason(text)).toBeUndefined();
    expect(partsOf(text, 256)).toBe((useMicromarkOnly(true), partsOf(text, 256)));
  });

  it('reads the whole synthetic plan without micromark', async () => {
    expect(markdownItTree(await syntheticPlan(2)).children.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------
// Generated plan-like Markdown, heavy on the inline marks where two parsers could disagree.

const WORDS = [
  'setup', 'Redis', 'deploy', 'the', 'and', 'x', 'Week 3', 'Day 2', '<500KB', '>80%', '🚀', '📅', '✅', 'ðŸš€', 'café',
  '**bold**', '**Team**:', '**Tasks**:', '*em*', '_em_', 'snake_case_name', '__init__', '_under_score', 'a*b*c', '***both***',
  '`code`', '`` a ` b ``', '`a | b`', '[link](https://example.com/a_b)', '[ref]', '[x]', '[ ]', '![img *alt*](i.png)',
  '<https://example.com/__tests__/>', 'https://github.com/o/r/tree/main/__tests__', 'www.example.com/__x__', 'http://a.b/*c*',
  'dev@example.com', 'a_b@example.com', '&amp;', '&copy;', '&#35;', '&#0;', '&nosuch;', '\\*', '\\_', '\\[', '\\', '<b>bold</b>',
  '<!-- c -->', '~5 days', '~~strike~~', '[^1]', '\u00a0', '*', '_', '**', '__', '[', ']', '<', '>', '|', '!', '(', ')', '#', '  ',
  '"q"', "it's", '--', '...', '\t',
];
/** Only what markdown-it reads itself (markdown-it-checks.ts), so that it is compared often. */
const TAME = WORDS.filter((w) => !/[~\u00a0\t]|\[\^|🚀|📅|✅|@|www|:\/\//.test(w));

function plans(words: string[], wild: boolean): fc.Arbitrary<string> {
  const inline = fc.constantFrom(...words);
  const text = fc.tuple(fc.array(inline, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ' ', '')).map(([ws, sep]) => ws.join(sep));
  const joined = fc.array(fc.tuple(inline, fc.constantFrom(' ', ' ', '', '  \n', '\n'))).map((ws) => ws.map(([w, s]) => w + s).join('').trim() || 'x');
  const box = fc.constantFrom('[ ] ', '[x] ', '[X] ', '', '', '[ ]\t', '[ ]  ', '[ ]', '[x]\n  ');
  const indent = fc.constantFrom('', '', '  ', '    ', '   ', '\t');
  const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
  const item = fc.tuple(indent, marker, box, joined).map(([i, m, b, t]) => `${i}${m} ${b}${t}`);
  const line = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('', '🚀 ', '📅 '), text).map(([n, e, t]) => `${'#'.repeat(n)} ${e}${t}`),
    item,
    item,
    joined,
    fc.constant(''),
    fc.constant(''),
    fc.tuple(text, text).map(([a, b]) => (wild ? `| Metric | Week 1 Target |\n|---|---|\n| ${a} | ${b} |` : `| ${a} | ${b} |`)),
    fc.tuple(fc.constantFrom('```', '~~~', '```bash', '``` sh x', '    '), text).map(([f, t]) => (f.trim() ? `${f}\n${t}\n${f.slice(0, 3)}` : `${f}${t}`)),
    text.map((t) => `> ${t}`),
    fc.constantFrom('---', '***', '===', 'Setext\n---', '<div>', '</div>', '<!-- note -->', ...(wild ? ['[ref]: https://example.com', '[^1]: a note'] : [])),
  );
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom('', '', ...(wild ? ['---\ntitle: T\n---\n'] : []), '\ufeff'), fc.boolean())
    .map(([lines, head, crlf]) => {
      const body = head + lines.join('\n') + '\n';
      return crlf ? body.replace(/\n/g, '\r\n') : body;
    });
}

describe('generated plan-like Markdown', () => {
  it('imports to the same YAML and warnings with markdown-it as with micromark', () => {
    fc.assert(
      fc.property(plans(WORDS, true), (md) => {
        const { micromark, markdownIt } = bothImports(md);
        expect(markdownIt).toBe(micromark);
      }),
      { numRuns: 60 },
    );
  });

  it('gives micromark\'s tree wherever markdown-it reads the text, also cut in parts', () => {
    let read = 0;
    fc.assert(
      fc.property(plans(TAME, false), (md) => {
        const prepared = prepareMarkdown(md).text;
        if (slowReason(prepared) !== undefined) return;
        let tree: Root;
        try {
          tree = markdownItTree(prepared);
        } catch (error) {
          if (error instanceof Diverged) return;
          throw error;
        }
        read++;
        expect(project(tree)).toBe(project(micromarkTree(prepared)));
        const cut = partsOf(prepared, 64);
        useMicromarkOnly(true);
        expect(cut).toBe(partsOf(prepared, 64));
      }),
      { numRuns: 250 },
    );
    // The generator must leave markdown-it something to read, or this proves nothing.
    expect(read).toBeGreaterThan(50);
  });
});
