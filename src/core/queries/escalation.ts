// The plan's escalation section as rules: open escalations with the contacts to call, and candidates
// (items 2+ working days late, KPIs missed at their checkpoint) with the rule whose trigger fits best.
import type { EscalationState } from '../log/state.js';
import type { Escalation, EscalationLevel } from '../plan/schema.js';
import { words } from '../plan/words.js';
import type { KpiCell } from './kpis.js';
import type { Overdue } from './today.js';

export interface Candidate {
  kind: 'overdue' | 'kpi';
  /** Item id or KPI id. */
  id: string;
  title: string;
  why: string;
  level: EscalationLevel | undefined;
  /** The plan's trigger line that matched, if any. */
  trigger: string | undefined;
}

const IGNORED = new Set(['issues', 'issue', 'problems', 'all', 'and', 'or', 'the', 'of', 'for', 'with', 'complete', 'discovered']);
const significant = (text: string) => words(text).filter((w) => w.length > 2 && !IGNORED.has(w));

/** The level whose trigger shares most words with the text; else the plan's last (least urgent) level. */
export function matchRule(escalation: Escalation, text: string): { level: EscalationLevel | undefined; trigger: string | undefined } {
  const subject = new Set(significant(text).map((w) => w.slice(0, 5)));
  let best: { level: EscalationLevel; trigger: string; score: number } | undefined;
  for (const level of escalation.levels) {
    for (const trigger of level.triggers) {
      const score = significant(trigger).filter((w) => subject.has(w.slice(0, 5))).length;
      if (score > 0 && (!best || score > best.score)) best = { level, trigger, score };
    }
  }
  return best ? { level: best.level, trigger: best.trigger } : { level: escalation.levels.at(-1), trigger: undefined };
}

export function escalationCandidates(escalation: Escalation, overdue: Overdue[], missed: KpiCell[], open: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const o of overdue) {
    if (o.daysLate < 2 || open.has(o.entry.id)) continue;
    out.push({ kind: 'overdue', id: o.entry.id, title: o.entry.item.title, why: `${o.daysLate} working days late`, ...matchRule(escalation, o.entry.item.title) });
  }
  for (const c of missed) {
    out.push({ kind: 'kpi', id: c.kpi.id, title: c.kpi.metric, why: `missed ${c.target.text} (actual ${c.actual?.value})`, ...matchRule(escalation, c.kpi.metric) });
  }
  return out;
}

export function openEscalations(escalations: ReadonlyMap<string, EscalationState>): EscalationState[] {
  return [...escalations.values()].filter((e) => e.open).sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
}

/** Contacts for a level: the plan lists them once for all levels, so every level gets the list. */
export function contactsFor(escalation: Escalation): string[] {
  return escalation.contacts.map((c) => `${c.role}: ${c.contact}`);
}
