// launch unblock <item...>: the blocker is gone.
import type { Ctx } from '../runtime.js';
import { backToTodo } from './shared/back-to-todo.js';

export function unblockCommand(ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> {
  return backToTodo(ctx, refs, opts.as, { from: 'blocked', type: 'unblock', suffix: ' (unblocked)', not: 'blocked' });
}
