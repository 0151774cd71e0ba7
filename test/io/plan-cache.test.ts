import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar/calendar.js';
import type { ItemState } from '../../src/core/log/item-state.js';
import { itemsOf, wholePlan } from '../../src/core/plan/items.js';
import type { Item, Plan } from '../../src/core/plan/schema.js';
import { parsePlanYaml, planToYaml } from '../../src/core/plan/yaml.js';
import { buildPlanView } from '../../src/core/queries/schedule.js';
import { LaunchError } from '../../src/errors.js';
import { checksum, stringHash } from '../../src/io/store/checksum.js';
import { columnItems, columnsHold, itemColumns, itemIndex } from '../../src/io/store/item-columns.js';
import { wordsOf, wordsText } from '../../src/io/store/words.js';
import { type Loaded, loadPlanAndConfig, snapshotPath } from '../../src/io/store/plan-snapshot.js';
import { countingReads } from '../bytes-read.js';

const bundled = parsePlanYaml(fs.readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
if (!bundled.ok) throw new Error('bundled plan invalid');

/** The bundled plan plus the items it lacks: no block, sprint or weeks; `[x]`; a Day N task; non-ASCII. */
function testPlan(): Plan {
  const plan = structuredClone(bundled.ok ? bundled.plan : (undefined as never));
  const section = plan.sections[0]!.id;
  const extra: Item[] = [
    { id: 'loose-end', kind: 'check', title: 'Loose end — ünïcødé ✓ 🚀', section, line: 900 },
    { id: 'already-done', kind: 'check', title: 'Done on import', section, sprint: 's1', weeks: { from: 2, to: 3 }, done: true, line: 901 },
    { id: 'day-three', kind: 'task', title: 'Day 3 task', detail: 'with « detail »', section, weeks: { from: 1, to: 1 }, day: 3, weekday: 'wed', steps: ['a', 'b'], line: 902 },
  ];
  plan.items.push(...extra);
  return plan;
}

let dir: string;
let planFile: string;
let configFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-plan-cache-'));
  planFile = path.join(dir, 'plan.yaml');
  configFile = path.join(dir, 'config.yaml');
  fs.writeFileSync(planFile, planToYaml(testPlan()));
  fs.writeFileSync(configFile, 'version: 1\nstart: 2026-11-30\ntimeZone: Europe/Berlin\nworkingDays: [mon, tue, wed, thu, fri]\nholidays: [2026-12-25]\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const load = () => loadPlanAndConfig(planFile, configFile);

/** The snapshot's parts: header, body and columns (one line each), and the rows. */
function parts(text: string) {
  const [first, second] = [text.indexOf('\n'), text.indexOf('\n', text.indexOf('\n') + 1)];
  const third = text.indexOf('\n', second + 1);
  return { header: JSON.parse(text.slice(0, first)) as Record<string, unknown>, body: text.slice(first + 1, second), columns: text.slice(second + 1, third), rows: text.slice(third + 1) };
}

/**
 * Replaces the first `from` after `after` in the body or the columns with `to`, keeping the header's
 * byte counts true (and its checksums not).
 */
function inBody(text: string, after: string, from: string, to: string): string {
  const p = parts(text);
  const part = p.body.includes(after) ? 'body' : 'columns';
  const at = p[part].indexOf(from, p[part].indexOf(after));
  expect(at).toBeGreaterThanOrEqual(0);
  const edited = { ...p, [part]: p[part].slice(0, at) + to + p[part].slice(at + from.length) };
  return `${JSON.stringify({ ...p.header, [part]: Buffer.byteLength(edited[part]) })}\n${edited.body}\n${edited.columns}\n${p.rows}`;
}

/**
 * A snapshot whose body, columns or rows `edit` rewrote, with the header's lengths and checksums made to
 * match: what only the checks of what is inside can catch.
 */
function forged(text: string, edit: (body: Record<string, any>, columns: Record<string, any>, rows: Record<string, any>[]) => void): string {
  const p = parts(text);
  const [body, columns, rows] = [JSON.parse(p.body), JSON.parse(p.columns), JSON.parse(p.rows)] as [Record<string, any>, Record<string, any>, Record<string, any>[]];
  edit(body, columns, rows);
  const rowTexts = rows.map((row) => JSON.stringify(row));
  const rowsText = Buffer.from(`[${rowTexts.join(',\n')}]`);
  // Where the rows end and their sums follow the rows as edited.
  const ends = new Int32Array(rowTexts.length);
  let sums = '';
  rowTexts.reduce((at, row, i) => ((ends[i] = at + Buffer.byteLength(row)), (sums += checksum(rowsText, at, ends[i]!)), ends[i]! + 2), 1);
  if (rowsText.toString() !== p.rows) Object.assign(body, { rowEnds: wordsText(ends), rowSums: sums });
  const [b, c] = [Buffer.from(JSON.stringify(body)), Buffer.from(JSON.stringify(columns))];
  const header = { ...p.header, body: b.length, sum: checksum(b), columns: c.length, columnsSum: checksum(c), rows: rowsText.length, rowsSum: checksum(rowsText) };
  return `${JSON.stringify(header)}\n${b.toString()}\n${c.toString()}\n${rowsText.toString()}`;
}

/** A number column of the forged body, as numbers, edited and put back. */
const editWords = (encoded: string, edit: (words: Int32Array) => void): string => {
  const words = new Int32Array(wordsOf(encoded)!);
  edit(words);
  return wordsText(words);
};

function view(loaded: Loaded) {
  const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2026-12-25'] }, loaded.plan.totalWeeks);
  const states = new Map<string, ItemState>([
    ['loose-end', { status: 'blocked', reason: 'waiting', by: 'ana', at: '2026-12-01T10:00:00+01:00', notes: [], events: 1 }],
    ['already-done', { status: 'todo', by: 'ana', at: '2026-12-01T11:00:00+01:00', notes: [], events: 1 }],
  ]);
  return buildPlanView(loaded.plan, loaded.items, calendar, states);
}

const entryFacts = (loaded: Loaded) =>
  view(loaded).entries.map((e) => ({ id: e.id, kind: e.kind, sprint: e.sprint, line: e.line, markedDone: e.markedDone, block: e.block, schedule: e.schedule, status: e.status, state: e.state, item: e.item }));

describe('the plan snapshot', () => {
  it('a second load reads the snapshot and gives the same plan, items materialised on demand', async () => {
    const first = await load();
    expect(first.source).toBe('yaml');
    expect(fs.existsSync(snapshotPath(planFile))).toBe(true);
    const second = await load();
    expect(second.source).toBe('snapshot');
    expect(second.config).toEqual(first.config);
    expect(JSON.stringify(wholePlan(second.plan, second.items))).toBe(JSON.stringify(wholePlan(first.plan, first.items)));
    expect(wholePlan(second.plan, second.items)).toEqual(wholePlan(first.plan, first.items));
  });

  it('a view built from the index equals one built from the items, entry by entry', async () => {
    const eager = await load();
    const indexed = await load();
    expect(indexed.source).toBe('snapshot');
    expect(entryFacts(indexed)).toEqual(entryFacts(eager));
    expect(JSON.stringify(view(indexed).entries)).toBe(JSON.stringify(view(eager).entries));
    const loose = view(indexed).byId.get('loose-end')!;
    expect(loose).toMatchObject({ sprint: undefined, block: undefined, schedule: null, status: 'blocked' });
    expect(view(indexed).byId.get('already-done')!.status).toBe('todo'); // the log's word over the `[x]`
  });

  it('materialises an item once: the entry and the plan\'s items hold the same object', async () => {
    await load();
    const loaded = await load();
    const entries = view(loaded).entries;
    const i = entries.findIndex((e) => e.id === 'day-three');
    const item = entries[i]!.item;
    expect(item.title).toBe('Day 3 task');
    expect(loaded.items.item(i)).toBe(item);
    expect(loaded.items.all()[i]).toBe(item);
  });

  it('reading every entry of a large plan one by one gives the items a whole parse gives', async () => {
    const plan = testPlan();
    const section = plan.sections[0]!.id;
    for (let i = 0; i < 1200; i++) plan.items.push({ id: `bulk-${i}`, kind: i % 3 ? 'check' : 'task', title: `Bulk ${i} ✓`, section, sprint: 's2', block: plan.blocks[i % plan.blocks.length]!.id, weeks: { from: 3, to: 4 }, line: 1000 + i });
    fs.writeFileSync(planFile, planToYaml(plan));
    const eager = await load();
    const indexed = await load();
    expect(indexed.source).toBe('snapshot');
    const entries = view(indexed).entries;
    expect(entries.map((e) => e.item)).toEqual(eager.items.all());
    expect(entries.every((e, i) => e.item === indexed.items.all()[i])).toBe(true);
  });

  it('reads an item from the snapshot it opened, even after another run has replaced it', async () => {
    const eager = await load();
    const loaded = await load();
    expect(loaded.source).toBe('snapshot');
    // Another run rebuilds the snapshot for an edited plan (written whole and renamed over this one).
    const plan = testPlan();
    plan.items[0]!.title = 'Renamed in the meantime';
    fs.writeFileSync(planFile, planToYaml(plan));
    expect((await load()).source).toBe('yaml');
    expect(loaded.items.item(0)).toEqual(eager.items.item(0));
    expect(loaded.items.all()).toEqual(eager.items.all());
  });

  it('reads the rows only when an item is read, and then only its own', async () => {
    const plan = testPlan();
    const section = plan.sections[0]!.id;
    for (let i = 0; i < 1500; i++) plan.items.push({ id: `bulk-${i}`, kind: 'check', title: `Bulk ${i} `.padEnd(120, '·'), section, line: 1000 + i });
    fs.writeFileSync(planFile, planToYaml(plan));
    await load();
    const rowsBytes = Buffer.byteLength(parts(fs.readFileSync(snapshotPath(planFile), 'utf8')).rows);
    expect(rowsBytes).toBeGreaterThan(200_000);
    await countingReads(async (read) => {
      const loaded = await load();
      expect(loaded.source).toBe('snapshot');
      const atLoad = read();
      expect(view(loaded).entries.length).toBe(plan.items.length);
      expect(loaded.items.item(1200)).toEqual(plan.items[1200]);
      const oneRow = read() - atLoad;
      expect(oneRow).toBeGreaterThan(0);
      expect(oneRow).toBeLessThan(1000);
      // At most the plan and config (whose bytes may vouch for a young snapshot) and the snapshot without its rows.
      const sources = fs.statSync(planFile).size + fs.statSync(configFile).size;
      expect(atLoad).toBeLessThanOrEqual(sources + fs.statSync(snapshotPath(planFile)).size - rowsBytes + 128 * 1024);
    });
  });

  it('a plan without items round-trips through the snapshot too', async () => {
    const plan = testPlan();
    plan.items = [];
    fs.writeFileSync(planFile, planToYaml(plan));
    const eager = await load();
    const indexed = await load();
    expect(indexed.source).toBe('snapshot');
    expect(view(indexed).entries).toEqual([]);
    expect(wholePlan(indexed.plan, indexed.items)).toEqual(wholePlan(eager.plan, eager.items));
  });

  it('a row damaged in place is caught when its entry is read, and when all items are', async () => {
    await load();
    const file = snapshotPath(planFile);
    const text = fs.readFileSync(file, 'utf8');
    const damaged = text.replace(/("id":"day-three"[^\n]*"line":)902/, '$1903');
    expect(damaged).not.toBe(text);
    fs.writeFileSync(file, damaged);
    const entries = view(await load()).entries;
    const i = entries.findIndex((e) => e.id === 'day-three');
    expect(entries[0]!.item.id).toBe(entries[0]!.id);
    expect(() => entries[i]!.item).toThrow(new RegExp(`snapshot is damaged at item ${i + 1};`));
    expect(fs.existsSync(file)).toBe(false);
    await load();
    const broken = fs.readFileSync(file, 'utf8').replace('"title":"Day 3 task"', '"title":"Day 3 task}'); // no longer JSON
    fs.writeFileSync(file, broken);
    const { items, source } = await load();
    expect(source).toBe('snapshot');
    expect(() => items.all()).toThrow(new RegExp(`snapshot is damaged at item ${i + 1};`));
  });

  it('a row damaged in place (same length) is caught when read; the snapshot is removed and rebuilt', async () => {
    await load();
    const file = snapshotPath(planFile);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.lastIndexOf('"id":"loose-end"');
    fs.writeFileSync(file, `${text.slice(0, at)}"id":"loose-xnd"${text.slice(at + '"id":"loose-end"'.length)}`);
    const loaded = await load();
    const entries = view(loaded).entries;
    expect(entries.find((e) => e.id === 'loose-end')).toBeDefined(); // the columns are intact
    expect(() => loaded.items.all()).toThrow(LaunchError);
    expect(() => loaded.items.all()).toThrow(/snapshot is damaged at item \d+; it has been removed/);
    expect(fs.existsSync(file)).toBe(false);
    const again = await load();
    expect(again.source).toBe('yaml');
    expect(again.items.all().map((i) => i.id)).toContain('loose-end');
  });

  it('a snapshot edited by hand to the same length is read from the YAML again, not believed', async () => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    // Every item marked `[x]` in the plan: a column that still holds only what a plan can hold.
    const done = /"done":"([01]*)"/.exec(good)!;
    const edited = good.replace(done[0], `"done":"${'1'.repeat(done[1]!.length)}"`);
    expect(edited).not.toBe(good);
    expect(edited.length).toBe(good.length);
    fs.writeFileSync(file, edited);
    const loaded = await load();
    expect(loaded.source).toBe('yaml');
    expect(view(loaded).entries.filter((e) => e.markedDone).map((e) => e.id)).toEqual(['already-done']);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
  });

  it('a row whose text was edited to the same length is caught when read, not shown', async () => {
    await load();
    const file = snapshotPath(planFile);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('"title":"Day 3 task"', '"title":"Day 9 task"'));
    const loaded = await load();
    expect(loaded.source).toBe('snapshot'); // the columns are intact, and so is every other row
    const entries = view(loaded).entries;
    const i = entries.findIndex((e) => e.id === 'day-three');
    expect(entries[0]!.item.title).toBe(testPlan().items.find((it) => it.id === entries[0]!.id)!.title);
    expect(() => entries[i]!.item).toThrow(new RegExp(`snapshot is damaged at item ${i + 1}; it has been removed`));
    expect(fs.existsSync(file)).toBe(false);
    expect((await load()).items.all().find((it) => it.id === 'day-three')!.title).toBe('Day 3 task');
    // Read all at once, the rows are checked as a whole.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"title":"Day 3 task"', '"title":"Day 9 task"'));
    const again = await load();
    expect(again.source).toBe('snapshot');
    expect(() => again.items.all()).toThrow(new RegExp(`snapshot is damaged at item ${i + 1};`));
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, -10)],
    ['grown', (t: string) => `${t} `],
    ['a header of another layout', (t: string) => `{"key":"x","length":${t.length}}\n${t.slice(t.indexOf('\n') + 1)}`],
    ['not JSON', () => 'garbage\n{'],
    // The rest keep every length, so only the checks of what is inside can catch them.
    ['with a kind that is neither task nor check', (t: string) => t.replace('"kinds":"t', '"kinds":"x')],
    ['with an id no plan can hold', (t: string) => t.replace('"ids":"t', '"ids":"T')],
    ['with a "Day 0" schedule', (t: string) => inBody(t, '"spans":', '"day":3}', '"day":0}')],
    ['with a week past the plan', (t: string) => inBody(t, '"spans":', '"to":1}', '"to":99}')],
    ['with a block in week 0', (t: string) => inBody(t, '"blocks":', '"from":1', '"from":0')],
    ['with a plan of -1 weeks', (t: string) => inBody(t, '"totalWeeks":', '"totalWeeks":10', '"totalWeeks":-1')],
    ['with rows that do not end where the array does', (t: string) => t.replace(/("rowEnds":"[^"]*?)([A-Za-z0-9+/])(=*")/, (_, head: string, c: string, tail: string) => `${head}${c === 'A' ? 'B' : 'A'}${tail}`)],
  ])('a snapshot %s is ignored and rewritten', async (_, damage) => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    const bad = damage(good);
    expect(bad).not.toBe(good);
    fs.writeFileSync(file, bad);
    const { items, source } = await load();
    expect(source).toBe('yaml');
    expect(items.all()).toHaveLength(testPlan().items.length);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
  });

  it('a snapshot forged with its checksums made to match but rows ending short of the array is ignored and rewritten', async () => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, forged(good, (b) => (b.rowEnds = editWords(b.rowEnds, (w) => (w[w.length - 1]! -= 1)))));
    const { items, source } = await load();
    expect(source).toBe('yaml');
    expect(items.all()).toHaveLength(testPlan().items.length);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
  });

  it.each([
    ['a sprint index past the sprints', (_: unknown, c: Record<string, any>) => (c.sprint = editWords(c.sprint, (w) => (w[3] = c.sprintIds.length)))],
    ['a parent index below -1', (_: unknown, c: Record<string, any>) => (c.parent = editWords(c.parent, (w) => (w[0] = -2)))],
    ['a line 0', (_: unknown, c: Record<string, any>) => (c.lines = editWords(c.lines, (w) => (w[w.length - 1] = 0)))],
    ['a number column a word short', (_: unknown, c: Record<string, any>) => (c.block = editWords(c.block, () => {}).slice(0, -8))],
    ['an id no plan can hold', (_: unknown, c: Record<string, any>) => (c.ids = c.ids.replace('\n', '\nT'))],
    ['a nested item where the body says none is', (b: Record<string, any>, c: Record<string, any>) => {
      b.nested = false;
      c.parent = editWords(c.parent, (w) => w.fill(-1).fill(0, 1, 2));
    }],
  ])('a snapshot forged with its checksums made to match but %s in its columns is caught when they are read', async (_, edit) => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, forged(good, edit));
    const loaded = await load();
    // The columns are read when something first needs them, not before.
    expect(loaded.source).toBe('snapshot');
    expect(() => loaded.items.all()).toThrow(/snapshot is damaged in its item columns; it has been removed/);
    expect(fs.existsSync(file)).toBe(false);
    const again = await load();
    expect(again.source).toBe('yaml');
    expect(again.items.all()).toHaveLength(testPlan().items.length);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
  });

  it('finds an item by its id without the columns, and checks it against them when they are read', async () => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    const plan = testPlan();
    const at = plan.items.findIndex((i) => i.id === 'day-three');
    // The row says line 903 where the columns say 902; everything else, sums included, matches.
    fs.writeFileSync(file, forged(good, (_b, _c, rows) => (rows[at]!.line = 903)));
    const loaded = await load();
    expect(loaded.items.indexOf('day-three')).toBe(at);
    expect(loaded.items.item(at).line).toBe(903);
    expect(() => loaded.items.line(0)).toThrow(new RegExp(`snapshot is damaged at item ${at + 1}; it has been removed`));
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    ['a kind no plan has', (row: Record<string, any>) => (row.kind = 'x')],
    ['a title that is not text', (row: Record<string, any>) => (row.title = { text: 'x' })],
    ['a parent in a plan whose index says none is nested', (row: Record<string, any>) => (row.parent = 'loose-end')],
    ['a week past the plan', (row: Record<string, any>) => (row.weeks = { from: 1, to: 99 })],
    ['an id no plan can hold, hashed as the index has it', (row: Record<string, any>) => (row.id = 'Day-Three')],
  ])('a row forged with its sums made to match but %s is caught when read, before the columns', async (_, edit) => {
    const plan = testPlan();
    for (const item of plan.items) delete item.parent; // a flat plan
    fs.writeFileSync(planFile, planToYaml(plan));
    await load();
    const file = snapshotPath(planFile);
    const at = plan.items.findIndex((i) => i.id === 'day-three');
    let id = '';
    fs.writeFileSync(
      file,
      forged(fs.readFileSync(file, 'utf8'), (b, _c, rows) => {
        edit(rows[at]!);
        id = rows[at]!.id;
        b.idHashes = editWords(b.idHashes, (w) => (w[at] = stringHash(id)));
      }),
    );
    const loaded = await load();
    expect(loaded.source).toBe('snapshot');
    expect(() => loaded.items.indexOf(id)).toThrow(new RegExp(`snapshot is damaged at item ${at + 1}; it has been removed`));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('finds every id, ids whose hashes collide too, and none that is not an id', async () => {
    const plan = testPlan();
    const section = plan.sections[0]!.id;
    // Two ids with one FNV-1a hash: the row of the first is read, and is not the one.
    expect(stringHash('t-160a0')).toBe(stringHash('t-4v2h'));
    plan.items.push({ id: 't-160a0', kind: 'check', title: 'First', section, line: 903 }, { id: 't-4v2h', kind: 'check', title: 'Second', section, line: 904 });
    fs.writeFileSync(planFile, planToYaml(plan));
    await load();
    for (const [i, item] of plan.items.entries()) expect((await load()).items.indexOf(item.id)).toBe(i);
    const loaded = await load();
    expect(loaded.items.indexOf('t-4v2h')).toBe(plan.items.length - 1);
    expect(loaded.items.item(plan.items.length - 2).id).toBe('t-160a0'); // read on the way
    expect((await load()).items.indexOf('day')).toBe(-1);
    expect(itemsOf(plan.items).indexOf('t-4v2h')).toBe(plan.items.length - 1);
    expect(itemsOf(plan.items).indexOf('day')).toBe(-1);
  });

  it('finds an id whose hash was forged away from the ids themselves', async () => {
    await load();
    const file = snapshotPath(planFile);
    fs.writeFileSync(file, forged(fs.readFileSync(file, 'utf8'), (b) => (b.idHashes = editWords(b.idHashes, (w) => (w[4] = w[3]!)))));
    const items = testPlan().items;
    expect((await load()).items.indexOf(items[4]!.id)).toBe(4);
    expect((await load()).items.indexOf(items[3]!.id)).toBe(3);
  });

  it('a forged snapshot whose rows\' ends do not rise is caught at the row, when it is read', async () => {
    await load();
    const file = snapshotPath(planFile);
    fs.writeFileSync(file, forged(fs.readFileSync(file, 'utf8'), (b) => (b.rowEnds = editWords(b.rowEnds, (w) => (w[5] = w[4]!)))));
    const loaded = await load();
    expect(loaded.source).toBe('snapshot');
    expect(loaded.items.item(4).id).toBe(testPlan().items[4]!.id);
    expect(() => loaded.items.item(5)).toThrow(/snapshot is damaged at item 6; it has been removed/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('an edited plan or config is read again, not taken from the snapshot', async () => {
    await load();
    const plan = testPlan();
    plan.items[0]!.title = 'Renamed first item';
    fs.writeFileSync(planFile, planToYaml(plan));
    expect((await load()).items.all()[0]!.title).toBe('Renamed first item');
    fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('Europe/Berlin', 'Asia/Tokyo'));
    const reloaded = await load();
    expect(reloaded.source).toBe('yaml');
    expect(reloaded.config!.timeZone).toBe('Asia/Tokyo');
  });

  it('a plan edited to the same length with its mtime put back is read again', async () => {
    await load();
    const before = fs.statSync(planFile);
    const text = fs.readFileSync(planFile, 'utf8');
    const first = testPlan().items[0]!.title;
    const edited = text.replace(`title: ${first}`, `title: ${'Z'.repeat(first.length)}`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    // `touch -r` keeps the nanoseconds, as an attacker's (or a careless script's) would.
    const reference = path.join(dir, 'reference');
    fs.writeFileSync(reference, '');
    execFileSync('touch', ['-r', planFile, reference]);
    fs.writeFileSync(planFile, edited); // in place: same inode
    execFileSync('touch', ['-r', reference, planFile]);
    expect(fs.statSync(planFile).ino).toBe(before.ino);
    expect(fs.statSync(planFile).mtimeMs).toBe(before.mtimeMs);
    // Out of the racy window, so that the bytes are not read: only the ctime in the stamp can tell.
    const later = new Date(fs.statSync(planFile).ctimeMs + 60_000);
    fs.utimesSync(snapshotPath(planFile), later, later);
    const reloaded = await load();
    expect(reloaded.source).toBe('yaml');
    expect(reloaded.items.all()[0]!.title).toBe('Z'.repeat(first.length));
  });

  it('while the plan is younger than the snapshot by a clock tick, its bytes vouch for it, not its stamp', async () => {
    await load();
    const file = snapshotPath(planFile);
    const good = fs.readFileSync(file, 'utf8');
    const newline = good.indexOf('\n');
    const header = JSON.parse(good.slice(0, newline)) as { src: string };
    // A snapshot that says it was built from other bytes: what an edit in the same tick would leave.
    const foreign = `${JSON.stringify({ ...header, src: header.src.replace(/^./, (c) => (c === '0' ? '1' : '0')) })}${good.slice(newline)}`;
    const at = (ms: number) => fs.utimesSync(file, new Date(ms), new Date(ms));
    const planChanged = fs.statSync(planFile).ctimeMs;

    fs.writeFileSync(file, foreign);
    at(planChanged + 60_000); // long after the plan's last change: the stamp is enough
    expect((await load()).source).toBe('snapshot');

    fs.writeFileSync(file, foreign);
    at(planChanged + 500); // racy: the plan is read, and it is not what the snapshot was built from
    expect((await load()).source).toBe('yaml');

    fs.writeFileSync(file, good);
    at(planChanged + 500); // racy, but the bytes match: believed, and dated so the next run need not read
    // Dated when this read stamped the sources (which may be sooner than 500 ms after the plan's write).
    const before = Date.now();
    expect((await load()).source).toBe('snapshot');
    expect(fs.statSync(file).mtimeMs).not.toBe(planChanged + 500);
    expect(fs.statSync(file).mtimeMs).toBeGreaterThanOrEqual(before - 1);
  });
});

describe('item columns', () => {
  it('hold for any plan they are made from, and not once a column is cut short or holds what no plan can', () => {
    const columns = itemColumns(testPlan().items);
    expect(columnsHold(columns, 10)).toBe(true);
    expect(columnsHold(itemColumns([]), 0)).toBe(true);
    expect(columnsHold(columns, 9)).toBe(false); // a week-10 item in a 9-week plan
    expect(columnsHold({ ...columns, lines: columns.lines.slice(1) }, 10)).toBe(false);
    expect(columnsHold({ ...columns, done: `${columns.done}1` }, 10)).toBe(false);
    expect(columnsHold({ ...columns, block: columns.block.map((b) => b + 1000) }, 10)).toBe(false);
    expect(columnsHold({ ...columns, ids: columns.ids.replace('\n', '') }, 10)).toBe(false);
    expect(columnsHold({ ...columns, spans: [...columns.spans.slice(1), { days: { from: 'mon', to: 'someday' } }] as never }, 10)).toBe(false);
  });
});

describe('nested', () => {
  const columnsOf = (items: Item[]) => columnItems(itemIndex(items), () => itemColumns(items), (i) => items[i]!, () => items);
  it('says whether any item sits under another, from the columns as from the items', () => {
    const flat = testPlan().items.map(({ parent: _, ...item }) => item as Item);
    expect(itemsOf(flat).nested).toBe(false);
    expect(columnsOf(flat).nested).toBe(false);
    expect(columnsOf([]).nested).toBe(false);
    // Only the last item nested, under the first: the parent column's very last word.
    const last = [...flat.slice(0, -1), { ...flat.at(-1)!, parent: flat[0]!.id }];
    expect(itemsOf(last).nested).toBe(true);
    expect(columnsOf(last).nested).toBe(true);
    const first = [{ ...flat[0]!, parent: flat[1]!.id }, ...flat.slice(1)];
    expect(columnsOf(first).nested).toBe(true);
  });
});
