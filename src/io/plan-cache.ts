// Parsing and validating YAML costs more than the rest of `launch today` (and pulls in yaml and zod).
// A JSON snapshot of the validated plan and config, keyed by a hash of both files' text and the
// tool's version, skips that work. A snapshot that is stale, unreadable or fails its checksum is
// ignored and rewritten, never trusted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../core/config.js';
import type { Plan } from '../core/plan-schema.js';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { formatProblems } from './plan-source.js';
import { readTextFile } from './text-file.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : 'dev';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function snapshotPath(planPath: string): string {
  return join(dirname(planPath), `.${basename(planPath)}.snapshot.json`);
}

export interface Loaded {
  plan: Plan;
  config: Config | undefined;
}

/** The plan (and, in a workspace, its config), from the snapshot when both files are unchanged. */
export async function loadPlanAndConfig(planPath: string, configPath?: string): Promise<Loaded> {
  const planText = readTextFile(planPath, 'YAML plan');
  const configText = configPath === undefined ? undefined : readTextFile(configPath, 'workspace config', configPath, 1024 * 1024);
  const key = sha256(`${VERSION}\0${planText}\0${configText ?? ''}`);
  const cached = readSnapshot(snapshotPath(planPath), key);
  if (cached) return cached;

  const { parsePlanYaml, parseConfigYaml } = await import('../lazy/parse.js');
  let config: Config | undefined;
  if (configText !== undefined) {
    const parsed = parseConfigYaml(configText);
    if (!parsed.ok) throw new LaunchError(`${configPath}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.message}`);
    config = parsed.config;
  }
  const parsed = parsePlanYaml(planText);
  if (!parsed.ok) throw new LaunchError(`invalid plan\n${formatProblems(planPath, parsed.problems)}`, { hint: `run \`launch validate ${planPath}\`` });
  const loaded = { plan: parsed.plan, config };
  try {
    const body = JSON.stringify(loaded);
    writeFileAtomic(snapshotPath(planPath), `${JSON.stringify({ key, sum: sha256(body) })}\n${body}`);
  } catch {
    // A read-only plan directory only costs speed.
  }
  return loaded;
}

/** Line 1: {key, sum}; the rest: the JSON, trusted only when its checksum matches. */
function readSnapshot(path: string, key: string): Loaded | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; sum?: unknown };
    const body = text.slice(newline + 1);
    if (header.key !== key || header.sum !== sha256(body)) return undefined;
    return JSON.parse(body) as Loaded;
  } catch {
    return undefined;
  }
}
