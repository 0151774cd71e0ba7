// What import, validate and init say about the plan files they read and write.
import type { PlanCounts } from '../core/plan/counts.js';
import { formatDate } from './dates.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export function imported(source: string, output: string, counts: PlanCounts, warnings: number): string[] {
  const out = [
    `Imported ${source} → ${output}`,
    `  ${counts.sprints} sprints · ${counts.weeks} weeks · ${counts.blocks} blocks · ${counts.tasks} tasks · ` +
      `${counts.checklist} checklist items · ${counts.kpis} KPIs · ${counts.standupQuestions} standup questions`,
  ];
  if (warnings > 0) out.push(`  ${warnings} warning${warnings === 1 ? '' : 's'} (on stderr)`);
  return out;
}

export const validPlan = (theme: Theme, file: string, counts: PlanCounts): string =>
  `${theme.mark.done} ${file} is a valid plan (${counts.tasks} tasks, ${counts.checklist} checklist items, ${counts.kpis} KPIs)`;

export interface Created {
  dir: string;
  title: string;
  weekOneStarts: string;
  totalWeeks: number;
  timeZone: string;
  keptLog: boolean;
  /** The .gitattributes that has the union merge rule, as shown. */
  gitattributes: string | undefined;
}

export function created(c: Created): string[] {
  const out = [`Created ${c.dir}/ tracking "${safeText(c.title)}"`, `  Week 1 starts ${formatDate(c.weekOneStarts)} · ${c.totalWeeks} weeks · time zone ${c.timeZone}`];
  if (c.keptLog) out.push('  kept the existing event log');
  if (c.gitattributes !== undefined) out.push(`  ${c.gitattributes}: events.jsonl merges with merge=union`);
  out.push('Next: launch today');
  return out;
}
