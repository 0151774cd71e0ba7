// Open escalations come first in today and standup, with the plan's contacts for their level.
import { contactsFor, openEscalations } from '../core/queries/escalation.js';
import type { Session } from '../io/session.js';
import type { Ctx } from '../runtime.js';
import { safeText } from './sanitize.js';
import { formatTimestamp } from './timestamps.js';

export function escalationBanner(ctx: Ctx, session: Session): void {
  const open = openEscalations(session.state.escalations);
  if (open.length === 0) return;
  const { c } = ctx.theme;
  ctx.print(c.red.bold(`▲ ${open.length} open escalation${open.length === 1 ? '' : 's'}`));
  for (const e of open) {
    const level = session.plan.escalation.levels.find((l) => l.id === e.level);
    const when = level?.timing ? ` · ${safeText(level.timing)}` : '';
    ctx.print(`  ${c.red('▲')} ${safeText(e.level.toUpperCase())}${when} · ${safeText(e.item ?? 'general')}: ${safeText(e.reason)} ${c.dim(`(${safeText(e.actor)}, ${formatTimestamp(e.ts, session.calendar.zone)})`)}`);
  }
  const contacts = contactsFor(session.plan.escalation);
  if (contacts.length > 0) ctx.print(c.dim(`  contacts: ${contacts.map(safeText).join(' · ')}`));
  ctx.print();
}
