// The commands, flags and fixed choices as commander holds them, the same definitions `--help` prints:
// shell completion and the man page are made from this, so neither keeps a list of its own.
import type { Command, Option } from 'commander';
import type { CommandSpec, OptionSpec } from '../../render/command-spec.js';

export type { ArgumentSpec, CommandSpec, OptionSpec } from '../../render/command-spec.js';

function optionSpec(o: Option): OptionSpec {
  const names = [o.short, o.long].filter((n): n is string => typeof n === 'string');
  return {
    flags: o.flags,
    names,
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    description: o.description,
  };
}

/** What `addHelpText('after', …)` adds, as help would write it. */
function afterText(cmd: Command): string {
  let text = '';
  // A command is an EventEmitter (help writes its added text on this event); the typings omit it.
  (cmd as unknown as { emit(event: string, context: unknown): void }).emit('afterHelp', { error: false, command: cmd, write: (s: string) => void (text += s) });
  return text.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** A command and its visible subcommands, options and arguments, as its help lists them. */
export function commandSpec(cmd: Command, path: string[] = []): CommandSpec {
  const help = cmd.createHelp();
  return {
    name: cmd.name(),
    path,
    usage: help.commandUsage(cmd),
    description: cmd.description(),
    options: help.visibleOptions(cmd).map(optionSpec),
    arguments: cmd.registeredArguments.map((a) => ({
      name: a.name(),
      variadic: a.variadic,
      ...(a.argChoices ? { choices: a.argChoices } : {}),
      description: a.description,
    })),
    commands: help
      .visibleCommands(cmd)
      .filter((c) => c.name() !== 'help')
      .map((c) => commandSpec(c, [...path, c.name()])),
    after: afterText(cmd),
  };
}
