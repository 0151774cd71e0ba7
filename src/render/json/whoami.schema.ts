// `launch whoami --json`: the name events are recorded under, and where it came from.
import { z } from 'zod';
import { SchemaVersion } from './shared.schema.js';

/** Where a name can come from, in the order they are asked (the first one set decides). */
const ActorSource = z.enum(['--as', 'LAUNCH_ACTOR', '.launch/actor', 'config.yaml', 'git user.name', 'OS user']);

export const WhoamiJson = z.strictObject({
  schema: SchemaVersion,
  /** The name events are recorded under ("unknown" when no source has one). */
  actor: z.string().min(1),
  /** The source that decided it; null when none had a name. */
  source: ActorSource.nullable(),
  /** The workspace directory, relative to the working directory; null outside one. */
  workspace: z.string().min(1).nullable(),
  /** Every source that has a name, in the order they are asked: the first decides. */
  sources: z.array(z.strictObject({ source: ActorSource, name: z.string().min(1) })),
});
export type WhoamiJson = z.infer<typeof WhoamiJson>;
