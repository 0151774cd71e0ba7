// launch import <plan.md> [-o file.yaml]: Markdown → validated YAML, written whole or not at all.
import { mkdirSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { Plan } from '../core/plan/schema.js';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readTextFile } from '../io/text-file.js';
import type { Ctx } from '../runtime.js';

export interface ImportOptions {
  output?: string;
  yes?: boolean;
}

export function planCounts(plan: Plan) {
  return {
    sprints: plan.sprints.length,
    weeks: plan.weeks.length,
    blocks: plan.blocks.length,
    tasks: plan.items.filter((i) => i.kind === 'task').length,
    checklist: plan.items.filter((i) => i.kind === 'check').length,
    kpis: plan.kpis.length,
    standupQuestions: plan.standup.questions.length,
  };
}

export async function importCommand(ctx: Ctx, source: string, opts: ImportOptions): Promise<void> {
  if (opts.output === undefined) {
    // Inside a workspace, importing the edited plan is a plan update that keeps every status.
    const { importIntoWorkspace } = await import('./plan-update.js');
    if (await importIntoWorkspace(ctx, source, { yes: opts.yes })) return;
  }
  const full = resolve(ctx.rt.cwd, source);
  const text = readTextFile(full, 'Markdown plan', source);
  const { importMarkdown } = await import('../lazy/markdown.js');
  const { PlanSchema, checkPlanSanity, planToYaml } = await import('../lazy/parse.js');
  const { plan, warnings } = importMarkdown(text, { sourceName: basename(full) });
  // The importer must always produce a valid plan; if it did not, that is our bug, reported plainly.
  const checked = PlanSchema.safeParse(plan);
  const sanity = checked.success ? checkPlanSanity(checked.data) : [];
  if (!checked.success || sanity.length > 0) {
    const first = checked.success ? sanity[0]!.message : checked.error.issues[0]!.message;
    throw new LaunchError(`${source}: the imported plan did not validate (${first}); please report this`);
  }
  const output = resolve(ctx.rt.cwd, opts.output ?? `plans/${plan.id}.yaml`);
  mkdirSync(dirname(output), { recursive: true });
  writeFileAtomic(output, planToYaml(plan, basename(full)));

  const counts = planCounts(plan);
  if (ctx.json) {
    ctx.printJson({ schema: 1, plan: plan.id, output: relative(ctx.rt.cwd, output) || output, counts, warnings });
    return;
  }
  for (const w of warnings) ctx.warn(`${source}:${w.line}: ${w.message}`);
  ctx.print(`Imported ${source} → ${relative(ctx.rt.cwd, output)}`);
  ctx.print(
    `  ${counts.sprints} sprints · ${counts.weeks} weeks · ${counts.blocks} blocks · ${counts.tasks} tasks · ` +
      `${counts.checklist} checklist items · ${counts.kpis} KPIs · ${counts.standupQuestions} standup questions`,
  );
  if (warnings.length > 0) ctx.print(`  ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (on stderr)`);
}
