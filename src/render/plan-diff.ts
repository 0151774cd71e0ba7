// A plan update's diff as text: one line per item that changes, marks that read without colour.
import type { BoxEdit } from '../core/export/box-edits.js';
import type { Move, Place, PlanDiff } from '../core/plan/diff.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { count } from './count.js';

export interface ItemHistory {
  status: string;
  events: number;
}

const span = (s: { from: number | string; to: number | string }) => (s.from === s.to ? String(s.from) : `${s.from}-${s.to}`);

function fieldText(place: Place, field: Move['changed'][number]): string {
  const value = place[field];
  if (value === undefined) return 'none';
  return typeof value === 'object' ? span(value) : String(value);
}

export const placeText = (place: Place): string => place.block ?? place.section;

export function moveText(move: Move): string {
  return move.changed.map((f) => `${f} ${fieldText(move.from, f)} → ${fieldText(move.to, f)}`).join(', ');
}

/** The id column: as wide as the longest id listed, up to 32 (a longer id runs into its title). */
const idWidth = (diff: PlanDiff): number => Math.min(32, [...diff.added, ...diff.removed, ...diff.renamed, ...diff.moved].reduce((w, x) => Math.max(w, x.id.length), 0));

/** The lines of the diff; `history` tells what a removed item leaves behind in the log. */
export function renderPlanDiff(diff: PlanDiff, theme: Theme, history: (id: string) => ItemHistory | undefined): string[] {
  const { c } = theme;
  const width = idWidth(diff);
  const out: string[] = [];
  for (const a of diff.added) out.push(`  ${c.green('+ added  ')} ${a.id.padEnd(width)} ${safeText(a.title)} ${c.dim(`(${placeText(a.place)})`)}`);
  for (const r of diff.removed) {
    const h = history(r.id);
    const left = h && h.events > 0 ? `${h.status}; ${h.events === 1 ? 'its 1 event stays' : `its ${h.events} events stay`} in the log` : 'no history';
    out.push(`  ${c.red('- removed')} ${r.id.padEnd(width)} ${safeText(r.title)} ${c.dim(`(${left})`)}`);
  }
  for (const r of diff.renamed) {
    const text = `"${safeText(r.from)}" → "${safeText(r.to)}"${r.importedId !== r.id ? c.dim(' (keeps its id and history)') : ''}`;
    out.push(`  ${c.yellow('~ renamed')} ${r.id.padEnd(width)} ${text}`);
  }
  for (const m of diff.moved) out.push(`  ${c.cyan('→ moved  ')} ${m.id.padEnd(width)} ${safeText(moveText(m))}`);
  if (diff.edited.length > 0) out.push(`  ${c.dim('* edited ')} ${count(diff.edited.length, 'item')}: steps, details or targets changed`);
  const kpis = [...diff.kpis.added.map((k) => `+${k}`), ...diff.kpis.removed.map((k) => `-${k}`)];
  if (kpis.length > 0) out.push(`  KPIs: ${kpis.join(' ')}`);
  out.push(c.dim(`  ${count(diff.unchanged, 'item')} unchanged`));
  return out;
}

/** The whole screen of `plan update` before it asks: where from, and what changes. */
export function planUpdateScreen(shownPlan: string, source: string, diff: PlanDiff, changedItems: number, theme: Theme, history: (id: string) => ItemHistory | undefined): string[] {
  return [
    `Plan update: ${safeText(shownPlan)} ← ${safeText(source)}`,
    ...(changedItems === 0 ? ['  no items added, removed, renamed, moved or edited (other parts of the plan changed)'] : []),
    ...renderPlanDiff(diff, theme, history),
  ];
}

/** Boxes ticked or unticked by hand in the Markdown that differ from the log: the events to record. */
export function boxEditLines(source: string, edits: readonly BoxEdit[], theme: Theme): string[] {
  const { c } = theme;
  const out = [`Boxes in ${safeText(source)} that differ from the log (recorded as yours, noted "from the plan file"):`];
  const width = Math.min(32, edits.reduce((w, e) => Math.max(w, e.id.length), 0));
  for (const e of edits) {
    const what = e.done ? c.green('[x] check  ') : c.yellow('[ ] uncheck');
    out.push(`  ${what} ${e.id.padEnd(width)} ${safeText(e.title)} ${c.dim(`(line ${e.line}; the log says ${e.was})`)}`);
  }
  return out;
}
