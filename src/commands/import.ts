// launch import <plan.md> [-o file.yaml]: Markdown → validated YAML, written whole or not at all.
import { basename, relative, resolve } from 'node:path';
import { planCounts } from '../core/plan/counts.js';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { checkImportOutput } from '../io/output-file.js';
import { checkItemCount, importMarkdownText } from '../io/plan-source.js';
import { MAX_MARKDOWN_BYTES, readTextFile } from '../io/text-file.js';
import { importJson } from '../render/json/plan-files.js';
import { imported } from '../render/plan-files.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { QUIET_OPTION } from './shared/options.js';

export interface ImportOptions {
  output?: string;
  yes?: boolean;
  force?: boolean;
}

export const register: Register = (program, rt) =>
  program
    .command('import')
    .description('turn a Markdown plan into a validated YAML plan')
    .argument('<plan.md>', 'the Markdown plan')
    .option('-o, --output <file.yaml>', 'where to write the YAML (default: plans/<plan-id>.yaml)')
    .option('-y, --yes', 'inside a workspace: apply the plan update without asking')
    .option('--force', 'replace an existing output file that is not a launch plan')
    .addHelpText('after', '\nInside a workspace and without -o, this updates the workspace\'s plan (as\n`launch plan update`), showing what changes and keeping every status.\n\nThe output is never the Markdown source, a file in a .launch/ directory, or\nanything but a regular file; an existing file that is not a launch plan is\nreplaced only with --force.\n\nExample:\n  launch import sprint-plan.md -o plans/sprint.yaml\n')
    .option(...QUIET_OPTION)
    .action(handle(rt, importCommand));

export async function importCommand(ctx: Ctx, source: string, opts: ImportOptions): Promise<void> {
  if (opts.output === undefined) {
    // Inside a workspace, importing the edited plan is a plan update that keeps every status.
    const { importIntoWorkspace } = await import('./plan-update.js');
    if (await importIntoWorkspace(ctx, source, { yes: opts.yes })) return;
  }
  const full = resolve(ctx.rt.cwd, source);
  const text = readTextFile(full, 'Markdown plan', source, MAX_MARKDOWN_BYTES);
  const { checkPlanSanity, looksLikePlanYaml, planToYaml } = await import('../lazy/plan-write.js');
  const { plan, warnings } = await importMarkdownText(text, full, source);
  checkItemCount(plan, source);
  // The importer must always produce a valid plan; if it did not, that is our bug, reported plainly.
  // Its schema is not checked again here: the importer writes every field itself, tests hold it to the
  // schema over every fixture and over generated and hostile plans (test/core/import-props.test.ts),
  // and whatever reads the file next (init, plan update, validate, the first run after a change)
  // checks it and names the line. Checking it here was ~15% of importing a 10,000-item plan.
  const sanity = checkPlanSanity(plan);
  if (sanity.length > 0) {
    throw new LaunchError(`${source}: the imported plan did not validate (${sanity[0]!.message}); please report this`);
  }
  const shown = opts.output ?? `plans/${plan.id}.yaml`;
  const output = resolve(ctx.rt.cwd, shown);
  // Never the source, a workspace's files or a device; another file only if it is a plan, or --force.
  const { target, existing } = checkImportOutput(output, shown, full);
  if (existing !== null && !opts.force && !looksLikePlanYaml(existing)) {
    throw new LaunchError(`${shown}: exists and is not a launch plan; nothing was written`, { hint: 'add --force to replace it, or choose another output file' });
  }
  writeFileAtomic(target, planToYaml(plan, basename(full)), { makeDir: true, display: shown, bounds: 'anywhere' });

  const counts = planCounts(plan);
  if (ctx.json) return ctx.printJson(importJson(plan.id, relative(ctx.rt.cwd, output) || output, counts, warnings));
  for (const w of warnings) ctx.warn(`${source}:${w.line}: ${w.message}`);
  ctx.printLines(imported(source, relative(ctx.rt.cwd, output), counts, warnings.length));
}
