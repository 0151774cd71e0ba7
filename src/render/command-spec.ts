// A command as its help describes it, read from commander (commands/shared/command-tree.ts): what
// shell completion and the man page are made from.

export interface OptionSpec {
  /** As help shows them: "-a, --all", "--status <status>". */
  flags: string;
  /** Every spelling: ["-a", "--all"]. */
  names: string[];
  /** The flag reads the next word as its value. */
  takesValue: boolean;
  /** A fixed set of values (commander's .choices()). */
  choices?: readonly string[];
  description: string;
}

export interface ArgumentSpec {
  name: string;
  variadic: boolean;
  choices?: readonly string[];
  description: string;
}

export interface CommandSpec {
  name: string;
  /** The words that name it after `launch`: ["kpi", "record"]. */
  path: string[];
  usage: string;
  description: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  commands: CommandSpec[];
  /** Text help adds after the options (examples, field lists), without its leading blank line. */
  after: string;
}
