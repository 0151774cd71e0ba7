// `launch doctor [--repair] --json`: the config's check, the event log's check, events of items no longer in the plan, and
// the repair. Printed whether or not the log needs repair (exit 1 when it does and --repair was not given).
import { z } from 'zod';
import { SchemaVersion } from './shared.schema.js';

const Line = z.number().int().positive();
const Count = z.number().int().nonnegative();

export const LogProblemJson = z.strictObject({ file: z.string(), line: Line, message: z.string() });

export const DoctorJson = z.strictObject({
  schema: SchemaVersion,
  /** config.yaml: when it cannot be used, what is wrong and where (every other command stops on it). */
  config: z.strictObject({
    /** Absolute path of config.yaml. */
    path: z.string(),
    ok: z.boolean(),
    problem: z.strictObject({ line: Line.nullable(), message: z.string() }).nullable(),
  }),
  log: z.strictObject({
    /** Absolute path of events.jsonl. */
    path: z.string(),
    exists: z.boolean(),
    lines: Count,
    events: Count,
    /** Lines the reader rejects: commands refuse to write while there are any. */
    errors: z.array(LogProblemJson),
    /** Interrupted writes. */
    torn: z.array(LogProblemJson),
    /** Lines the reader accepts but the full event schema does not. */
    invalid: z.array(LogProblemJson),
    /** Lines whose id an earlier line has with other content: skipped by every read, moved by --repair. */
    conflicts: z.array(LogProblemJson),
    /** Ids on several lines: identical copies come from a git union merge. */
    duplicates: z.array(z.strictObject({ id: z.string(), lines: z.array(Line).min(2), identical: z.boolean() })),
    /** Events of types this version ignores. */
    unknownTypes: z.array(z.strictObject({ line: Line, type: z.string() })),
    /** Undo events whose target is not in the log. */
    danglingUndos: z.array(z.strictObject({ line: Line, target: z.string() })),
    /** Events typed after now by their own account: they decide no status until then. */
    future: z.array(z.strictObject({ line: Line, recorded: z.string() })),
    /** Nothing for --repair to do. */
    ok: z.boolean(),
  }),
  /** Events of items (or KPIs) no longer in the plan: kept, never deleted. */
  orphans: z.array(z.strictObject({ id: z.string(), type: z.string(), item: z.string().nullable() })),
  /** Only with --repair on a log that needed it. */
  repair: z
    .strictObject({
      /** Lines moved out of the log. */
      moved: Count,
      /** The file the moved lines went to. */
      backup: z.string().nullable(),
      /** A full copy of the log before the repair. */
      copy: z.string().nullable(),
    })
    .nullable(),
});
export type DoctorJson = z.infer<typeof DoctorJson>;
