// `launch status --json`: progress overall, per sprint and per week, and the burndown.
import { z } from 'zod';
import { IsoDate, onTrackFields, PlanId, SchemaVersion } from './shared.schema.js';

const Count = z.number().int().nonnegative();
const Progress = { done: Count, total: Count };

export const StatusJson = z.strictObject({
  schema: SchemaVersion,
  date: IsoDate,
  overall: z.strictObject(Progress),
  sprints: z.array(
    z.strictObject({
      id: PlanId,
      name: z.string(),
      title: z.string(),
      ...Progress,
      /** Only for the sprint the date falls in, during the plan. */
      onTrack: z.strictObject(onTrackFields).nullable(),
    }),
  ),
  /** Scheduled items by the week they are due in. */
  weeks: z.array(z.strictObject({ week: z.number().int().positive(), ...Progress })),
  burndown: z.strictObject({
    total: Count,
    /** One point per working day of the plan. */
    points: z.array(
      z.strictObject({
        date: IsoDate,
        /** Items open at the end of the day; null after the date. */
        remaining: Count.nullable(),
        /** The straight line from all open to none. */
        ideal: z.number().nonnegative(),
      }),
    ),
  }),
});
export type StatusJson = z.infer<typeof StatusJson>;
