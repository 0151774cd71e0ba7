// launch whoami [--as <name>]: who this clone's events are recorded as, and why: which of --as,
// LAUNCH_ACTOR, .launch/actor, config.yaml's actor, git's user.name and the OS user decided it.
import { relative } from 'node:path';
import { openState } from '../io/store/open.js';
import { actorChoices, findWorkspace, INIT_HINT } from '../io/workspace.js';
import { whoamiJson } from '../render/json/whoami.js';
import { renderWhoami } from '../render/whoami.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { AS_OPTION } from './shared/options.js';

export const register: Register = (program, rt) =>
  program
    .command('whoami')
    .description('who your events are recorded as, and which setting decided it')
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch whoami', "launch whoami --json | jq -r '.actor'"))
    .action(handle(rt, whoamiCommand));

export async function whoamiCommand(ctx: Ctx, opts: { as?: string } = {}): Promise<void> {
  const paths = findWorkspace(ctx.rt.cwd, ctx.dir) ?? undefined;
  // The settings as a write reads them (the config's actor); outside a workspace there are none.
  const config = paths ? (await openState({ cwd: ctx.rt.cwd, dir: paths.dir, env: ctx.rt.env, now: ctx.rt.now().getTime() })).config : undefined;
  if (!paths) ctx.note(`No launch workspace here, so nothing is recorded yet; ${INIT_HINT}.`);
  const sources = await actorChoices(opts.as, config, ctx.rt.cwd, ctx.rt.env, paths, true);
  const model = {
    actor: sources[0]?.name ?? 'unknown',
    source: sources[0]?.source ?? null,
    workspace: paths ? relative(ctx.rt.cwd, paths.dir) || paths.dir : null,
    sources,
  };
  if (ctx.json) return ctx.printJson(whoamiJson(model));
  ctx.printLines(renderWhoami(model, ctx.theme));
}
