// Markdown plan → Plan. Pure: a string in, the plan and the importer's warnings out.
import type { RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { Plan } from '../plan/schema.js';
import { assemble } from './assemble.js';
import type { Warning } from './drafts.js';
import { repairDoubleEncoding, type MojibakeRepair } from './mojibake.js';
import { checkBlockLength, checkCheckboxCount } from './long-blocks.js';
import { checkNesting } from './nesting.js';
import { topLevelNodes } from './parse-markdown.js';
import { normalizeLineEndings, stripHidden, stripHiddenCounted } from '../plan/hidden-text.js';
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

/**
 * Throws ImportRefused (./nesting.ts) for a text nested too deep, or with a block too long, to parse
 * in reasonable time.
 */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const prepared = prepareMarkdown(source);
  checkNesting(prepared.text);
  checkBlockLength(prepared.text);
  checkCheckboxCount(prepared.text);
  // Node by node as the parts are parsed: a large plan's whole tree is never held at once.
  return importFromNodes(topLevelNodes(prepared.text), prepared, options);
}

export interface PreparedMarkdown extends MojibakeRepair {
  /** Escape sequences, control, bidi and invisible characters removed (see plan/hidden-text.ts). */
  hidden: { removed: number; firstLine?: number };
}

/**
 * The text the parser must see: without a byte-order mark, with every line ending as `\n` (a file
 * saved with old Mac `\r` endings reads like any other), with double-encoded characters repaired, then
 * without anything hidden: a plan's text is shown on terminals and made into ids, and `Skeleton
 * \e[2J Setup` must be "Skeleton Setup", id skeleton-setup, not skeleton-2j-setup. The repair comes
 * first because a double-encoded character may hold C1 bytes, and may decode to an invisible one.
 * The parse cuts this text into parts, never the raw source: the repair changes lengths, and the
 * tree's positions must be those of the text a single parse reads.
 */
export function prepareMarkdown(source: string): PreparedMarkdown {
  const repaired = repairDoubleEncoding(normalizeLineEndings(source.replace(/^\uFEFF/, '')));
  const { text, removed, firstLine } = stripHiddenCounted(repaired.text);
  return { ...repaired, text, hidden: firstLine === undefined ? { removed } : { removed, firstLine } };
}

/** The importer after parsing: `nodes` must be the top-level nodes of the parse of `prepared.text`. */
function importFromNodes(nodes: Iterable<RootContent>, prepared: PreparedMarkdown, options: ImportOptions = {}): ImportResult {
  const collected = walk(nodes);
  const warnings: Warning[] = [];
  if (prepared.repaired > 0) {
    warnings.push({
      line: prepared.firstLine ?? 1,
      message: `repaired ${prepared.repaired} characters saved through the wrong text encoding (e.g. "ðŸš€" → "🚀")`,
    });
  }
  if (prepared.hidden.removed > 0) {
    warnings.push({
      line: prepared.hidden.firstLine ?? 1,
      message: `removed ${prepared.hidden.removed} hidden characters (terminal escape sequences, control characters, bidi or zero-width marks); the first on this line`,
    });
  }
  const meta = frontMatter(collected.frontMatter, warnings);
  // A file name is anyone's text too (`x\e[2Jy.md`).
  const baseName = options.sourceName === undefined ? undefined : stripHidden(options.sourceName).replace(/\.[^.]*$/, '');
  const planId = slug(meta.id ?? baseName ?? meta.title ?? collected.title ?? 'plan', 6);
  const plan = assemble(collected, planId, meta);
  for (const w of collected.warnings) warnings.push(w); // not push(...): there may be 100,000s
  warnings.sort((a, b) => a.line - b.line);
  return { plan, warnings };
}
