// One line per item, the same everywhere: mark, id (to type into `check`), title, and quiet extras.
import type { Scheduled, Status } from '../core/queries/schedule.js';
import type { Block } from '../core/plan/schema.js';
import type { Ctx } from '../runtime.js';
import { safeText } from './sanitize.js';

export function statusMark(ctx: Ctx, status: Status): string {
  const { mark } = ctx.theme;
  return status === 'done' ? mark.done : status === 'blocked' ? mark.blocked : mark.todo;
}

const DAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

export function itemLine(ctx: Ctx, e: Scheduled, idWidth: number, extra = ''): string {
  const day = e.item.day ? ctx.theme.c.dim(`Day ${e.item.day} · `) : '';
  const moved = e.schedule?.moved ? ctx.theme.c.yellow(' (moved: holiday)') : '';
  return `  ${statusMark(ctx, e.status)} ${e.id.padEnd(idWidth)}  ${day}${safeText(e.item.title)}${moved}${extra}`;
}

export function stepLines(ctx: Ctx, e: Scheduled): string[] {
  return (e.item.steps ?? []).map((s) => ctx.theme.c.dim(`        ${safeText(s)}`));
}

export function blockHeading(ctx: Ctx, block: Block | undefined): string {
  if (!block) return ctx.theme.c.bold('Other tasks');
  const days = block.days ? (block.days.from === block.days.to ? DAY_NAMES[block.days.from] : `${DAY_NAMES[block.days.from]}–${DAY_NAMES[block.days.to]}`) : '';
  const parts = [safeText(block.title), block.team ? safeText(block.team) : '', days].filter(Boolean);
  return ctx.theme.c.bold(parts[0]!) + ctx.theme.c.dim(parts.slice(1).map((p) => ` · ${p}`).join(''));
}

export const idWidthOf = (entries: Scheduled[]): number => Math.min(30, Math.max(0, ...entries.map((e) => e.id.length)));
