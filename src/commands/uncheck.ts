// launch uncheck <item...>: back to todo (a mistaken check, or work that turned out unfinished).
import { backToTodoCommand } from './shared/back-to-todo.js';

export const { register, handler: uncheckCommand } = backToTodoCommand({ type: 'uncheck', description: 'mark done items as not done again', from: 'done', suffix: '', not: 'done' });
