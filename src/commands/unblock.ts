// launch unblock <item...>: the blocker is gone.
import { backToTodoCommand } from './shared/back-to-todo.js';

export const { register, handler: unblockCommand } = backToTodoCommand({ type: 'unblock', description: 'clear the block on items', from: 'blocked', suffix: ' (unblocked)', not: 'blocked' });
