// What a plan holds, as import and validate report it.
import type { Plan } from './schema.js';

export interface PlanCounts {
  sprints: number;
  weeks: number;
  blocks: number;
  tasks: number;
  /** Checkbox items. */
  checklist: number;
  kpis: number;
  standupQuestions: number;
}

export function planCounts(plan: Plan): PlanCounts {
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
