// The plan snapshot's layout (./plan-snapshot.ts says when it is used). Line 1, the header: the key, the
// byte lengths of the three parts that follow and their checksums. Line 2, the body: the plan without
// its items, the config, the zone table, the item index (./item-columns.ts: count, nested, id hashes),
// where each item's row ends and each row's checksum. Line 3, the item columns. Then the rows: the items
// as a JSON array, one per line.
// Every part's checksum is compared on every read, so a snapshot edited by hand, even to the same
// length, is read from the YAML again. The body is parsed and checked for what a plan can hold on every
// read; the columns when a command first needs one, and a row when its item is first read. Columns or a
// row that do not hold (a snapshot forged with its checksums made to match) cannot be rebuilt
// mid-command: the snapshot is removed and the command stops with a message, and the next run reads
// the YAML. As with every cache (./checksum.ts), this is not a defence against forgery: a snapshot
// forged whole and consistently is believed, as an edited plan.yaml would be. What the checks make
// sure of is that what a command reads holds together and holds only what a plan can.
import { rmSync } from 'node:fs';
import type { ZoneTable } from '../../core/calendar/zone-table.js';
import type { Config } from '../../core/config/config.js';
import type { PlanHead, PlanItems } from '../../core/plan/items.js';
import type { Item, Plan } from '../../core/plan/schema.js';
import { LaunchError } from '../../errors.js';
import { checksum } from './checksum.js';
import { openKept } from './kept-file.js';
import { anyNested, columnItems, columnsFromJson, columnsHold, columnsJson, type ItemColumns, itemColumns, type ItemIndex, itemIndex, itemMatches, rowHolds } from './item-columns.js';
import { planPartHolds, rowEndsHold } from './plan-snapshot-shape.js';
import { wordsOf, wordsText } from './words.js';

/** What a snapshot gives: the plan in parts, its config and zone table. */
export interface SnapshotRead {
  plan: PlanHead;
  items: PlanItems;
  config: Config | undefined;
  zone: ZoneTable | undefined;
}

export function snapshotText(key: string, src: string, plan: Plan, config: Config | undefined, zone: ZoneTable | undefined): Buffer {
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
  const { count, nested, idHashes } = itemIndex(items);
  const body = Buffer.from(JSON.stringify({ plan: rest, config, zone, count, nested, idHashes: wordsText(idHashes), rowEnds: wordsText(rowEnds), rowSums }));
  const columns = Buffer.from(JSON.stringify(columnsJson(itemColumns(items))));
  const header: Header = { key, src, body: body.length, columns: columns.length, rows: rowsText.length, sum: checksum(body), columnsSum: checksum(columns), rowsSum: checksum(rowsText) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body, Buffer.from('\n'), columns, Buffer.from('\n'), rowsText]);
}

interface Header {
  key: string;
  /** The checksum of the plan's and config's bytes it was built from (./source-stamp.ts). */
  src: string;
  /** The byte lengths of the parts, and their checksums. */
  body: number;
  columns: number;
  rows: number;
  sum: string;
  columnsSum: string;
  rowsSum: string;
}

/** As written; read back, the words are decoded (./words.ts). */
interface Body {
  plan: PlanHead;
  config: Config | undefined;
  zone: ZoneTable | undefined;
  count: number;
  nested: boolean;
  /** Base64 of 32-bit words. */
  idHashes: unknown;
  rowEnds: unknown;
  /** Each row's checksum (8 hex digits), one after the other. */
  rowSums: string;
}

const SINGLE_ROWS = 512;

/**
 * The snapshot at `path` if it is one of `key` and whole, and `vouch` trusts the sources' checksum it
 * was built from; else undefined.
 */
export function readSnapshot(path: string, key: string, vouch: (src: unknown, mtimeMs: number) => boolean): SnapshotRead | undefined {
  // The header, body and columns now; the rows (3.9 of 4.9 MB on 10,000 items) when an item is read.
  const file = openKept(path);
  if (file === null) return undefined;
  let buf: Buffer;
  let header: Header;
  let body: Body;
  let idHashes: Uint32Array;
  let rowEnds: Int32Array;
  let columnsAt: number;
  let rowsAt: number;
  try {
    const newline = file.first.indexOf(10);
    header = JSON.parse(file.first.toString('utf8', 0, newline)) as Header;
    if (header.key !== key || ![header.body, header.columns, header.rows].every(Number.isSafeInteger)) return undefined;
    columnsAt = newline + 1 + header.body + 1;
    rowsAt = columnsAt + header.columns + 1;
    if (file.st.size !== rowsAt + header.rows) return undefined;
    buf = file.prefix(rowsAt) ?? Buffer.alloc(0);
    if (buf.length !== rowsAt || checksum(buf, newline + 1, columnsAt - 1) !== header.sum || checksum(buf, columnsAt, rowsAt - 1) !== header.columnsSum) return undefined;
    body = JSON.parse(buf.toString('utf8', newline + 1, columnsAt - 1)) as Body;
    const plan = body?.plan as unknown as Partial<Plan> | undefined;
    const { count } = body;
    const hashWords = typeof body.idHashes === 'string' ? wordsOf(body.idHashes) : undefined;
    const endWords = typeof body.rowEnds === 'string' ? wordsOf(body.rowEnds) : undefined;
    const ends = endWords && new Int32Array(endWords);
    if (!planPartHolds(plan) || !Number.isSafeInteger(count) || count < 0 || typeof body.nested !== 'boolean') return undefined;
    if (hashWords === undefined || hashWords.byteLength !== count * 4 || !rowEndsHold(ends, count, header.rows)) return undefined;
    if (typeof body.rowSums !== 'string' || body.rowSums.length !== count * 8) return undefined;
    [idHashes, rowEnds] = [new Uint32Array(hashWords), ends];
    if (!vouch(header.src, file.st.mtimeMs)) return undefined;
    file.keep(); // for the rows
  } catch {
    return undefined;
  } finally {
    file.close();
  }
  const { rowSums, count, nested } = body;
  const index: ItemIndex = { count, nested, idHashes };
  const damaged = (where: string): never => {
    try {
      rmSync(path, { force: true });
    } catch {
      // a read-only directory: the message still says what is wrong
    }
    throw new LaunchError(`${path}: the plan snapshot is damaged ${where}; it has been removed and the next run rebuilds it`);
  };
  let columns: ItemColumns | undefined;
  /** Rows read before the columns: checked against their id hashes, and against the columns once read. */
  const early = new Map<number, Item>();
  const readColumns = (): ItemColumns => {
    let decoded: ItemColumns | undefined;
    try {
      decoded = columnsFromJson(JSON.parse(buf.toString('utf8', columnsAt, rowsAt - 1)));
    } catch {
      decoded = undefined;
    }
    if (!columnsHold(decoded, body.plan.totalWeeks) || decoded.count !== count || anyNested(decoded) !== nested) return damaged('in its item columns');
    for (const [i, item] of early) if (!itemMatches(decoded, i, item)) damaged(`at item ${i + 1}`);
    early.clear();
    return (columns = decoded);
  };
  const checked = (i: number, item: Item | undefined): Item => {
    const object = typeof item === 'object' && item !== null;
    if (object && columns === undefined && rowHolds(item, i, index, body.plan.totalWeeks)) early.set(i, item);
    else if (!object || columns === undefined || !itemMatches(columns, i, item)) damaged(`at item ${i + 1}`);
    return item!;
  };
  const parse = (bytes: Buffer): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined; // reported as damage by the caller
    }
  };
  // A row's bytes on their own until every row is read.
  const rowsPart = file.region(rowsAt, header.rows);
  const row = (i: number) => {
    const bytes = rowsPart.slice(i === 0 ? 1 : rowEnds[i - 1]! + 2, rowEnds[i]!) ?? Buffer.alloc(0);
    const intact = checksum(bytes) === rowSums.slice(i * 8, i * 8 + 8);
    return checked(i, intact ? (parse(bytes) as Item | undefined) : undefined);
  };
  const rows = (): Item[] => {
    // Checked against the columns, which a command that reads every item needs anyway.
    if (columns === undefined) readColumns();
    const whole = rowsPart.whole() ?? Buffer.alloc(0);
    const all = checksum(whole) === header.rowsSum ? parse(whole) : undefined;
    // A damaged array is read row by row, so the message names the row that is damaged.
    if (!Array.isArray(all) || all.length !== count) return Array.from({ length: count }, (_, i) => row(i));
    return all.map((item, i) => checked(i, item as Item));
  };
  // One row at a time for the few a command shows; past that, one parse of them all costs less.
  let single = 0;
  const items: PlanItems = columnItems(index, () => columns ?? readColumns(), (i) => (++single > SINGLE_ROWS ? items.all()[i]! : row(i)), rows);
  return { plan: body.plan, items, config: body.config, zone: body.zone };
}
