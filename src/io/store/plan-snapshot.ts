// Parsing and validating YAML costs more than the rest of `launch today` (and pulls in yaml and zod).
// A JSON snapshot of the validated plan and config skips that work. It is keyed to each file's stamp
// (size, times and inode) and the checksum of its bytes (./source-stamp.ts), plus the tool's and the tz
// database's versions, so a hit reads no YAML at all. A snapshot that is stale, truncated, unparsable or of the
// wrong shape is ignored and rewritten; the plan's own files are never touched.
// The items come last, one JSON row each, behind columns of what queries over every item read
// (./item-columns.ts): a command parses only the rows of the items it shows. Everything before the rows
// is checked on every read, against its checksum (./checksum.ts) and for what a plan can hold, so a
// snapshot edited by hand, even to the same length, is read from the YAML again; a row only when it is
// read, against its own checksum and its columns. A row that does not match (a snapshot edited in
// place) cannot be rebuilt mid-command: the snapshot is removed and the command stops with a message,
// and the next run reads the YAML.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zoneTableFor } from '../../core/calendar/calendar.js';
import { dayNumber } from '../../core/calendar/date.js';
import type { Config } from '../../core/config/config.js';
import type { ZoneTable } from '../../core/calendar/zone-table.js';
import { itemsOf, type PlanHead, type PlanItems } from '../../core/plan/items.js';
import type { Item, Plan } from '../../core/plan/schema.js';
import type { PlanParse } from '../../core/plan/yaml.js';
import { LaunchError } from '../../errors.js';
import { BUILD_ID } from './build-id.js';
import { checksum } from './checksum.js';
import { columnItems, columnsFromJson, columnsHold, columnsJson, type ItemColumns, itemColumns, itemMatches } from './item-columns.js';
import { planPartHolds, rowEndsHold } from './plan-snapshot-shape.js';
import { wordsOf, wordsText } from './words.js';
import { writeFileAtomic } from '../atomic-write.js';
import { formatProblems } from '../plan-source.js';
import { readCache } from '../safe-path.js';
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
  if (cached) return cached;
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

/**
 * Line 1: {key, body, rows, sum, rowsSum}, the byte lengths of what follows and their checksums. Line
 * 2: the plan without its items, the config, the zone table, the item columns (./item-columns.ts),
 * where each item's row ends and each row's checksum. Then the rows: the items as a JSON array, one per
 * line. Everything but the rows is parsed and checked here; a row is parsed when its item is first
 * read, and must match its checksum and its columns.
 */
function snapshotText(key: string, src: string, plan: Plan, config: Config | undefined, zone: ZoneTable | undefined): Buffer {
  const { items, ...rest } = plan;
  // One string and one encoding of all the rows: on 10,000 items a buffer per row, joined as text and
  // encoded again, cost more than the JSON itself.
  const rows = items.map((item) => JSON.stringify(item));
  const rowsText = Buffer.from(`[${rows.join(',\n')}]`);
  const rowEnds = new Int32Array(rows.length);
  let rowSums = '';
  let at = 1;
  rows.forEach((row, i) => {
    const end = at + Buffer.byteLength(row);
    rowEnds[i] = end;
    rowSums += checksum(rowsText, at, end);
    at = end + 2;
  });
  const body = Buffer.from(JSON.stringify({ plan: rest, config, zone, columns: columnsJson(itemColumns(items)), rowEnds: wordsText(rowEnds), rowSums }));
  const header: Header = { key, src, body: body.length, rows: rowsText.length, sum: checksum(body), rowsSum: checksum(rowsText) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body, Buffer.from('\n'), rowsText]);
}


interface Header {
  key: string;
  /** The checksum of the plan's and config's bytes it was built from (./source-stamp.ts). */
  src: string;
  /** The byte lengths of the body and the rows, and their checksums. */
  body: number;
  rows: number;
  sum: string;
  rowsSum: string;
}

/** As written; read back, `columns` and `rowEnds` are decoded (./item-columns.ts). */
interface Body {
  plan: PlanHead;
  config: Config | undefined;
  zone: ZoneTable | undefined;
  columns: unknown;
  /** Base64 of 32-bit words. */
  rowEnds: unknown;
  /** Each row's checksum (8 hex digits), one after the other. */
  rowSums: string;
}

const SINGLE_ROWS = 512;

function readSnapshot(path: string, key: string, vouch: (src: unknown, mtimeMs: number) => boolean): Loaded | undefined {
  let buf: Buffer;
  let header: Header;
  let body: Body;
  let columns: ItemColumns;
  let rowEnds: Int32Array;
  let rowsAt: number;
  try {
    buf = readCache(path) ?? Buffer.alloc(0);
    const newline = buf.indexOf(10);
    header = JSON.parse(buf.toString('utf8', 0, newline)) as Header;
    if (header.key !== key || typeof header.body !== 'number' || typeof header.rows !== 'number') return undefined;
    rowsAt = newline + 1 + header.body + 1;
    if (buf.length !== rowsAt + header.rows || checksum(buf, newline + 1, rowsAt - 1) !== header.sum) return undefined;
    body = JSON.parse(buf.toString('utf8', newline + 1, rowsAt - 1)) as Body;
    const plan = body?.plan as unknown as Partial<Plan> | undefined;
    const decoded = columnsFromJson(body.columns);
    const endWords = typeof body.rowEnds === 'string' ? wordsOf(body.rowEnds) : undefined;
    const ends = endWords && new Int32Array(endWords);
    if (!planPartHolds(plan) || !columnsHold(decoded, plan.totalWeeks) || !rowEndsHold(ends, decoded.count, header.rows)) return undefined;
    [columns, rowEnds] = [decoded, ends];
    if (typeof body.rowSums !== 'string' || body.rowSums.length !== decoded.count * 8) return undefined;
    if (!vouch(header.src, statSync(path).mtimeMs)) return undefined;
  } catch {
    return undefined;
  }
  const { rowSums } = body;
  const checked = (i: number, item: Item | undefined): Item => {
    if (!item || !itemMatches(columns, items.id, i, item)) {
      try {
        rmSync(path, { force: true });
      } catch {
        // a read-only directory: the message still says what is wrong
      }
      throw new LaunchError(`${path}: the plan snapshot is damaged at item ${i + 1}; it has been removed and the next run rebuilds it`);
    }
    return item;
  };
  const parse = (from: number, to: number): unknown => {
    try {
      return JSON.parse(buf.toString('utf8', rowsAt + from, rowsAt + to));
    } catch {
      return undefined; // reported as damage by the caller
    }
  };
  const row = (i: number) => {
    const [from, to] = [i === 0 ? 1 : rowEnds[i - 1]! + 2, rowEnds[i]!];
    const intact = checksum(buf, rowsAt + from, rowsAt + to) === rowSums.slice(i * 8, i * 8 + 8);
    return checked(i, intact ? (parse(from, to) as Item | undefined) : undefined);
  };
  const rows = (): Item[] => {
    const all = checksum(buf, rowsAt) === header.rowsSum ? parse(0, buf.length - rowsAt) : undefined;
    // A damaged array is read row by row, so the message names the row that is damaged.
    if (!Array.isArray(all) || all.length !== columns.count) return Array.from({ length: columns.count }, (_, i) => row(i));
    return all.map((item, i) => checked(i, item as Item));
  };
  // One row at a time for the few a command shows; past that, one parse of them all costs less.
  let single = 0;
  const items: PlanItems = columnItems(columns, (i) => (++single > SINGLE_ROWS ? items.all()[i]! : row(i)), rows);
  return { plan: body.plan, items, config: body.config, zone: body.zone, source: 'snapshot' };
}
