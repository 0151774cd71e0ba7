// launch uncheck <item...>: back to todo (a mistaken check, or work that turned out unfinished).
import type { Ctx } from '../runtime.js';
import { backToTodo } from './shared/back-to-todo.js';
import { handle, type Register } from './shared/command.js';
import { AS_OPTION } from './shared/options.js';

export const register: Register = (program, rt) =>
  program
    .command('uncheck')
    .description('mark done items as not done again')
    .argument('<items...>', 'item ids, id prefixes, or words of a title')
    .option(...AS_OPTION)
    .action(handle(rt, uncheckCommand));

export const uncheckCommand = (ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> => backToTodo(ctx, refs, opts.as, { from: 'done', type: 'uncheck', suffix: '', not: 'done' });
