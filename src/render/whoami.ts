// `launch whoami`: the name events are recorded under, the source that decided it, and what would
// decide without it.
import type { WhoamiJson } from './json/whoami.schema.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export type Whoami = Omit<WhoamiJson, 'schema'>;
type Source = Whoami['sources'][number]['source'];

/** Why a source decides, in a sentence's words. */
const WHY: Record<Source, string> = {
  '--as': 'the --as option of this command',
  LAUNCH_ACTOR: 'the LAUNCH_ACTOR environment variable',
  '.launch/actor': ".launch/actor: this clone's own name (set by launch init --as, git-ignored)",
  'config.yaml': "actor in .launch/config.yaml, the team's shared default",
  'git user.name': 'git config user.name',
  'OS user': 'the OS user',
};

/** A source next to its name, in a list. */
const LABEL: Record<Source, string> = {
  '--as': '--as',
  LAUNCH_ACTOR: 'LAUNCH_ACTOR',
  '.launch/actor': '.launch/actor',
  'config.yaml': "config.yaml's actor",
  'git user.name': 'git user.name',
  'OS user': 'the OS user',
};

export function renderWhoami(w: Whoami, theme: Theme): string[] {
  const [first, ...rest] = w.sources;
  if (!first) return [w.actor, theme.c.dim('  no name anywhere: give --as, set LAUNCH_ACTOR, or run launch init --as <name>')];
  const out = [safeText(w.actor), `  from ${WHY[first.source]}`];
  if (rest.length > 0) out.push(theme.c.dim(`  otherwise: ${rest.map((r) => `${LABEL[r.source]} ${safeText(r.name)}`).join(', then ')}`));
  return out;
}
