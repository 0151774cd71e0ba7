// Markdown plan → Plan. Pure: a string in, the plan and the importer's warnings out.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import type { Plan } from '../plan-schema.js';
import { assemble } from './assemble.js';
import type { Warning } from './drafts.js';
import { repairDoubleEncoding } from './mojibake.js';
import { slug } from './slug.js';
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

function frontMatter(text: string | undefined, warnings: Warning[]): Record<string, string> {
  if (text === undefined) return {};
  try {
    const data: unknown = parseYaml(text, { maxAliasCount: 10 });
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const meta: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (value !== null && typeof value !== 'object') meta[key] = String(value);
    }
    return meta;
  } catch (error) {
    warnings.push({ line: 1, message: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored` });
    return {};
  }
}

export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const repair = repairDoubleEncoding(source.replace(/^\uFEFF/, ''));
  const tree = fromMarkdown(repair.text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const collected = walk(tree);
  const warnings: Warning[] = [];
  if (repair.repaired > 0) {
    warnings.push({
      line: repair.firstLine ?? 1,
      message: `repaired ${repair.repaired} characters saved through the wrong text encoding (e.g. "ðŸš€" → "🚀")`,
    });
  }
  const meta = frontMatter(collected.frontMatter, warnings);
  const baseName = options.sourceName?.replace(/\.[^.]*$/, '');
  const planId = slug(meta.id ?? baseName ?? meta.title ?? collected.title ?? 'plan', 6);
  const plan = assemble(collected, planId, meta);
  warnings.push(...collected.warnings);
  warnings.sort((a, b) => a.line - b.line);
  return { plan, warnings };
}
