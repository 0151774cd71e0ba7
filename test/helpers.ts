import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const seedMarkdown = (): string => readFileSync(new URL('../plans/securenet-launch.md', import.meta.url), 'utf8');

/** A valid plan YAML of `count` tasks in one two-week sprint, each on a line of its own. */
export function manyItemsPlanYaml(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `  - { id: item-${i + 1}, kind: task, title: Item ${i + 1}, section: work, sprint: s1, weeks: { from: 1, to: 2 }, line: ${i + 3} }`);
  const plan = ['schema: 1', 'id: many', 'title: Many items', 'totalWeeks: 2', 'sprints:', '  - { id: s1, name: Sprint 1, title: One, weeks: { from: 1, to: 2 }, line: 1 }', 'weeks: []', 'blocks: []', 'items:', ...items, 'kpis: []', 'standup: { questions: [], weeklyReview: [], riskAssessment: [] }', 'escalation: { levels: [], contacts: [] }', 'sections:', '  - { id: work, title: Work, level: 1, line: 2 }'];
  return `${plan.join('\n')}\n`;
}
