// launch __man: prints launch(1) in roff, for the build to write to man/launch.1 (scripts/build.mjs).
// Hidden: the page is made from every command's definition, which only a run that loads them all has.
import type { Command } from 'commander';
import { manPage } from '../render/man.js';
import type { Runtime } from '../runtime.js';
import { commandSpec } from './shared/command-tree.js';

export function manCommand(rt: Runtime, program: Command): void {
  rt.stdout.write(`${manPage(commandSpec(program), { version: program.version() ?? '' }).join('\n')}\n`);
}
