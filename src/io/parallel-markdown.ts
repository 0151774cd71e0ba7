// Parses a large Markdown plan on two threads: a worker parses the part after a safe split point
// while this thread parses the part before it, and the two trees are merged into the tree a single
// parse would give (core/import/split-markdown.ts says why that is exact). micromark is linear and
// single-threaded, so on a 10,000-item plan this is the one way left to halve the parse.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { importFromTree, prepareMarkdown, type ImportOptions, type ImportResult } from '../core/import/markdown-import.js';
import { parseMarkdownTree } from '../core/import/parse-markdown.js';
import { PARALLEL_MIN_CHARS, endsClean, findSplit, mergeParts, shiftPositions, type SplitPoint } from '../core/import/split-markdown.js';
import type { MarkdownWorkerInput } from '../lazy/markdown-worker.js';

type Env = Record<string, string | undefined>;

export interface ParseOutcome {
  tree: Root;
  /** How many parts were parsed at once (1: one sequential parse), and why, for tests. */
  parts: 1 | 2;
  why: string;
}

/**
 * The built worker chunk next to the running bundle (the build defines import.meta.url as the
 * chunk's own URL). Run from source, as under vitest, there is none: a dist/ copy could be stale
 * against the source being tested, so that case parses sequentially instead.
 */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./markdown-worker.cjs', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** Same as importMarkdown, parsing on two threads when the plan is large enough to gain from it. */
export async function importMarkdownFast(source: string, options: ImportOptions & { env?: Env } = {}): Promise<ImportResult> {
  const prepared = prepareMarkdown(source);
  const { tree } = await parseMarkdownFast(prepared.text, options.env);
  return importFromTree(tree, prepared, options);
}

/** `LAUNCH_PARSE_THREADS=1` forces the sequential parse (to compare against, or to rule this out). */
export async function parseMarkdownFast(text: string, env: Env = process.env): Promise<ParseOutcome> {
  const sequential = (why: string): ParseOutcome => ({ tree: parseMarkdownTree(text), parts: 1, why });
  if (env.LAUNCH_PARSE_THREADS === '1') return sequential('LAUNCH_PARSE_THREADS=1');
  if (text.length < PARALLEL_MIN_CHARS) return sequential('small document');
  const split = findSplit(text);
  if (!split) return sequential('no safe split point');
  const file = workerFile();
  if (!file) return sequential('no built worker');

  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { text: text.slice(split.index), lines: split.lines, offset: split.index } satisfies MarkdownWorkerInput });
  } catch {
    return sequential('worker did not start');
  }
  // Listeners go on at once: an 'error' event that finds none would end the process.
  const second = secondPart(worker);
  const firstText = text.slice(0, split.index);
  const first = parseMarkdownTree(firstText);
  if (!endsClean(first, firstText.length)) {
    void worker.terminate();
    return sequential('a block runs across the split point');
  }
  const why = `split at line ${split.lines + 1}`;
  const tree = await second;
  if (tree) return { tree: mergeParts(first, tree), parts: 2, why };
  // A failed worker costs its speed-up only: this thread parses the second part after all.
  return { tree: mergeParts(first, parseShifted(text, split)), parts: 2, why: `${why}, worker failed` };
}

function parseShifted(text: string, split: SplitPoint): Root {
  const tree = parseMarkdownTree(text.slice(split.index));
  shiftPositions(tree, split.lines, split.index);
  return tree;
}

/** The worker's tree, or undefined if it failed in any way. */
function secondPart(worker: Worker): Promise<Root | undefined> {
  return new Promise((resolve) => {
    worker.once('message', (json: string) => {
      try {
        resolve(JSON.parse(json) as Root);
      } catch {
        resolve(undefined);
      }
    });
    worker.once('error', () => resolve(undefined));
    worker.once('messageerror', () => resolve(undefined));
    // After the message, exit changes nothing (the promise is settled); before it, it is a failure.
    worker.once('exit', () => resolve(undefined));
  });
}
