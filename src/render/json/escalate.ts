// `launch escalate --json` with no item (./escalate.schema.ts).
import type { EscalationState } from '../../core/log/state.js';
import type { Candidate } from '../../core/queries/escalation.js';
import type { EscalationsJson } from './escalate.schema.js';

export function escalationsJson(open: readonly EscalationState[], candidates: readonly Candidate[]): EscalationsJson {
  return {
    schema: 1,
    open: open as EscalationsJson['open'],
    candidates: candidates.map((c) => ({ kind: c.kind, id: c.id, title: c.title, why: c.why, level: c.level?.id ?? null, timing: c.level?.timing ?? null, trigger: c.trigger ?? null })),
  };
}
