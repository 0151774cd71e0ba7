// Parsing and validating the YAML plan costs more than the rest of `launch today`; a JSON snapshot of
// the validated plan, keyed by the YAML's hash and the tool's version, skips both. A snapshot that is
// stale, unreadable or does not match is ignored and rewritten, never trusted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Plan } from '../core/plan-schema.js';
import { parsePlanYaml } from '../core/plan-yaml.js';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { formatProblems } from './plan-source.js';
import { readTextFile } from './text-file.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : 'dev';

export function snapshotPath(planPath: string): string {
  return join(dirname(planPath), `.${basename(planPath)}.snapshot.json`);
}

export function loadPlan(planPath: string, display = planPath): Plan {
  const text = readTextFile(planPath, 'YAML plan', display);
  const key = sha256(`${VERSION}\0${text}`);
  const cached = readSnapshot(snapshotPath(planPath), key);
  if (cached) return cached;
  const parsed = parsePlanYaml(text);
  if (!parsed.ok) throw new LaunchError(`invalid plan\n${formatProblems(display, parsed.problems)}`, { hint: `run \`launch validate ${display}\`` });
  try {
    const body = JSON.stringify(parsed.plan);
    writeFileAtomic(snapshotPath(planPath), `${JSON.stringify({ key, sum: sha256(body) })}\n${body}`);
  } catch {
    // A read-only plan directory only costs speed.
  }
  return parsed.plan;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Line 1: {key, sum}; the rest: the plan's JSON, trusted only when its checksum matches. */
function readSnapshot(path: string, key: string): Plan | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; sum?: unknown };
    const body = text.slice(newline + 1);
    if (header.key !== key || header.sum !== sha256(body)) return undefined;
    return JSON.parse(body) as Plan;
  } catch {
    return undefined;
  }
}
