// `launch plan update <plan> --json` (and `launch import` inside a workspace): the diff, and whether
// it was applied. Without --yes off a terminal the JSON is printed and the command exits 1.
import { z } from 'zod';
import { ItemKind, PlanId, SchemaVersion, WeekSpan } from './shared.schema.js';

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const PlaceField = z.enum(['section', 'block', 'parent', 'weeks', 'days', 'day']);

/** Where an item sits in the plan. */
export const PlaceJson = z.strictObject({
  section: PlanId,
  block: PlanId.optional(),
  parent: PlanId.optional(),
  weeks: WeekSpan.optional(),
  /** The block's nominal weekdays. */
  days: z.strictObject({ from: Weekday, to: Weekday }).optional(),
  /** "Day N" of the week. */
  day: z.number().int().min(1).max(7).optional(),
});

export const DiffItemJson = z.strictObject({ id: PlanId, title: z.string(), kind: ItemKind, place: PlaceJson });

export const PlanUpdateJson = z.strictObject({
  schema: SchemaVersion,
  /** The file as given on the command line. */
  source: z.string(),
  /** The workspace's plan id (kept even if the new file names another). */
  plan: PlanId,
  /** Nothing to change. */
  upToDate: z.boolean(),
  diff: z.strictObject({
    added: z.array(DiffItemJson),
    removed: z.array(
      DiffItemJson.extend({
        /** Its events, which stay in the log. */
        events: z.number().int().nonnegative(),
      }),
    ),
    renamed: z.array(
      z.strictObject({
        /** The id the item keeps (its old id). */
        id: PlanId,
        /** The id the new plan gave it. */
        importedId: PlanId,
        /** Old title. */
        from: z.string(),
        /** New title. */
        to: z.string(),
        /** How it was matched to the old item. */
        by: z.enum(['id', 'title', 'place']),
      }),
    ),
    moved: z.array(z.strictObject({ id: PlanId, title: z.string(), changed: z.array(PlaceField).min(1), from: PlaceJson, to: PlaceJson })),
    /** Ids of items whose steps, detail or other content changed. */
    edited: z.array(PlanId),
    kpis: z.strictObject({ added: z.array(PlanId), removed: z.array(PlanId) }),
    /** Items with nothing but source line numbers changed. */
    unchanged: z.number().int().nonnegative(),
  }),
  /** The workspace's plan was replaced (or, with only boxes changed, their events recorded). */
  applied: z.boolean(),
  /** Boxes ticked or unticked by hand in the Markdown that differ from the log; only when there are some. */
  boxes: z.array(z.strictObject({ id: PlanId, title: z.string(), line: z.number().int().positive(), done: z.boolean(), was: z.enum(['todo', 'done', 'blocked']) })).optional(),
});
export type PlanUpdateJson = z.infer<typeof PlanUpdateJson>;
