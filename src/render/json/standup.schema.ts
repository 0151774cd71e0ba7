// `launch standup --json` (the prepared standup) and `launch standup --answer --json` (the answers recorded).
import { z } from 'zod';
import { IsoDate, ItemJson, onTrackFields, OverdueItemJson, PlanId, SchemaVersion, StandupEventJson, Timestamp } from './shared.schema.js';

export const StandupJson = z.strictObject({
  schema: SchemaVersion,
  date: IsoDate,
  /** The previous working day: where "yesterday" starts. */
  since: IsoDate,
  /** Events since then, grouped by actor, in words. */
  yesterday: z.array(
    z.strictObject({
      actor: z.string(),
      type: z.enum(['check', 'uncheck', 'block', 'unblock', 'note', 'kpi', 'escalate']),
      item: z.string().nullable(),
      ts: Timestamp,
      /** The event in words, e.g. "checked Skeleton Loading Setup". */
      text: z.string(),
    }),
  ),
  today: z.array(ItemJson),
  blockers: z.array(
    z.strictObject({
      id: PlanId,
      title: z.string(),
      reason: z.string().nullable(),
      /** Who blocked it. */
      actor: z.string().nullable(),
    }),
  ),
  overdue: z.array(OverdueItemJson),
  onTrack: z
    .strictObject({
      ...onTrackFields,
      /** Ids due by yesterday and not done, oldest first. */
      late: z.array(PlanId),
    })
    .nullable(),
  /** From the plan's standup template. */
  questions: z.array(z.string()),
  /** Only on the last working day of a week. */
  weeklyReview: z.array(z.string()),
  riskAssessment: z.array(z.string()),
  /** Answers recorded for the date. */
  answers: z.array(
    z.strictObject({
      actor: z.string(),
      ts: Timestamp,
      /** Question → answer. */
      answers: z.record(z.string(), z.string()),
    }),
  ),
});
export type StandupJson = z.infer<typeof StandupJson>;

export const StandupAnswerJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([StandupEventJson]),
});
export type StandupAnswerJson = z.infer<typeof StandupAnswerJson>;
