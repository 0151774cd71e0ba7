// The few questions launch asks, behind one small interface. @inquirer/prompts costs ~50 ms to load,
// so it is imported only when a question is really asked.
import { stripHiddenLine } from '../core/plan/hidden-text.js';
import { CancelledError } from '../errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

async function ask<R>(run: (p: typeof import('../lazy/prompts.js')) => Promise<R>): Promise<R> {
  const prompts = await import('../lazy/prompts.js');
  try {
    return await run(prompts);
  } catch (error) {
    // Ctrl-C: nothing has been recorded yet; the CLI maps this to exit 130.
    if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') throw new CancelledError();
    throw error;
  }
}

// What a prompt shows is often the plan's text (a standup question, item titles) or a file name: it
// reaches the terminal without an escape sequence or a hidden character, like everything else.
const shown = stripHiddenLine;
const shownChoices = <T>(choices: Choice<T>[]): Choice<T>[] =>
  choices.map((c) => ({ ...c, name: shown(c.name), ...(c.description === undefined ? {} : { description: shown(c.description) }) }));

export const pickOne = <T>(message: string, choices: Choice<T>[]): Promise<T> =>
  ask((p) => p.select({ message: shown(message), choices: shownChoices(choices), pageSize: 12 }));

export const pickMany = <T>(message: string, choices: Choice<T>[]): Promise<T[]> =>
  ask((p) => p.checkbox({ message: shown(message), choices: shownChoices(choices), pageSize: 15 }));

export const confirm = (message: string, initial = true): Promise<boolean> =>
  ask((p) => p.confirm({ message: shown(message), default: initial }));

export const askText = (message: string, initial?: string): Promise<string> =>
  ask((p) => p.input(initial === undefined ? { message: shown(message) } : { message: shown(message), default: shown(initial) }));
