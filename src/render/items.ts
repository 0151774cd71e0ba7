// One line per item, the same everywhere: mark, id (to type into `check`), title, and quiet extras.
import type { Scheduled } from '../core/queries/schedule.js';
import type { Block } from '../core/plan/schema.js';
import { displayWidth } from './fit.js';
import { statusMark } from './marks.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

const DAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

export function itemLine(theme: Theme, e: Scheduled, idWidth: number, extra = '', indent = 0): string {
  const day = e.item.day ? theme.c.dim(`Day ${e.item.day} · `) : '';
  const moved = e.schedule?.moved ? theme.c.yellow(' (moved: holiday)') : '';
  return idColumn(`  ${' '.repeat(indent)}${statusMark(theme, e.status)} `, e.id, idWidth, `${day}${safeText(e.item.title)}${moved}${extra}`);
}

/**
 * `prefix`, the id padded to the column's width, two spaces and `rest`; an id wider than the column
 * ends its line, and `rest` starts the next one at the column after it, so the titles stay aligned.
 */
export function idColumn(prefix: string, id: string, idWidth: number, rest: string): string {
  if (id.length <= idWidth) return `${prefix}${id.padEnd(idWidth)}  ${rest}`;
  return `${prefix}${id}\n${' '.repeat(displayWidth(prefix) + idWidth + 2)}${rest}`;
}

/** Picker choices: ids padded to the widest shown (capped), so the titles line up. */
export function choiceNames(entries: readonly { id: string; title: string }[]): string[] {
  const width = Math.min(idCap(undefined), entries.reduce((w, e) => Math.max(w, e.id.length), 0));
  return entries.map((e) => `${e.id.padEnd(width)}  ${safeText(e.title)}`);
}

/** The widest an id column gets: a third of the terminal, 32 in a pipe, so the titles keep their room. */
export const idCap = (columns: number | undefined): number => (columns === undefined ? 32 : Math.max(8, Math.min(32, Math.floor(columns / 3))));

export function stepLines(theme: Theme, e: Scheduled): string[] {
  return (e.item.steps ?? []).map((s) => theme.c.dim(`        ${safeText(s)}`));
}

export function blockHeading(theme: Theme, block: Block | undefined): string {
  if (!block) return theme.c.bold('Other tasks');
  const days = block.days ? (block.days.from === block.days.to ? DAY_NAMES[block.days.from] : `${DAY_NAMES[block.days.from]}–${DAY_NAMES[block.days.to]}`) : '';
  const parts = [safeText(block.title), block.team ? safeText(block.team) : '', days].filter(Boolean);
  return theme.c.bold(parts[0]!) + theme.c.dim(parts.slice(1).map((p) => ` · ${p}`).join(''));
}

// Folded, not spread into Math.max: a day can hold more items than the stack has room for arguments.
export const idWidthOf = (entries: Scheduled[], columns: number | undefined): number => Math.min(idCap(columns), entries.reduce((w, e) => Math.max(w, e.id.length), 0));
