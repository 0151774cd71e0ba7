// launch unblock <item...>: the blocker is gone.
import type { Ctx } from '../runtime.js';
import { backToTodo } from './shared/back-to-todo.js';
import { handle, type Register } from './shared/command.js';
import { AS_OPTION } from './shared/options.js';

export const register: Register = (program, rt) =>
  program
    .command('unblock')
    .description('clear the block on items')
    .argument('<items...>', 'item ids, id prefixes, or words of a title')
    .option(...AS_OPTION)
    .action(handle(rt, unblockCommand));

export const unblockCommand = (ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> => backToTodo(ctx, refs, opts.as, { from: 'blocked', type: 'unblock', suffix: ' (unblocked)', not: 'blocked' });
