// The Markdown a workspace's plan was imported from, for `launch export md`: named by the plan's
// header (core/plan/source-header.ts) relative to the folder holding .launch/, or given with --source;
// the bundled plan's is shipped next to its YAML.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { markdownSourceOf } from '../core/plan/source-header.js';
import { LaunchError } from '../errors.js';
import { bundledPlanPath } from './plan-source.js';
import { isInside } from './safe-path.js';
import { MAX_MARKDOWN_BYTES, readTextFile, readWorkspaceText } from './text-file.js';
import { WORKSPACE_DIR, type WorkspacePaths } from './workspace.js';

export interface MarkdownSource {
  full: string;
  /** As messages name it: relative to the current directory when it is below it. */
  shown: string;
  /** The folder holding .launch/, when the file is inside it: only then may --in-place rewrite it. */
  project: string | undefined;
  bundled: boolean;
}

/** How a plan's header names its Markdown: relative to the project folder, with `/` on every system. */
export function sourceNameFor(workspaceDir: string, markdown: string): string {
  const rel = relative(dirname(resolve(workspaceDir)), resolve(markdown));
  return rel.split(sep).join('/');
}

const BUNDLED_MARKDOWN = 'securenet-launch.md';

/** Relative to the current directory, as the user would type it (../docs/plan.md); else absolute. */
function shownPath(cwd: string, full: string): string {
  const rel = relative(cwd, full);
  return rel && !isAbsolute(rel) ? rel : full;
}

function inProject(full: string, paths: WorkspacePaths | undefined): string | undefined {
  if (!paths) return undefined;
  const project = dirname(resolve(paths.dir));
  let real = full;
  try {
    real = realpathSync(full);
  } catch {
    // missing: reading it says so
  }
  const inWorkspaceDir = relative(project, real).split(sep).includes(WORKSPACE_DIR);
  return isInside(real, [project]) && !inWorkspaceDir ? project : undefined;
}

/** The Markdown to write progress into: `given`, else the one the workspace's plan names. */
export function findMarkdownSource(cwd: string, paths: WorkspacePaths | undefined, given?: string): MarkdownSource {
  const at = (full: string, bundled = false): MarkdownSource => ({ full, shown: bundled ? full : shownPath(cwd, full), project: bundled ? undefined : inProject(full, paths), bundled });
  if (given !== undefined) return at(resolve(cwd, given));
  const bundledMarkdown = () => at(join(dirname(bundledPlanPath()), BUNDLED_MARKDOWN), true);
  if (!paths) return bundledMarkdown();
  const name = markdownSourceOf(readWorkspaceText(paths.plan, 'YAML plan'));
  const shownPlan = shownPath(cwd, paths.plan);
  if (name === undefined) {
    throw new LaunchError(`${shownPlan}: does not name the Markdown it was imported from (a YAML plan written by hand?)`, {
      hint: 'give the Markdown plan with --source <plan.md>',
    });
  }
  const full = resolve(dirname(resolve(paths.dir)), ...name.split('/'));
  if (existsSync(full)) return at(full);
  // A workspace made with the bundled plan copies its YAML, whose header names the shipped Markdown.
  if (name === BUNDLED_MARKDOWN) return bundledMarkdown();
  throw new LaunchError(`${shownPath(cwd, full)}: no such file; ${shownPlan} was imported from it`, {
    hint: 'give the Markdown plan with --source <plan.md>, or run the command in the folder the plan was imported in',
  });
}

export interface ExactText {
  /** Without a byte order mark, as the importer reads it. */
  text: string;
  bom: boolean;
}

/** The file's text exactly: a BOM is kept aside, and re-encoding gives back every byte. */
export function readExactText(source: MarkdownSource): ExactText {
  const raw = readTextFile(source.full, 'Markdown plan', source.shown, MAX_MARKDOWN_BYTES, true);
  const bom = raw.startsWith('\uFEFF');
  return { text: bom ? raw.slice(1) : raw, bom };
}
