// Shapes that several commands' `--json` output share: the schema version, dates and times, an item,
// a KPI cell, the on-track verdict, and events (as written by this version, and as read from the log).
//
// These files describe the output; they import nothing but zod, so they stay valid wherever the code
// that builds the output moves. Objects are strict (an unexpected key fails) except events read from
// the log, which other tools may extend.
import { z } from 'zod';

/** Every `--json` object starts with `"schema": 1`. */
export const SchemaVersion = z.literal(1);

/** A calendar day in the workspace's time zone, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** ISO-8601 with an offset (`Z` or ±HH:MM), seconds and fraction optional: what the log reader accepts. */
export const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/, 'expected an ISO-8601 time with an offset');

/** What this version writes: milliseconds and an offset, e.g. 2026-12-01T10:00:00.000+01:00. */
export const WrittenTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/, 'expected a time like 2026-12-01T10:00:00.000+01:00');

/** A plan id (item, sprint, KPI, section): lower-case letters, digits and dashes. */
export const PlanId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64);

/** 16 hex digits: the ids this version gives new events. */
export const NewEventId = z.string().regex(/^[0-9a-f]{16}$/);

const WeekNumber = z.number().int().positive();
const Count = z.number().int().nonnegative();

export const WeekSpan = z.strictObject({ from: WeekNumber, to: WeekNumber });
export type WeekSpan = z.infer<typeof WeekSpan>;

export const ItemKind = z.enum(['task', 'check']);
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemStatus = z.enum(['todo', 'done', 'blocked']);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** An item where it sits in the plan, with its status: the same in today, list, show, standup. */
export const ItemJson = z.strictObject({
  id: PlanId,
  title: z.string().min(1),
  kind: ItemKind,
  status: ItemStatus,
  sprint: PlanId.nullable(),
  /** First week of the item's (or its block's) weeks. */
  week: WeekNumber.nullable(),
  weeks: WeekSpan.nullable(),
  /** The block's title. */
  block: z.string().nullable(),
  /** The block's team, as the plan words it. */
  team: z.string().nullable(),
  /** Due date; null for an unscheduled item. */
  due: IsoDate.nullable(),
  /** Id of the task a checklist entry sits under. */
  parent: PlanId.nullable(),
  /** Who owns it: the last `launch assign`, else the plan's `@name`; null for nobody. */
  owner: z.string().nullable(),
});
export type ItemJson = z.infer<typeof ItemJson>;

/** An item not done after its due date. */
export const OverdueItemJson = ItemJson.extend({
  /** Working days since the due date. */
  daysLate: z.number().int().positive(),
});
export type OverdueItemJson = z.infer<typeof OverdueItemJson>;

/** met / missed once the checkpoint has come (no-data: nothing measured by then); before it on-track, at-risk or pending. */
export const KpiStatus = z.enum(['met', 'missed', 'on-track', 'at-risk', 'pending', 'no-data']);
export type KpiStatus = z.infer<typeof KpiStatus>;

/** One KPI target (a metric in one week or span of weeks) with its verdict. */
export const KpiCellJson = z.strictObject({
  sprint: PlanId.nullable(),
  /** The metric's name as the plan writes it. */
  metric: z.string().min(1),
  /** The KPI's id (what `kpi record` takes). */
  kpi: PlanId,
  /** A number for a one-week target, "from-to" (e.g. "3-4") for a span. */
  week: z.union([WeekNumber, z.string().regex(/^\d+-\d+$/)]),
  /** The target as the plan writes it, e.g. "<500KB". */
  target: z.string(),
  /** Last working day of the target's weeks: the checkpoint. */
  due: IsoDate,
  /** The value recorded for it, as typed. */
  actual: z.string().nullable(),
  /** The actual as a number in the target's base unit (`unit`); null for a word or no value. */
  value: z.number().nullable(),
  /** B (bytes), ms, %, a count's noun, a rating's scale ("/5"); null for a plain number or none. */
  unit: z.string().nullable(),
  status: KpiStatus,
});
export type KpiCellJson = z.infer<typeof KpiCellJson>;

export const OnTrackVerdict = z.enum(['on track', 'behind', 'ahead']);

/** The fields of the on-track verdict every command prints; some add `total` and `late`. */
export const onTrackFields = {
  verdict: OnTrackVerdict,
  /** Items of the sprint done so far. */
  done: Count,
  /** Items of the sprint due by the end of the previous day. */
  expected: Count,
};

/** An escalation level is an id from the plan's escalation section (the bundled plan: critical, high). */
export const EscalationLevel = z.string();

/** Item counts of a plan, as import and validate report them. */
export const PlanCountsJson = z.strictObject({
  sprints: Count,
  weeks: Count,
  blocks: Count,
  tasks: Count,
  checklist: Count,
  kpis: Count,
  standupQuestions: Count,
});
export type PlanCountsJson = z.infer<typeof PlanCountsJson>;

/** A problem the Markdown importer worked around, at a line of the source. */
export const ImportWarningJson = z.strictObject({ line: z.number().int().positive(), message: z.string() });
export type ImportWarningJson = z.infer<typeof ImportWarningJson>;

// ---------------------------------------------------------------------------------------------------
// Events a write command recorded: built by this version, so their shape is exact.

const measuredValue = {
  /** The threshold's name, for an item with several ("LCP"). */
  label: z.string().optional(),
  /** The value as typed. */
  text: z.string(),
  status: z.enum(['met', 'missed']),
};

export const MeasuredValueJson = z.strictObject(measuredValue);

/** The fields every event this version writes starts with. */
export const written = {
  v: z.literal(1),
  id: NewEventId,
  ts: WrittenTimestamp,
  /** When it was really recorded, if `ts` was backdated with --date (any type of event). */
  recorded: WrittenTimestamp.optional(),
  actor: z.string().min(1),
};

export const CheckEventJson = z.strictObject({
  ...written,
  type: z.literal('check'),
  item: PlanId,
  note: z.string().optional(),
  values: z.array(MeasuredValueJson).min(1).optional(),
  /** Recorded with --force although a value missed its target. */
  missed: z.literal(true).optional(),
});
export const UncheckEventJson = z.strictObject({ ...written, type: z.literal('uncheck'), item: PlanId });
export const BlockEventJson = z.strictObject({ ...written, type: z.literal('block'), item: PlanId, reason: z.string().min(1) });
export const UnblockEventJson = z.strictObject({ ...written, type: z.literal('unblock'), item: PlanId });
export const NoteEventJson = z.strictObject({ ...written, type: z.literal('note'), item: PlanId, text: z.string().min(1) });
/** The CI report a KPI value was read from (`kpi record --from`). */
const kpiSource = {
  /** Relative to the workspace's folder, or the file's name; a glob as typed. */
  file: z.string().min(1),
  /** lighthouse, coverage-summary, cobertura, lcov, junit, k6, webpack, esbuild, or files (a glob's sum). */
  kind: z.string().min(1),
  /** The field read (performance, lines, p95, js, bytes, gzip, …). */
  field: z.string().min(1),
  /** Of the file (for a glob: of its sorted `sha256  path` lines). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The tool as the report names itself ("Lighthouse 9.6.8"). */
  tool: z.string().min(1).optional(),
};
export const KpiSourceJson = z.strictObject(kpiSource);

export const KpiEventJson = z.strictObject({
  ...written,
  type: z.literal('kpi'),
  /** The KPI's id. */
  metric: PlanId,
  /** As typed, e.g. "540KB", or as read from a report. */
  value: z.string().min(1),
  week: WeekNumber,
  note: z.string().optional(),
  source: KpiSourceJson.optional(),
});
export const StandupEventJson = z.strictObject({
  ...written,
  type: z.literal('standup'),
  date: IsoDate,
  /** Question → answer. */
  answers: z.record(z.string(), z.string()),
});
export const EscalateEventJson = z.strictObject({
  ...written,
  type: z.literal('escalate'),
  item: PlanId,
  level: EscalationLevel.min(1),
  reason: z.string().min(1),
});
export const ResolveEventJson = z.strictObject({
  ...written,
  type: z.literal('escalate'),
  item: PlanId,
  resolve: z.literal(true),
});
export const UndoEventJson = z.strictObject({
  ...written,
  type: z.literal('undo'),
  /** The id of the event this one cancels. */
  target: z.string().min(1),
  item: z.string().optional(),
});
export type CheckEventJson = z.infer<typeof CheckEventJson>;
export type UncheckEventJson = z.infer<typeof UncheckEventJson>;
export type BlockEventJson = z.infer<typeof BlockEventJson>;
export type UnblockEventJson = z.infer<typeof UnblockEventJson>;
export type NoteEventJson = z.infer<typeof NoteEventJson>;
export type KpiEventJson = z.infer<typeof KpiEventJson>;
export type StandupEventJson = z.infer<typeof StandupEventJson>;
export type EscalateEventJson = z.infer<typeof EscalateEventJson>;
export type ResolveEventJson = z.infer<typeof ResolveEventJson>;
export type UndoEventJson = z.infer<typeof UndoEventJson>;

// ---------------------------------------------------------------------------------------------------
// Events read from the log, printed as they are (log, show, undo). Other tools may add fields and
// types, so these objects are loose: the common fields and the fields of the known types are typed
// as far as the log reader guarantees them, anything else (e.g. `recorded` of a backdated check)
// passes through.

export const KNOWN_EVENT_TYPES = ['check', 'uncheck', 'block', 'unblock', 'note', 'assign', 'kpi', 'standup', 'escalate', 'undo'] as const;

/** A measurement inside a logged event (and where a command passes one on): loose, like its event. */
export const LoggedValueJson = z.looseObject(measuredValue);

const logged = {
  v: z.literal(1),
  id: z.string().min(1),
  ts: Timestamp,
  actor: z.string().min(1),
};
const itemRef = z.string().min(1);

const KnownLoggedEvent = z.discriminatedUnion('type', [
  z.looseObject({
    ...logged,
    type: z.literal('check'),
    item: itemRef,
    note: z.string().optional(),
    values: z.array(LoggedValueJson).optional(),
    missed: z.boolean().optional(),
  }),
  z.looseObject({ ...logged, type: z.literal('uncheck'), item: itemRef }),
  z.looseObject({ ...logged, type: z.literal('block'), item: itemRef, reason: z.string() }),
  z.looseObject({ ...logged, type: z.literal('unblock'), item: itemRef }),
  z.looseObject({ ...logged, type: z.literal('note'), item: itemRef, text: z.string() }),
  z.looseObject({ ...logged, type: z.literal('assign'), item: itemRef, owner: z.string() }),
  z.looseObject({
    ...logged,
    type: z.literal('kpi'),
    item: z.string().optional(),
    metric: z.string(),
    value: z.string(),
    week: z.number(),
    note: z.string().optional(),
    source: z.looseObject(kpiSource).optional(),
  }),
  z.looseObject({
    ...logged,
    type: z.literal('standup'),
    item: z.string().optional(),
    date: z.string(),
    answers: z.record(z.string(), z.string()),
  }),
  // `level` and `reason` are set unless `resolve` is true.
  z.looseObject({ ...logged, type: z.literal('escalate'), item: z.string().optional(), level: EscalationLevel.optional(), reason: z.string().optional(), resolve: z.boolean().optional() }),
  z.looseObject({ ...logged, type: z.literal('undo'), item: z.string().optional(), target: z.string().min(1) }),
]);

/** An event of a type this version does not know: kept, with only the common fields typed. */
const UnknownLoggedEvent = z
  .looseObject({ ...logged, type: z.string().min(1), item: z.string().optional() })
  .refine((e) => !(KNOWN_EVENT_TYPES as readonly string[]).includes(e.type), { message: 'a known event type with the wrong fields' });

/** An event as the log holds it. */
export const LoggedEventJson = z.union([KnownLoggedEvent, UnknownLoggedEvent]);
export type LoggedEventJson = z.infer<typeof LoggedEventJson>;

/** A logged event in a history (log, show), marked when an undo cancelled it. */
export const HistoryEventJson = z.intersection(LoggedEventJson, z.looseObject({ undone: z.boolean() }));
export type HistoryEventJson = z.infer<typeof HistoryEventJson>;
