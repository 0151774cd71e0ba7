// How a command file hands its handler to commander: the context (streams, clock, colour, global
// flags) is built when the command runs, from the flags commander parsed.
import type { Command } from 'commander';
import { createCtx, type Ctx, type GlobalOptions, type Runtime } from '../../runtime.js';

/** What every file in src/commands/ exports: adds its command, flags, help and handler to the program. */
export type Register = (program: Command, rt: Runtime) => void;

export function handle<A extends unknown[]>(rt: Runtime, handler: (ctx: Ctx, ...args: A) => Promise<void> | void) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const ctx = createCtx(rt, command.optsWithGlobals() as GlobalOptions);
    await handler(ctx, ...(args.slice(0, -1) as A));
  };
}

/** Examples for a command's help, one command line each. */
export const examples = (...lines: string[]): string => `\nExample${lines.length === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}\n`).join('')}`;
