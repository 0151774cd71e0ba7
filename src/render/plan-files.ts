// What import, validate and init say about the plan files they read and write. File names are anyone's
// text (a file may be called `x\e[2Jy.md`), so they are sanitised like plan text.
import type { PlanCounts } from '../core/plan/counts.js';
import { formatDate } from './dates.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { count } from './count.js';

export function imported(source: string, output: string, counts: PlanCounts, warnings: number): string[] {
  const out = [
    `Imported ${safeText(source)} → ${safeText(output)}`,
    `  ${count(counts.sprints, 'sprint')} · ${count(counts.weeks, 'week')} · ${count(counts.blocks, 'block')} · ${count(counts.tasks, 'task')} · ` +
      `${count(counts.checklist, 'checklist item')} · ${count(counts.kpis, 'KPI')} · ${count(counts.standupQuestions, 'standup question')}`,
  ];
  if (warnings > 0) out.push(`  ${warnings} warning${warnings === 1 ? '' : 's'} (on stderr)`);
  return out;
}

export const validPlan = (theme: Theme, file: string, counts: PlanCounts): string =>
  `${theme.mark.done} ${safeText(file)} is a valid plan (${count(counts.tasks, 'task')}, ${count(counts.checklist, 'checklist item')}, ${count(counts.kpis, 'KPI')})`;

export interface Created {
  dir: string;
  title: string;
  weekOneStarts: string;
  totalWeeks: number;
  timeZone: string;
  keptLog: boolean;
  /** The .gitattributes that has the union merge rule, as shown. */
  gitattributes: string | undefined;
  /** `init --force` on an existing workspace. */
  updated?: boolean;
  /** Its files left as they were (nothing given again changed them). */
  kept?: string[];
}

export function created(c: Created): string[] {
  const out = [`${c.updated ? 'Updated' : 'Created'} ${safeText(c.dir)}/ tracking "${safeText(c.title)}"`, `  Week 1 starts ${formatDate(c.weekOneStarts)} · ${c.totalWeeks} weeks · time zone ${c.timeZone}`];
  if (c.kept && c.kept.length > 0) out.push(`  kept ${c.kept.join(' and ')} as ${c.kept.length === 1 ? 'it was' : 'they were'}`);
  if (c.keptLog) out.push('  kept the existing event log');
  if (c.gitattributes !== undefined) out.push(`  ${safeText(c.gitattributes)}: events.jsonl merges with merge=union`);
  out.push('Next: launch today');
  return out;
}

/** `init --as` in an existing workspace: only this clone's name changed. */
export function joined(j: { dir: string; title: string; actor: string }): string[] {
  return [
    `Joined ${safeText(j.dir)}/ tracking "${safeText(j.title)}"`,
    `  your events are recorded as ${safeText(j.actor)} (${safeText(j.dir)}/actor: this clone only, git-ignored)`,
    "  config.yaml and plan.yaml are the team's and were left as they are",
    'Next: launch whoami, launch today',
  ];
}
