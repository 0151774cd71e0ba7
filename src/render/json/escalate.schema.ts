// `launch escalate <item> --level --reason --json`, `launch escalate --resolve <item> --json`, and
// `launch escalate --json` (no item): open escalations and the candidates the plan's rules suggest.
import { z } from 'zod';
import { EscalateEventJson, EscalationLevel, ResolveEventJson, SchemaVersion, Timestamp } from './shared.schema.js';

export const EscalateJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([EscalateEventJson]),
});
export type EscalateJson = z.infer<typeof EscalateJson>;

export const EscalateResolveJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([ResolveEventJson]),
});
export type EscalateResolveJson = z.infer<typeof EscalateResolveJson>;

export const OpenEscalationJson = z.strictObject({
  /** The item's id, or "" for an escalation about no single item. */
  key: z.string(),
  /** Absent for an escalation about no single item. */
  item: z.string().optional(),
  level: EscalationLevel,
  reason: z.string(),
  actor: z.string(),
  ts: Timestamp,
  /** The escalate event's id. */
  id: z.string().min(1),
  open: z.literal(true),
});

export const EscalationCandidateJson = z.strictObject({
  /** An item 2+ working days late, or a KPI missed at its checkpoint. */
  kind: z.enum(['overdue', 'kpi']),
  /** Item id or KPI id. */
  id: z.string().min(1),
  title: z.string(),
  why: z.string(),
  /** The plan's level whose trigger fits best (else its last); null when the plan has none. */
  level: EscalationLevel.nullable(),
  timing: z.string().nullable(),
  /** The plan's trigger line that matched. */
  trigger: z.string().nullable(),
});

export const EscalationsJson = z.strictObject({
  schema: SchemaVersion,
  /** Oldest first. */
  open: z.array(OpenEscalationJson),
  candidates: z.array(EscalationCandidateJson),
});
export type EscalationsJson = z.infer<typeof EscalationsJson>;
