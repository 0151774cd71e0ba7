// The two-thread Markdown parse as built: the worker exists only in dist/, so these tests run the
// built binary and the built chunk (run `npm run build` first; `npm test` does).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdownTree } from '../../src/core/import/parse-markdown.js';
import type { ParseOutcome } from '../../src/io/parallel-markdown.js';
import { repoRoot } from '../helpers.js';
import { launch, tempDir } from './run.js';

const dist = join(repoRoot, 'dist');
type Env = Record<string, string | undefined>;
let parseMarkdownFast: (text: string, env?: Env) => Promise<ParseOutcome>;
let synthetic: string;

beforeAll(async () => {
  if (!existsSync(join(dist, 'markdown-worker.cjs'))) throw new Error('dist/markdown-worker.cjs is missing: run `npm run build` first');
  ({ parseMarkdownFast } = createRequire(import.meta.url)(join(dist, 'markdown-fast.cjs')) as { parseMarkdownFast: typeof parseMarkdownFast });
  const gen = (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-synthetic.mjs')).href)) as { syntheticPlan: () => string };
  synthetic = gen.syntheticPlan();
});

describe('launch import of a large plan (built binary)', () => {
  it('writes the same bytes and prints the same report on two threads as on one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.md'), synthetic);
    const parallel = launch(['import', 'big.md', '-o', 'parallel.yaml'], { cwd: dir });
    const sequential = launch(['import', 'big.md', '-o', 'sequential.yaml'], { cwd: dir, env: { LAUNCH_PARSE_THREADS: '1' } });
    expect(parallel.code).toBe(0);
    expect(sequential.code).toBe(0);
    expect(parallel.stdout.replace('parallel.yaml', 'X')).toBe(sequential.stdout.replace('sequential.yaml', 'X'));
    expect(parallel.stderr).toBe(sequential.stderr);
    const yaml = readFileSync(join(dir, 'parallel.yaml'));
    expect(yaml.length).toBeGreaterThan(100_000);
    expect(yaml.equals(readFileSync(join(dir, 'sequential.yaml')))).toBe(true);
  }, 60_000);
});

describe('parseMarkdownFast (built chunk and worker)', () => {
  it('parses the synthetic plan in two parts into exactly the one-parse tree', async () => {
    const fast = await parseMarkdownFast(synthetic, {});
    expect(fast).toMatchObject({ parts: 2, why: expect.stringMatching(/^split at line \d+$/) });
    expect(fast.tree).toStrictEqual(parseMarkdownTree(synthetic));
  }, 60_000);

  it('keeps positions exact with CRLF line endings and astral characters before the split', async () => {
    const text = `# 🚀 ${'📅'.repeat(2000)}\r\n\r\n${synthetic.slice(0, 300_000).replace(/\n/g, '\r\n')}\r\n\r\n## Tail 🚀\r\n\r\n- [ ] last\r\n`;
    const fast = await parseMarkdownFast(text, {});
    expect(fast).toMatchObject({ parts: 2, why: expect.stringMatching(/^split at line \d+$/) });
    expect(fast.tree).toStrictEqual(parseMarkdownTree(text));
  }, 60_000);

  it('parses sequentially when the first part leaves a block open across the split', async () => {
    // The scan takes the list item's fence for a top-level one and the top-level ``` for its
    // close; the cut would fall inside that top-level fence, which the first part's parse reveals.
    const half = synthetic.slice(0, 300_000);
    const text = `${half}\n\n- item\n\n  \`\`\`js\n  x\n\n\`\`\`\n\n## inside a fence\n\n${half}\n\`\`\`\n`;
    const fast = await parseMarkdownFast(text, {});
    expect(fast).toMatchObject({ parts: 1, why: 'a block runs across the split point' });
    expect(fast.tree).toStrictEqual(parseMarkdownTree(text));
  }, 60_000);

  it.each([
    ['LAUNCH_PARSE_THREADS=1', { LAUNCH_PARSE_THREADS: '1' }, () => synthetic.slice(0, 300_000)],
    ['small document', {}, () => synthetic.slice(0, 200_000)],
    ['no safe split point', {}, () => `[ref]: https://example.com\n\n${synthetic.slice(0, 300_000)}`],
  ])('parses on one thread for %s', async (why, env: Env, text) => {
    const fast = await parseMarkdownFast(text(), env);
    expect(fast).toMatchObject({ parts: 1, why });
  }, 60_000);
});
