// launch export md [--out file | --in-place] [--source plan.md] [--force]: the plan's Markdown with
// `[x]` on done items and `[ ]` on open ones, every other byte as it is in the source, so a diff of the
// file shows exactly the progress. `launch plan update` reads boxes ticked by hand the other way.
import type { Command } from 'commander';
import { type PlacedItem, sameButBoxes, setCheckboxes } from '../core/export/checkboxes.js';
import { itemStatus } from '../core/log/item-state.js';
import { wholePlan } from '../core/plan/items.js';
import { LaunchError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { findMarkdownSource, type MarkdownSource, readExactText } from '../io/markdown-source.js';
import { checkItemCount, importMarkdownText } from '../io/plan-source.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx, Runtime } from '../runtime.js';
import { examples, handle } from './shared/command.js';
import { openForRead } from './shared/open.js';
import { writeOutFile } from './shared/output.js';

export interface ExportMdOptions {
  out?: string;
  inPlace?: boolean;
  source?: string;
  force?: boolean;
}

export const register = (group: Command, rt: Runtime): Command =>
  group
    .command('md')
    .description('the plan\'s Markdown with each checkbox set as the log says')
    .option('-o, --out <file>', 'write it to this file (default: standard output)')
    .option('--in-place', 'rewrite the Markdown the plan was imported from (it must be inside the project folder)')
    .option('--source <plan.md>', 'the Markdown to write into (default: the one the workspace\'s plan was imported from)')
    .option('--force', 'with --out: replace an existing file that is not an export of this plan')
    .addHelpText(
      'after',
      `
Only the character inside each checkbox changes: line ends, a byte order mark
and every other byte stay as they are, so \`git diff\` shows just the progress.
Items are found by their line and title; if the Markdown was edited since the
plan was imported, nothing is written until \`launch plan update\` reads it.
Ticking boxes by hand works the other way: \`launch plan update plan.md\`
records them as checks and unchecks.
${examples('launch export md --in-place && git diff', 'launch export md --out progress.md', 'launch export md | grep -c "\\[x\\]"')}`,
    )
    .action(handle(rt, exportMdCommand));

const listed = (items: readonly PlacedItem[]): string =>
  items
    .slice(0, 10)
    .map((i) => `\n  line ${i.line}: ${safeText(i.title)}`)
    .join('') + (items.length > 10 ? `\n  … and ${items.length - 10} more` : '');

export async function exportMdCommand(ctx: Ctx, opts: ExportMdOptions): Promise<void> {
  if (opts.inPlace && opts.out !== undefined) throw new UsageError('--in-place and --out: choose one');
  if (ctx.json) throw new UsageError('launch export md writes Markdown; --json does not apply');
  const state = await openForRead(ctx);
  const source = findMarkdownSource(ctx.rt.cwd, state.paths, opts.source);
  if (opts.inPlace) checkInPlace(source);
  const { text, bom } = readExactText(source);
  const { plan: imported } = await importMarkdownText(text, source.full, source.shown);
  checkItemCount(imported, source.shown);
  const tracked = wholePlan(state.plan, state.items);
  const byId = new Map(tracked.items.map((i) => [i.id, i]));
  const isDone = (id: string) => itemStatus(state.fold.items.get(id), byId.get(id)?.done === true) === 'done';
  const result = setCheckboxes(text, imported.items, tracked.items, isDone);
  if (result.unplaced.length > 0 || result.untracked.length > 0) {
    const unplaced = result.unplaced.length > 0 ? `\n${result.unplaced.length} item(s) of the plan have no checkbox at their line:${listed(result.unplaced)}` : '';
    const untracked = result.untracked.length > 0 ? `\n${result.untracked.length} checkbox(es) are not in the plan:${listed(result.untracked)}` : '';
    throw new LaunchError(`${source.shown}: no longer matches the workspace's plan, so its boxes cannot be placed; nothing was written${unplaced}${untracked}`, {
      hint: `run \`launch plan update ${source.shown}\` first (it keeps every status), then export again`,
    });
  }
  const output = (bom ? '\uFEFF' : '') + result.text;
  const ticked = result.changes.filter((c) => c.done).length;
  const summary = `${ticked} box(es) ticked, ${result.changes.length - ticked} unticked`;
  if (opts.inPlace) {
    if (result.changes.length === 0) return ctx.print(`${safeText(source.shown)} is up to date: every box says what the log does`);
    writeFileAtomic(source.full, output, { display: source.shown, bounds: [source.project!] });
    ctx.print(`${ctx.theme.mark.done} wrote ${safeText(source.shown)}: ${summary}`);
    return ctx.note(`\`git diff ${safeText(source.shown)}\` shows the progress; commit it to share it.`);
  }
  if (opts.out === undefined) return void ctx.rt.stdout.write(output);
  const shown = writeOutFile(ctx, {
    out: opts.out,
    force: opts.force,
    kind: 'an earlier export of this plan',
    isEarlierOutput: (existing) => sameButBoxes(existing, result.text),
    rules: {
      command: 'launch export',
      hint: 'write the export next to the plan, e.g. --out progress.md',
      source: { path: source.full, refusal: 'is the Markdown the plan was imported from; use --in-place to rewrite it' },
      what: 'Markdown file',
    },
  }, output);
  ctx.print(`${ctx.theme.mark.done} wrote ${safeText(shown)} from ${safeText(source.shown)}: ${summary} against the source`);
}

function checkInPlace(source: MarkdownSource): void {
  if (source.bundled) {
    throw new LaunchError('the plan is the bundled SecureNet plan, whose Markdown is part of launch itself; --in-place does not rewrite it', {
      hint: 'write a copy instead: launch export md --out securenet-launch.md',
    });
  }
  if (source.project === undefined) {
    throw new LaunchError(`${source.shown}: is outside the project folder (the one holding .launch/); --in-place rewrites only a file inside it`, {
      hint: 'write a copy instead: launch export md --out <file>',
    });
  }
}
