// Markdown plan → Plan. Pure: a string in, the plan and the importer's warnings out.
import type { RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { Plan } from '../plan/schema.js';
import { assemble } from './assemble.js';
import type { Warning } from './drafts.js';
import { repairDoubleEncoding, type MojibakeRepair } from './mojibake.js';
import { checkNesting } from './nesting.js';
import { topLevelNodes } from './parse-markdown.js';
import { slug } from '../plan/words.js';
import { walk } from './walk.js';

export type { Warning } from './drafts.js';

export interface ImportResult {
  plan: Plan;
  warnings: Warning[];
}

export interface ImportOptions {
  /** The source file's name without directory; the plan id defaults to it ("securenet-launch.md"). */
  sourceName?: string;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function frontMatter(text: string | undefined, warnings: Warning[]): Record<string, string> {
  if (text === undefined) return {};
  try {
    const data: unknown = parseYaml(text, { maxAliasCount: 10 });
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const meta: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      // The YAML reader refuses these keys, so a plan carrying them could not be read back.
      if (value !== null && typeof value !== 'object' && !RESERVED_KEYS.has(key)) meta[key] = String(value);
    }
    return meta;
  } catch (error) {
    warnings.push({ line: 1, message: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored` });
    return {};
  }
}

/** Throws ImportRefused (./nesting.ts) for a text nested too deep to parse in reasonable time. */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const prepared = prepareMarkdown(source);
  checkNesting(prepared.text);
  // Node by node as the parts are parsed: a large plan's whole tree is never held at once.
  return importFromNodes(topLevelNodes(prepared.text), prepared, options);
}

/**
 * The text the parser must see: without a byte-order mark and with double-encoded characters
 * repaired. The parse cuts this text into parts, never the raw source: the repair changes lengths,
 * and the tree's positions must be those of the text a single parse reads.
 */
export function prepareMarkdown(source: string): MojibakeRepair {
  return repairDoubleEncoding(source.replace(/^\uFEFF/, ''));
}

/** The importer after parsing: `nodes` must be the top-level nodes of the parse of `prepared.text`. */
function importFromNodes(nodes: Iterable<RootContent>, prepared: MojibakeRepair, options: ImportOptions = {}): ImportResult {
  const collected = walk(nodes);
  const warnings: Warning[] = [];
  if (prepared.repaired > 0) {
    warnings.push({
      line: prepared.firstLine ?? 1,
      message: `repaired ${prepared.repaired} characters saved through the wrong text encoding (e.g. "ðŸš€" → "🚀")`,
    });
  }
  const meta = frontMatter(collected.frontMatter, warnings);
  const baseName = options.sourceName?.replace(/\.[^.]*$/, '');
  const planId = slug(meta.id ?? baseName ?? meta.title ?? collected.title ?? 'plan', 6);
  const plan = assemble(collected, planId, meta);
  for (const w of collected.warnings) warnings.push(w); // not push(...): there may be 100,000s
  warnings.sort((a, b) => a.line - b.line);
  return { plan, warnings };
}
