// Shared by the in-process command tests (test/commands): a fixed environment, a deterministic clock
// and readers for a workspace's log. Commands run through ./in-process.ts only.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchIn, type Result, scratchDir } from './in-process.js';

/**
 * What every command sees unless a test says otherwise: UTC and nothing else, so the actor comes from
 * the workspace (`init --as`) rather than LAUNCH_ACTOR, git or the OS user.
 */
export const ENV: Record<string, string> = { TZ: 'UTC' };

/**
 * A clock for a test file: each reading is one second after the one before, from `start`. Events
 * then keep the order they were recorded in, as they do for a person typing commands, and no test
 * depends on the real date or time.
 */
export function clock(start: string): () => string {
  const base = Date.parse(start);
  if (Number.isNaN(base)) throw new Error(`not an instant: ${start}`);
  let n = 0;
  return () => new Date(base + 1000 * n++).toISOString();
}

export interface Launcher {
  (args: string[], cwd: string, env?: Record<string, string | undefined>): Promise<Result>;
}

/** Runs commands in-process with `env` (default ENV), each at the next reading of a clock from `start`. */
export function launcher(start: string): Launcher {
  const now = clock(start);
  return (args, cwd, env = ENV) => launchIn(args, { cwd, env, now: now() });
}

export const logPath = (dir: string): string => join(dir, '.launch', 'events.jsonl');
export const logOf = (dir: string): string => (existsSync(logPath(dir)) ? readFileSync(logPath(dir), 'utf8') : '');
/** The log's events, parsed; a malformed line throws. */
export const eventsOf = (dir: string): any[] => logOf(dir).split('\n').filter(Boolean).map((l) => JSON.parse(l));

const templates = new Map<string, string>();

/**
 * A new directory as `launch init <args>` (run with `launch`'s environment) leaves an empty one. The
 * init runs once per test file and arguments, and each caller gets a copy: an init costs ~40 ms of CPU
 * and a git process, a copy ~3 ms. Nothing in what init writes depends on the clock, and the arguments
 * should name the actor (--as) so that nothing depends on the environment either. The copy's caches
 * name the template's paths, so its first command rebuilds them, as after any copy of a workspace.
 */
export async function initialised(launch: Launcher, args: string[]): Promise<string> {
  const key = JSON.stringify(args);
  let template = templates.get(key);
  // Made again when the test file that made it has ended and its directories are gone.
  if (template === undefined || !existsSync(template)) {
    template = scratchDir('launch-template-');
    const r = await launch(['init', ...args], template);
    if (r.code !== 0) throw new Error(r.stderr);
    templates.set(key, template);
  }
  const dir = scratchDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A workspace on the bundled plan, week 1 from Mon 30 Nov 2026, as `launch init` makes it. */
export const workspaceWith = (launch: Launcher, tz = 'Europe/Berlin'): Promise<string> =>
  initialised(launch, ['--start', '2026-11-30', '--tz', tz, '--as', 'alice']);

/** An item's status as `show --json` gives it. */
export const statusWith = async (launch: Launcher, dir: string, id: string): Promise<string> => JSON.parse((await launch(['show', id, '--json'], dir)).stdout).item.status;
