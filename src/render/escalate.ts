// `launch escalate` with no item: open escalations, then the candidates the plan's rules suggest.
import type { EscalationState } from '../core/log/state.js';
import type { Escalation, EscalationLevel } from '../core/plan/schema.js';
import type { Candidate } from '../core/queries/escalation.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export function renderEscalations(open: readonly EscalationState[], candidates: readonly Candidate[], theme: Theme): string[] {
  const { c } = theme;
  const out = [c.bold(`Open escalations (${open.length})`)];
  for (const e of open) out.push(`  ▲ ${safeText(e.level)} · ${safeText(e.item ?? 'general')}: ${safeText(e.reason)} (${safeText(e.actor)})`);
  out.push(c.bold(`Candidates (${candidates.length})`));
  for (const cand of candidates) {
    const rule = cand.level ? `${cand.level.id}${cand.level.timing ? ` · ${cand.level.timing}` : ''}` : 'no rule';
    out.push(`  △ ${cand.id}  ${safeText(cand.title)} — ${cand.why} → ${safeText(rule)}${cand.trigger ? c.dim(` ("${safeText(cand.trigger)}")`) : ''}`);
  }
  return out;
}

/** After `escalate <item>`: what was escalated, how fast the level wants an answer, and whom to call. */
export function escalated(theme: Theme, item: string, level: string, rule: EscalationLevel | undefined, rules: Escalation): string[] {
  return [
    `${theme.c.red('▲')} escalated ${item} (${level}${rule?.timing ? `: ${safeText(rule.timing)}` : ''})`,
    ...rules.contacts.map((c) => theme.c.dim(`  ${safeText(c.role)}: ${safeText(c.contact)}`)),
  ];
}
