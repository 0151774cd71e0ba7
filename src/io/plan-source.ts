// Where a plan comes from: a YAML plan file, a Markdown plan imported on the fly, or the bundled plan.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportResult } from '../core/import/markdown-import.js';
import { MAX_PLAN_ITEMS } from '../core/plan/limits.js';
import type { Plan } from '../core/plan/schema.js';
import type { PlanFileProblem } from '../core/plan/yaml.js';
import { LaunchError } from '../errors.js';
import { MAX_MARKDOWN_BYTES, readTextFile } from './text-file.js';

export const BUNDLED_PLAN = 'securenet-launch.yaml';

/** The plans/ folder shipped with the tool, found from this module's location (source or bundle). */
export function bundledPlanPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, 'plans', BUNDLED_PLAN);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new LaunchError(`the bundled plan ${BUNDLED_PLAN} is missing from this installation`);
}

/** The bundled plan's YAML, for a workspace created with it. */
export const bundledPlanYaml = (): string => readTextFile(bundledPlanPath(), 'YAML plan');

export function formatProblems(file: string, problems: PlanFileProblem[]): string {
  return problems
    .slice(0, 20)
    .map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`)
    .join('\n') + (problems.length > 20 ? `\n… and ${problems.length - 20} more` : '');
}

export const isMarkdown = (path: string): boolean => /\.(md|markdown|mdown|mkd)$/i.test(path);

export interface LoadedPlan {
  plan: Plan;
  path: string;
  /** The file as read: a YAML plan is copied byte for byte, keeping its comments and layout. */
  text: string;
  warnings: { line: number; message: string }[];
}

/** A plan file's text, with the checks and size limit of its kind. */
export const readPlanText = (full: string, display: string): string =>
  isMarkdown(full) ? readTextFile(full, 'Markdown plan', display, MAX_MARKDOWN_BYTES) : readTextFile(full, 'YAML plan', display);

/** The item limit, said as the user's mistake it is rather than as a plan the importer got wrong. */
export function checkItemCount(plan: Plan, display: string): void {
  if (plan.items.length > MAX_PLAN_ITEMS) {
    throw new LaunchError(`${display}: ${plan.items.length.toLocaleString('en')} items; a plan holds at most ${MAX_PLAN_ITEMS.toLocaleString('en')}`, {
      hint: 'split it into one plan per quarter or per team',
    });
  }
}

/**
 * A Markdown plan's text imported; one the importer refuses (nested too deep) is an error naming
 * `shown` (the file as the user typed it) and the line.
 */
export async function importMarkdownText(text: string, full: string, shown: string): Promise<ImportResult> {
  const { importMarkdown, isImportRefused } = await import('../lazy/markdown.js');
  try {
    return importMarkdown(text, { sourceName: basename(full) });
  } catch (error) {
    if (isImportRefused(error)) throw new LaunchError(`${shown}:${error.line}: ${error.message}`, { cause: error });
    throw error;
  }
}

export async function loadPlanFile(path: string, cwd: string): Promise<LoadedPlan> {
  const full = resolve(cwd, path);
  const text = readPlanText(full, path);
  if (isMarkdown(full)) {
    const { plan, warnings } = await importMarkdownText(text, full, path);
    checkItemCount(plan, path);
    return { plan, path: full, text, warnings };
  }
  const { parsePlanYaml } = await import('../lazy/parse.js');
  const parsed = parsePlanYaml(text);
  if (!parsed.ok) throw new LaunchError(`invalid plan\n${formatProblems(path, parsed.problems)}`);
  return { plan: parsed.plan, path: full, text, warnings: [] };
}
