// launch __complete <words…>: the candidates for the last word of a command line, one a line, for the
// shell scripts `launch completion` prints. Hidden, and never a failure: whatever goes wrong, it prints
// nothing and exits 0, so a TAB never fills the terminal with an error. Commands, flags and fixed
// choices come from the commander definitions help prints; ids, teams, sprints and KPIs from the
// workspace (or the bundled plan) through the store's door, whose snapshots spare parsing the YAML.
import type { Command } from 'commander';
import { openState, type State } from '../io/store/open.js';
import { safeText } from '../render/sanitize.js';
import type { Runtime } from '../runtime.js';
import { type ArgumentSpec, type CommandSpec, commandSpec, type OptionSpec } from './shared/command-tree.js';

/** Printed alone: the shell should complete file names instead. */
export const FILE_DIRECTIVE = ':file';

/** Descriptions (item titles) only when this few candidates are left: a long list is read by id. */
const DESCRIBED = 40;

interface Candidate {
  value: string;
  description?: string;
}

/** What the words before the current one leave to complete. */
type Slot =
  | { kind: 'option-value'; option: OptionSpec }
  | { kind: 'option'; options: OptionSpec[] }
  | { kind: 'word'; cmd: CommandSpec; position: number };

interface Parsed {
  slot: Slot;
  /** --dir given on the line, for the workspace to read. */
  dir: string | undefined;
}

function parse(root: CommandSpec, before: string[], current: string): Parsed {
  let cmd = root;
  let position = 0;
  let dir: string | undefined;
  let pending: OptionSpec | undefined;
  const optionNamed = (name: string) => [...cmd.options, ...(cmd === root ? [] : root.options)].find((o) => o.names.includes(name));
  for (const word of before) {
    if (pending) {
      if (pending.names.includes('--dir')) dir = word;
      pending = undefined;
    } else if (word.startsWith('-') && word !== '-' && word !== '--') {
      const [name, value] = word.split(/=(.*)/s, 2) as [string, string | undefined];
      const option = optionNamed(name);
      if (option?.takesValue && value === undefined) pending = option;
      if (name === '--dir' && value !== undefined) dir = value;
    } else {
      const sub = position === 0 ? cmd.commands.find((c) => c.name === word) : undefined;
      if (sub) cmd = sub;
      else position++;
    }
  }
  if (pending) return { slot: { kind: 'option-value', option: pending }, dir };
  if (current.startsWith('-')) return { slot: { kind: 'option', options: cmd === root ? root.options : [...cmd.options, ...root.options] }, dir };
  return { slot: { kind: 'word', cmd, position }, dir };
}

/** Words of the plan's team names, each enough for --team ("backend" finds "Backend Lead + DevOps"). */
const teamWords = (state: State): string[] =>
  state.plan.blocks.flatMap((b) => (b.team ?? '').toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 1);

const sprintNumbers = (state: State): string[] => state.plan.sprints.map((s) => s.id.replace(/^s/, ''));

function itemIds(state: State, prefix: string): Candidate[] {
  const ids: number[] = [];
  for (let i = 0; i < state.items.count; i++) if (state.items.id(i).startsWith(prefix)) ids.push(i);
  // A title is read only for a short list: reading it builds the item, which a long list need not pay.
  return ids.map((i) => (ids.length <= DESCRIBED ? { value: state.items.id(i), description: state.items.item(i).title } : { value: state.items.id(i) }));
}

const kpiIds = (state: State): Candidate[] => state.plan.kpis.map((k) => ({ value: k.id, description: k.metric }));

type Values = Candidate[] | typeof FILE_DIRECTIVE;

const plain = (values: Iterable<string>): Candidate[] => [...new Set(values)].map((value) => ({ value }));

async function optionValues(option: OptionSpec, prefix: string, state: () => Promise<State>): Promise<Values> {
  if (option.choices) return plain(option.choices);
  const name = option.names[option.names.length - 1];
  switch (name) {
    case '--team':
      return plain(teamWords(await state()));
    case '--sprint':
      return plain(sprintNumbers(await state()));
    case '--week': {
      const weeks = (await state()).plan.totalWeeks;
      return plain(Array.from({ length: weeks }, (_, i) => String(i + 1)));
    }
    case '--level':
      return plain((await state()).plan.escalation.levels.map((l) => l.id));
    case '--item':
      return itemIds(await state(), prefix);
    case '--date':
      return plain(['today', 'yesterday', 'tomorrow']);
    case '--since':
      return plain(['today', 'yesterday']);
    case '--tz':
      return plain(Intl.supportedValuesOf('timeZone'));
    case '--plan':
    case '--from':
    case '--output':
    case '--out':
    case '--source':
    case '--dir':
      return FILE_DIRECTIVE;
    default:
      return [];
  }
}

/** The argument a positional word fills: the last one when it is variadic. */
function argumentAt(cmd: CommandSpec, position: number): ArgumentSpec | undefined {
  const args = cmd.arguments;
  if (position < args.length) return args[position];
  const last = args[args.length - 1];
  return last?.variadic ? last : undefined;
}

async function wordValues(cmd: CommandSpec, position: number, prefix: string, state: () => Promise<State>): Promise<Values> {
  if (position === 0 && cmd.commands.length > 0) return cmd.commands.map((c) => ({ value: c.name, ...(c.description ? { description: c.description } : {}) }));
  const arg = argumentAt(cmd, position);
  if (!arg) return [];
  if (arg.choices) return plain(arg.choices);
  if (arg.name === 'items' || arg.name === 'item') {
    const s = await state();
    return cmd.name === 'show' ? [...itemIds(s, prefix), ...kpiIds(s)] : itemIds(s, prefix);
  }
  // A KPI is named by its first word; the words after it are the rest of its name or the value.
  if (arg.name === 'metric') return position === 0 ? kpiIds(await state()) : [];
  if (/^plan/.test(arg.name)) return FILE_DIRECTIVE;
  return [];
}

function optionCandidates(options: OptionSpec[]): Candidate[] {
  return options.flatMap((o) => {
    const long = o.names.filter((n) => n.startsWith('--'));
    return (long.length > 0 ? long : o.names).map((value) => ({ value, description: o.description }));
  });
}

/** One line a candidate: the value, then a tab and a one-line description when there is one. */
const line = (c: Candidate): string => {
  const description = c.description ? safeText(c.description).replace(/\s+/g, ' ').trim() : '';
  return description ? `${c.value}\t${description}` : c.value;
};

/**
 * The candidates for `words`' last word (the one being typed, maybe empty), the words before it being
 * what follows `launch` on the line. `program` holds the command those words name, if any.
 */
export async function completions(rt: Runtime, program: Command, words: string[]): Promise<string[]> {
  const root = commandSpec(program);
  const current = words.length > 0 ? words[words.length - 1]! : '';
  const { slot, dir } = parse(root, words.slice(0, -1), current);
  let opened: Promise<State> | undefined;
  const state = () =>
    (opened ??= openState({ cwd: rt.cwd, dir: dir ?? (rt.env.LAUNCH_DIR || undefined), env: rt.env, now: rt.now().getTime(), write: false }));
  let values: Values;
  if (slot.kind === 'option-value') values = await optionValues(slot.option, current, state);
  else if (slot.kind === 'option') values = optionCandidates(slot.options);
  else values = await wordValues(slot.cmd, slot.position, current, state);
  if (values === FILE_DIRECTIVE) return [FILE_DIRECTIVE];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of values) {
    // Only values a shell can take as one word, printable and without a tab or newline.
    if (!c.value.startsWith(current) || seen.has(c.value) || safeText(c.value) !== c.value || /\s/.test(c.value)) continue;
    seen.add(c.value);
    out.push(line(c));
  }
  return out;
}

/** The hidden command: prints the candidates and never fails. */
export async function completeCommand(rt: Runtime, program: Command, words: string[]): Promise<void> {
  let lines: string[];
  try {
    lines = await completions(rt, program, words);
  } catch {
    return;
  }
  if (lines.length > 0) rt.stdout.write(`${lines.join('\n')}\n`);
}
