// What the Markdown walk collects before ids are assigned and the plan is assembled.
import type { DaySpan, WeekSpan, Weekday } from '../plan/schema.js';
import type { NumericTarget, Target } from '../targets/schema.js';

export interface Warning {
  line: number;
  message: string;
}

export interface SectionDraft {
  title: string;
  level: number;
  parent?: SectionDraft;
  notes: { line: number; text: string }[];
  line: number;
  id?: string;
}

export interface SprintDraft {
  label: string;
  title: string;
  weeks?: WeekSpan;
  line: number;
}

export interface WeekDraft {
  title: string;
  sprint?: SprintDraft;
  weeks: WeekSpan;
  line: number;
}

export interface BlockDraft {
  title: string;
  sprint?: SprintDraft;
  weeks?: WeekSpan;
  days?: DaySpan;
  team?: string;
  section: SectionDraft;
  line: number;
  id?: string;
}

export interface ItemDraft {
  kind: 'task' | 'check';
  title: string;
  detail?: string;
  section: SectionDraft;
  sprint?: SprintDraft;
  block?: BlockDraft;
  parent?: ItemDraft;
  weeks?: WeekSpan;
  days?: DaySpan;
  day?: number;
  weekday?: Weekday;
  steps?: string[];
  done?: boolean;
  thresholds?: NumericTarget[];
  owner?: string;
  line: number;
  id?: string;
}

export interface KpiDraft {
  metric: string;
  sprint?: SprintDraft;
  section: SectionDraft;
  targets: { weeks: WeekSpan; target: Target }[];
  line: number;
}

export interface LevelDraft {
  title: string;
  timing?: string;
  triggers: string[];
  line: number;
}

/** What one walk of the document collects, before ids and spans are assigned (./assemble.ts). */
export interface Collected {
  title?: string;
  description: string[];
  frontMatter?: string;
  sections: SectionDraft[];
  sprints: SprintDraft[];
  weeks: WeekDraft[];
  blocks: BlockDraft[];
  items: ItemDraft[];
  kpis: KpiDraft[];
  standup: { questions: string[]; weeklyReview: string[]; riskAssessment: string[] };
  levels: LevelDraft[];
  contacts: { role: string; contact: string }[];
  warnings: Warning[];
}

/** What a heading made the nodes under it: standup questions, escalation rules, … */
export type Mode = 'standup' | 'questions' | 'weeklyReview' | 'riskAssessment' | 'escalation' | 'contacts' | 'level';

/** Where the walk is: the innermost heading's sprint, week, block, days and mode. */
export interface Context {
  depth: number;
  section: SectionDraft;
  sprint?: SprintDraft;
  week?: WeekDraft;
  weeks?: WeekSpan;
  days?: DaySpan;
  day?: number;
  block?: BlockDraft;
  mode?: Mode;
  level?: LevelDraft;
}
