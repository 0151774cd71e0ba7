// Parsing and validating YAML costs more than the rest of `launch today` (and pulls in yaml and zod).
// A JSON snapshot of the validated plan and config skips that work. It is keyed like make keys its
// targets — by each file's size, modification time and inode, plus the tool's and the tz database's
// versions — so a hit reads no YAML at all. A snapshot that is stale, truncated, unparsable or of the
// wrong shape is ignored and rewritten, never trusted; the plan's own files are never touched.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zoneTableFor } from '../core/calendar.js';
import { dayNumber } from '../core/calendar-date.js';
import type { Config } from '../core/config.js';
import { registerZoneTable, type ZoneTable } from '../core/zone-table.js';
import type { Plan } from '../core/plan-schema.js';
import { LaunchError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { formatProblems } from './plan-source.js';
import { readTextFile } from './text-file.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : 'dev';

export function snapshotPath(planPath: string): string {
  return join(dirname(planPath), `.${basename(planPath)}.snapshot.json`);
}

export interface Loaded {
  plan: Plan;
  config: Config | undefined;
  /** The time zone's offsets around the plan, so that dates need no Intl formatter (zone-table.ts). */
  zone?: ZoneTable;
}

const DAY_MS = 86_400_000;

/** Offsets from 400 days before the plan to 400 days after it: "today" and every event fall inside. */
function zoneAround(timeZone: string, start: string, totalWeeks: number): ZoneTable | undefined {
  try {
    const first = (dayNumber(start) - 400) * DAY_MS;
    return zoneTableFor(timeZone, first, first + (800 + totalWeeks * 7 + 7) * DAY_MS);
  } catch {
    return undefined; // an unknown zone is reported by the session with the config's file name
  }
}

/**
 * The plan (and, in a workspace, its config), from the snapshot when both files are unchanged.
 * Without a config, `fallback` gives the zone and start date the bundled plan is shown with.
 */
export async function loadPlanAndConfig(planPath: string, configPath?: string, fallback?: { timeZone: string; start: string }): Promise<Loaded> {
  // The tz database version is part of the key: a Node upgrade with new zone rules rebuilds the table.
  const key = [VERSION, process.versions.tz ?? '', fileStamp(planPath, 'plan'), configPath ? fileStamp(configPath, 'workspace config') : '', fallback?.timeZone ?? ''].join('|');
  const cached = readSnapshot(snapshotPath(planPath), key);
  if (cached) {
    if (cached.zone) registerZoneTable(cached.zone);
    return cached;
  }
  const planText = readTextFile(planPath, 'YAML plan');
  const configText = configPath === undefined ? undefined : readTextFile(configPath, 'workspace config', configPath, 1024 * 1024);

  const { parsePlanYaml, parseConfigYaml } = await import('../lazy/parse.js');
  let config: Config | undefined;
  if (configText !== undefined) {
    const parsed = parseConfigYaml(configText);
    if (!parsed.ok) throw new LaunchError(`${configPath}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.message}`);
    config = parsed.config;
  }
  const parsed = parsePlanYaml(planText);
  if (!parsed.ok) throw new LaunchError(`invalid plan\n${formatProblems(planPath, parsed.problems)}`, { hint: `run \`launch validate ${planPath}\`` });
  const zoneSource = config ?? fallback;
  const zone = zoneSource ? zoneAround(zoneSource.timeZone, zoneSource.start, parsed.plan.totalWeeks) : undefined;
  const loaded: Loaded = zone ? { plan: parsed.plan, config, zone } : { plan: parsed.plan, config };
  if (zone) registerZoneTable(zone);
  try {
    const body = JSON.stringify(loaded);
    writeFileAtomic(snapshotPath(planPath), `${JSON.stringify({ key, length: body.length })}\n${body}`);
  } catch {
    // A read-only plan directory only costs speed.
  }
  return loaded;
}

/** size:mtime:inode — "has this file changed?" without reading it. */
function fileStamp(path: string, what: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LaunchError(`${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : code ?? (error as Error).message})`, { cause: error });
  }
}

/** Line 1: {key, length}; the rest: the JSON, used only when key, length and shape all hold. */
function readSnapshot(path: string, key: string): Loaded | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; length?: unknown };
    const body = text.slice(newline + 1);
    if (header.key !== key || header.length !== body.length) return undefined;
    const loaded = JSON.parse(body) as Loaded;
    const plan = loaded?.plan as Partial<Plan> | undefined;
    const shaped = plan?.schema === 1 && [plan.items, plan.sprints, plan.weeks, plan.blocks, plan.kpis, plan.sections].every(Array.isArray);
    return shaped ? loaded : undefined;
  } catch {
    return undefined;
  }
}
