// Parsing and validating YAML costs more than the rest of `launch today` (and pulls in yaml and zod).
// A JSON snapshot of the validated plan and config skips that work. It is keyed to each file's stamp
// (size, times and inode) and the checksum of its bytes (./source-stamp.ts), plus the tool's and the tz
// database's versions, so a hit reads no YAML at all. A snapshot that is stale, truncated, unparsable or of the
// wrong shape is ignored and rewritten; the plan's own files are never touched. Its layout, and what is
// read of it when, is ./plan-snapshot-text.ts's.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zoneTableFor } from '../../core/calendar/calendar.js';
import { dayNumber } from '../../core/calendar/date.js';
import type { Config } from '../../core/config/config.js';
import type { ZoneTable } from '../../core/calendar/zone-table.js';
import { itemsOf, type PlanHead, type PlanItems } from '../../core/plan/items.js';
import type { Plan } from '../../core/plan/schema.js';
import type { PlanParse } from '../../core/plan/yaml.js';
import { LaunchError } from '../../errors.js';
import { BUILD_ID } from './build-id.js';
import { readSnapshot, snapshotText } from './plan-snapshot-text.js';
import { writeFileAtomic } from '../atomic-write.js';
import { formatProblems } from '../plan-source.js';
import { isRacy, redate, type SourceStamp, sourceStamp, sourcesSum } from './source-stamp.js';
import { readTextFile, readWorkspaceText } from '../text-file.js';

export function snapshotPath(planPath: string): string {
  return join(dirname(planPath), `.${basename(planPath)}.snapshot.json`);
}

export interface ConfigProblem {
  file: string;
  line?: number;
  message: string;
}

export interface Loaded {
  plan: PlanHead;
  items: PlanItems;
  config: Config | undefined;
  /** Why config.yaml could not be used (config is then undefined): the store decides who hears it. */
  configProblem?: ConfigProblem;
  /** Whether the YAML was read, or the snapshot stood in for it. */
  source: 'yaml' | 'snapshot';
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
 * `snapshot` is where the snapshot lives: beside the plan unless said; null, nowhere (no cache).
 */
export async function loadPlanAndConfig(
  planPath: string,
  configPath?: string,
  fallback?: { timeZone: string; start: string },
  snapshot: string | null = snapshotPath(planPath),
): Promise<Loaded> {
  // Taken before the stat: a source changed after it has a later ctime than the one in the key.
  const statedAt = new Date();
  const stamps = [sourceStamp(planPath, 'plan'), ...(configPath ? [sourceStamp(configPath, 'workspace config')] : [])];
  // The plan's path is in the key: a snapshot away from its plan (the user's cache) is then never another's.
  const key = snapshotKey(planPath, stamps, fallback?.timeZone);
  // A workspace's files are regular files within it (./safe-path.ts); the bundled plan is ours.
  const readSources = (): [string, string | undefined] => [
    configPath === undefined ? readTextFile(planPath, 'YAML plan') : readWorkspaceText(planPath, 'YAML plan'),
    configPath === undefined ? undefined : readWorkspaceText(configPath, 'workspace config', configPath, 1024 * 1024),
  ];
  const vouch = (sum: unknown, snapshotMtimeMs: number): boolean => {
    if (!isRacy(stamps, snapshotMtimeMs)) return true;
    if (sum !== sourcesSum(readSources())) return false;
    redate(snapshot!, statedAt);
    return true;
  };
  const cached = snapshot === null ? undefined : readSnapshot(snapshot, key, vouch);
  if (cached) return { ...cached, source: 'snapshot' };
  const [planText, configText] = readSources();

  const { parsed, config, configProblem } = await parseSources(planText, configText, configPath);
  if (!parsed.ok) throw new LaunchError(`invalid plan\n${formatProblems(planPath, parsed.problems)}`, { hint: `run \`launch validate ${planPath}\`` });
  const zoneSource = config ?? fallback;
  const zone = zoneSource ? zoneAround(zoneSource.timeZone, zoneSource.start, parsed.plan.totalWeeks) : undefined;
  const { items, ...plan } = parsed.plan;
  const loaded: Loaded = { plan, items: itemsOf(items), config, zone, source: 'yaml' };
  // A snapshot holds a usable config or none: a broken one is read, and reported, every time.
  if (configProblem) return { ...loaded, configProblem };
  if (snapshot === null) return loaded;
  try {
    // The user's cache directory may not exist yet; a workspace's .launch/ does.
    if (snapshot !== snapshotPath(planPath)) mkdirSync(dirname(snapshot), { recursive: true, mode: 0o700 });
    writeFileAtomic(snapshot, snapshotText(key, sourcesSum([planText, configText]), parsed.plan, config, zone));
  } catch {
    // A read-only directory, or no cache directory at all, only costs speed.
  }
  return loaded;
}

interface ParsedSources {
  parsed: PlanParse;
  config: Config | undefined;
  /** Why config.yaml could not be used, at its line. */
  configProblem?: ConfigProblem;
}

/**
 * The plan and config from their texts. Files as launch wrote them are read without the yaml library,
 * or even its chunk (../../lazy/own-yaml.ts); the library reads only what that reader could not, once.
 */
async function parseSources(planText: string, configText: string | undefined, configPath: string | undefined): Promise<ParsedSources> {
  const own = await import('../../lazy/own-yaml.js');
  const ownPlan = own.parseEmittedPlan(planText);
  const { config, configProblem } = await parseConfigText(configText, configPath, own.parseEmittedConfig);
  const parsed: PlanParse = ownPlan ? { ok: true, plan: ownPlan } : (await import('../../lazy/parse.js')).parseAnyPlanYaml(planText);
  return { parsed, config, ...(configProblem ? { configProblem } : {}) };
}

async function parseConfigText(text: string | undefined, path: string | undefined, asWritten: (text: string) => Config | undefined): Promise<Omit<ParsedSources, 'parsed'>> {
  if (text === undefined) return { config: undefined };
  const config = asWritten(text);
  if (config) return { config };
  const read = (await import('../../lazy/parse.js')).parseConfigYaml(text);
  return read.ok ? { config: read.config } : { config: undefined, configProblem: { file: path!, ...(read.line ? { line: read.line } : {}), message: read.message } };
}

// The tz database version is part of the key: a Node upgrade with new zone rules rebuilds the table.
const snapshotKey = (planPath: string, stamps: readonly SourceStamp[], fallbackZone: string | undefined): string =>
  [BUILD_ID, process.versions.tz ?? '', planPath, stamps[0]!.key, stamps[1]?.key ?? '', fallbackZone ?? ''].join('|');

/**
 * After a command wrote a workspace's plan.yaml (init, plan update, import inside a workspace): the
 * snapshot the next read would build, built now from what the command already holds, so that the first
 * command after the change does not parse the plan again. Keyed as the reader keys it, from stamps taken
 * after the write; the sum is of the bytes read back after that stamp, so a file changed meanwhile is
 * either left without a snapshot or caught by its stamp or, within RACY_MS, by the sum. `plan` is the plan
 * parsePlanYaml gave for exactly `written`, if the command has it; else `written` is parsed here (as
 * launch wrote it: without the yaml library, see parseSources). Best effort: the plan is written, and a snapshot only saves time.
 */
export async function rememberPlan(planPath: string, configPath: string, written: string, plan?: Plan): Promise<void> {
  try {
    const statedAt = new Date();
    const stamps = [sourceStamp(planPath, 'plan'), sourceStamp(configPath, 'workspace config')];
    const planText = readWorkspaceText(planPath, 'YAML plan');
    const configText = readWorkspaceText(configPath, 'workspace config', configPath, 1024 * 1024);
    if (planText !== written) return;
    const read = plan === undefined ? await parseSources(planText, configText, configPath) : undefined;
    const config = read ? read.config : (await parseConfigText(configText, configPath, (await import('../../lazy/own-yaml.js')).parseEmittedConfig)).config;
    if (read) plan = read.parsed.ok ? read.parsed.plan : undefined;
    if (config === undefined || plan === undefined) return;
    const zone = zoneAround(config.timeZone, config.start, plan.totalWeeks);
    const path = snapshotPath(planPath);
    writeFileAtomic(path, snapshotText(snapshotKey(planPath, stamps, undefined), sourcesSum([planText, configText]), plan, config, zone));
    // Dated when its sources were stamped, not later: a change made meanwhile stays within RACY_MS of it.
    redate(path, statedAt);
  } catch {
    // A read-only directory, a full disk: the next read builds the snapshot.
  }
}
