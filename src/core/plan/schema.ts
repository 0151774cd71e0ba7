import { z } from 'zod';
import { NumericTargetSchema, TargetSchema } from '../targets/schema.js';
import { ID_PATTERN, MAX_PLAN_ITEMS } from './limits.js';
import { WEEKDAYS } from './weekdays.js';

// Strict objects everywhere: an unknown key (a typo, or `__proto__`/`constructor` smuggled into a YAML
// file) is an error, not silently carried along.

import { PLAN_SCHEMA_VERSION } from './version.js';

export { PLAN_SCHEMA_VERSION };

export { WEEKDAYS, type Weekday } from './weekdays.js';
export const WeekdaySchema = z.enum(WEEKDAYS);

const Id = z
  .string()
  .regex(ID_PATTERN, 'ids are lower-case letters, digits and dashes')
  .max(64);
const Line = z.number().int().positive();

export const WeekSpanSchema = z
  .strictObject({ from: z.number().int().positive(), to: z.number().int().positive() })
  .refine((s) => s.from <= s.to, { message: 'week span ends before it starts' });
export type WeekSpan = z.infer<typeof WeekSpanSchema>;

/** Nominal weekdays of a block ("Monday - Wednesday"), independent of the workspace's working days. */
export const DaySpanSchema = z.strictObject({ from: WeekdaySchema, to: WeekdaySchema });
export type DaySpan = z.infer<typeof DaySpanSchema>;

export const SprintSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  title: z.string(),
  weeks: WeekSpanSchema,
  line: Line,
});
export type Sprint = z.infer<typeof SprintSchema>;

export const WeekSchema = z.strictObject({
  id: Id,
  title: z.string(),
  sprint: Id.optional(),
  weeks: WeekSpanSchema,
  line: Line,
});
export type Week = z.infer<typeof WeekSchema>;

export const BlockSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  sprint: Id.optional(),
  weeks: WeekSpanSchema,
  days: DaySpanSchema.optional(),
  team: z.string().optional(),
  line: Line,
});
export type Block = z.infer<typeof BlockSchema>;

export const ItemKindSchema = z.enum(['task', 'check']);
export type ItemKind = z.infer<typeof ItemKindSchema>;

export const ItemSchema = z.strictObject({
  id: Id,
  kind: ItemKindSchema,
  title: z.string().min(1),
  /** Text after the title ("Team Standup - Assign sprint roles…" keeps "Assign sprint roles…"). */
  detail: z.string().optional(),
  section: Id,
  sprint: Id.optional(),
  block: Id.optional(),
  parent: Id.optional(),
  weeks: WeekSpanSchema.optional(),
  days: DaySpanSchema.optional(),
  /** "Day N": the Nth working day of the week. */
  day: z.number().int().min(1).max(7).optional(),
  /** The weekday that day falls on in a Monday–Friday week, for readers of the YAML. */
  weekday: WeekdaySchema.optional(),
  steps: z.array(z.string()).optional(),
  /** Imported from a `[x]` checkbox. */
  done: z.literal(true).optional(),
  thresholds: z.array(NumericTargetSchema).optional(),
  /** A `@name` in the item's text: who owns it until an `assign` event says otherwise. */
  owner: z.string().min(1).max(64).optional(),
  line: Line,
});
export type Item = z.infer<typeof ItemSchema>;

export const KpiTargetSchema = z.strictObject({
  weeks: WeekSpanSchema,
  target: TargetSchema,
});

export const KpiSchema = z.strictObject({
  id: Id,
  metric: z.string().min(1),
  sprint: Id.optional(),
  section: Id,
  targets: z.array(KpiTargetSchema).min(1),
  line: Line,
});
export type Kpi = z.infer<typeof KpiSchema>;

export const StandupSchema = z.strictObject({
  questions: z.array(z.string()),
  weeklyReview: z.array(z.string()),
  riskAssessment: z.array(z.string()),
});
export type Standup = z.infer<typeof StandupSchema>;

export const EscalationLevelSchema = z.strictObject({
  id: Id,
  title: z.string(),
  /** When to escalate, as the plan says it ("Immediate Escalation", "Same Day Escalation"). */
  timing: z.string().optional(),
  triggers: z.array(z.string()),
  line: Line,
});
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

export const ContactSchema = z.strictObject({ role: z.string(), contact: z.string() });

export const EscalationSchema = z.strictObject({
  levels: z.array(EscalationLevelSchema),
  contacts: z.array(ContactSchema),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const NoteSchema = z.strictObject({ line: Line, text: z.string() });

export const SectionSchema = z.strictObject({
  id: Id,
  title: z.string(),
  level: z.number().int().min(0).max(6),
  parent: Id.optional(),
  notes: z.array(NoteSchema).optional(),
  line: Line,
});
export type Section = z.infer<typeof SectionSchema>;

export const PlanSchema = z.strictObject({
  schema: z.literal(PLAN_SCHEMA_VERSION),
  id: Id,
  title: z.string(),
  description: z.string().optional(),
  /** Front matter of the Markdown source, kept as plain strings. */
  meta: z.record(z.string(), z.string()).optional(),
  totalWeeks: z.number().int().min(0),
  sprints: z.array(SprintSchema),
  weeks: z.array(WeekSchema),
  blocks: z.array(BlockSchema),
  items: z.array(ItemSchema).max(MAX_PLAN_ITEMS, `a plan holds at most ${MAX_PLAN_ITEMS.toLocaleString('en')} items`),
  kpis: z.array(KpiSchema),
  standup: StandupSchema,
  escalation: EscalationSchema,
  sections: z.array(SectionSchema),
});
export type Plan = z.infer<typeof PlanSchema>;
