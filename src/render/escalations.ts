// Open escalations come first in today and standup, with the plan's contacts for their level.
import type { Zone } from '../core/calendar/zone.js';
import type { EscalationState } from '../core/log/state.js';
import type { Escalation } from '../core/plan/schema.js';
import { contactsFor } from '../core/queries/escalation.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { formatTimestamp } from './timestamps.js';

export function escalationBanner(theme: Theme, open: readonly EscalationState[], rules: Escalation, zone: Zone): string[] {
  if (open.length === 0) return [];
  const { c } = theme;
  const out = [c.red.bold(`▲ ${open.length} open escalation${open.length === 1 ? '' : 's'}`)];
  for (const e of open) {
    const level = rules.levels.find((l) => l.id === e.level);
    const when = level?.timing ? ` · ${safeText(level.timing)}` : '';
    out.push(`  ${c.red('▲')} ${safeText(e.level.toUpperCase())}${when} · ${safeText(e.item ?? 'general')}: ${safeText(e.reason)} ${c.dim(`(${safeText(e.actor)}, ${formatTimestamp(e.ts, zone)})`)}`);
  }
  const contacts = contactsFor(rules);
  if (contacts.length > 0) out.push(c.dim(`  contacts: ${contacts.map(safeText).join(' · ')}`));
  out.push('');
  return out;
}
