// launch uncheck <item...>: back to todo (a mistaken check, or work that turned out unfinished).
import type { Ctx } from '../runtime.js';
import { backToTodo } from './shared/back-to-todo.js';

export function uncheckCommand(ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> {
  return backToTodo(ctx, refs, opts.as, { from: 'done', type: 'uncheck', suffix: '', not: 'done' });
}
