// launch validate <plan.yaml|plan.md>: schema and sanity checks with file:line messages.
import { basename, resolve } from 'node:path';
import { type PlanCounts, planCounts } from '../core/plan/counts.js';
import type { PlanFileProblem } from '../core/plan/yaml.js';
import { LaunchError } from '../errors.js';
import { formatProblems, isMarkdown, readPlanText } from '../io/plan-source.js';
import { validateJson } from '../render/json/plan-files.js';
import { validPlan } from '../render/plan-files.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';

export const register: Register = (program, rt) =>
  program
    .command('validate')
    .description('check a YAML or Markdown plan; exit 1 with file:line messages when it is invalid')
    .argument('<plan>', 'a plan .yaml or .md file')
    .action(handle(rt, validateCommand));

export async function validateCommand(ctx: Ctx, file: string): Promise<void> {
  const full = resolve(ctx.rt.cwd, file);
  const text = readPlanText(full, file);
  let problems: PlanFileProblem[] = [];
  let warnings: { line: number; message: string }[] = [];
  let counts: PlanCounts | undefined;
  const { PlanSchema, checkPlanSanity, parsePlanYaml } = await import('../lazy/parse.js');
  if (isMarkdown(full)) {
    const { importMarkdown, isImportRefused } = await import('../lazy/markdown.js');
    let result: ReturnType<typeof importMarkdown> | undefined;
    try {
      result = importMarkdown(text, { sourceName: basename(full) });
    } catch (error) {
      // Refused (nested too deep): that is the one problem, with its line.
      if (!isImportRefused(error)) throw error;
      problems = [{ line: error.line, path: '', message: error.message }];
    }
    if (result) {
      warnings = result.warnings;
      const checked = PlanSchema.safeParse(result.plan);
      problems = checked.success
        ? checkPlanSanity(checked.data).map((p) => ({ path: p.path.join('.'), message: p.message }))
        : checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      counts = planCounts(result.plan);
    }
  } else {
    const parsed = parsePlanYaml(text);
    if (parsed.ok) counts = planCounts(parsed.plan);
    else problems = parsed.problems;
  }
  const valid = problems.length === 0;
  if (ctx.json) {
    ctx.printJson(validateJson(file, problems, warnings, counts));
  } else {
    for (const w of warnings) ctx.warn(`${file}:${w.line}: ${w.message}`);
    if (valid) ctx.print(validPlan(ctx.theme, file, counts!));
  }
  if (!valid) {
    // JSON mode already printed the problems on stdout; the error line on stderr still says why exit 1.
    throw new LaunchError(ctx.json ? `${file}: invalid plan` : `${file}: invalid plan\n${formatProblems(file, problems)}`);
  }
}
