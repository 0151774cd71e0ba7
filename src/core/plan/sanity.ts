// Checks a schema can't express: unique ids, references that point somewhere, weeks inside the plan.
import type { Plan } from './schema.js';

export interface PlanProblem {
  /** Path into the plan, as for zod issues: ['items', 3, 'block']. */
  path: (string | number)[];
  message: string;
}

export function checkPlanSanity(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const ids = (key: 'sprints' | 'weeks' | 'blocks' | 'items' | 'kpis' | 'sections') => {
    const seen = new Map<string, number>();
    plan[key].forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        problems.push({ path: [key, index, 'id'], message: `duplicate id "${entry.id}" (also ${key}[${first}])` });
      } else seen.set(entry.id, index);
    });
    return seen;
  };
  const sprints = ids('sprints');
  ids('weeks');
  const blocks = ids('blocks');
  const items = ids('items');
  ids('kpis');
  const sections = ids('sections');

  const refer = (path: (string | number)[], id: string | undefined, known: Map<string, number>, what: string) => {
    if (id !== undefined && !known.has(id)) problems.push({ path, message: `unknown ${what} "${id}"` });
  };
  const inRange = (path: (string | number)[], weeks: { from: number; to: number } | undefined) => {
    if (weeks && weeks.to > plan.totalWeeks) {
      problems.push({ path, message: `week ${weeks.to} is outside the plan's ${plan.totalWeeks} weeks` });
    }
  };
  plan.sprints.forEach((s, i) => inRange(['sprints', i, 'weeks'], s.weeks));
  plan.weeks.forEach((w, i) => {
    refer(['weeks', i, 'sprint'], w.sprint, sprints, 'sprint');
    inRange(['weeks', i, 'weeks'], w.weeks);
  });
  plan.blocks.forEach((b, i) => {
    refer(['blocks', i, 'sprint'], b.sprint, sprints, 'sprint');
    inRange(['blocks', i, 'weeks'], b.weeks);
  });
  plan.items.forEach((item, i) => {
    refer(['items', i, 'sprint'], item.sprint, sprints, 'sprint');
    refer(['items', i, 'block'], item.block, blocks, 'block');
    refer(['items', i, 'parent'], item.parent, items, 'parent item');
    refer(['items', i, 'section'], item.section, sections, 'section');
    inRange(['items', i, 'weeks'], item.weeks);
    if (item.parent === item.id) problems.push({ path: ['items', i, 'parent'], message: 'an item cannot be its own parent' });
  });
  plan.kpis.forEach((k, i) => {
    refer(['kpis', i, 'sprint'], k.sprint, sprints, 'sprint');
    k.targets.forEach((t, j) => inRange(['kpis', i, 'targets', j, 'weeks'], t.weeks));
  });
  plan.sections.forEach((s, i) => refer(['sections', i, 'parent'], s.parent, sections, 'section'));
  return problems;
}
