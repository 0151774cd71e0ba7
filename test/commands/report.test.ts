// launch report: the HTML page (valid, self-contained, escaped, small) and the Markdown (parsed back
// with the importer's Markdown parser), on the seeded workspace, a hostile plan and plans with nothing
// in them; and --out, which writes only where import -o would.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { List, ListItem, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { describe, expect, it } from 'vitest';
import { ENV, launcher } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';
import { SEED_CLOCK, seedEvents } from '../golden/seed.js';

const launch = launcher('2026-12-04T10:00:00Z');
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function valid(html: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(messages).toEqual([]);
}

const parseMd = (text: string): Root => fromMarkdown(text, { extensions: [gfmTable(), gfmTaskListItem()], mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()] });
const all = <T>(node: any, type: string): T[] => (node.type === type ? [node] : []).concat(...(node.children ?? []).map((c: any) => all<T>(c, type)));
/** A node's text in document order, inline code included. */
const cellText = (node: any): string => (node.type === 'text' || node.type === 'inlineCode' ? node.value : (node.children ?? []).map(cellText).join(''));
/** Each table as rows of cell texts, header first. */
const tablesOf = (root: Root): string[][][] => all<Table>(root, 'table').map((t) => t.children.map((row) => row.children.map(cellText)));

let seededDir: Promise<string> | undefined;
/** One seeded workspace for the file: the report only reads it, and --out cases write different files. */
const seeded = (): Promise<string> => (seededDir ??= seed());

async function seed(): Promise<string> {
  const dir = scratchDir();
  const init = await launchIn(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', '--holiday', '2026-12-25'], { cwd: dir, env: ENV, now: '2026-11-29T10:00:00Z' });
  expect(init.code, init.stderr).toBe(0);
  writeFileSync(join(dir, '.launch', 'events.jsonl'), seedEvents());
  return dir;
}
const run = (dir: string, ...args: string[]) => launchIn(['report', ...args], { cwd: dir, env: ENV, now: SEED_CLOCK });

async function planWorkspace(markdown: string): Promise<string> {
  const dir = scratchDir();
  writeFileSync(join(dir, 'plan.md'), markdown);
  const init = await launch(['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

const HOSTILE = [
  '# Launch <script>alert("plan")</script> & "Co" | pipes',
  '',
  '## Sprint 1: Build "<b>it</b>" (Week 1-2)',
  '',
  '### Week 1: First',
  '',
  '#### Monday - Friday: Work',
  '',
  '**Team**: Backend',
  '',
  '- [ ] Ship <script>alert(1)</script> "now" | fast',
  '- [ ] Thing two',
  '',
  '### Week 2: Second',
  '',
  '#### Monday - Friday: More',
  '',
  '- [ ] Due next | week <img src=x onerror=alert(2)>',
  '',
  '### Sprint 1 KPIs',
  '| Metric | Week 1 Target | Week 2 Target |',
  '|--------|---------------|---------------|',
  '| Size "<script>" \\| x | <600KB | <500KB |',
  '',
].join('\n');

describe('launch report on the seeded workspace', () => {
  it('HTML: valid, self-contained (no script, nothing fetched), under 200 KB, with every section, KPI row and sprint', async () => {
    const dir = await seeded();
    const r = await run(dir);
    expect(r.code, r.stderr).toBe(0);
    const html = r.stdout;
    await valid(html);
    expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    for (const h of ['Progress', 'Burndown', 'KPIs', 'Blocked items and escalations', 'Activity by person', 'Due next week']) expect(html).toContain(`>${h}</h2>`);
    for (const s of ['Sprint 1', 'Sprint 2', 'Sprint 3-4', 'Sprint 5']) expect(html).toContain(`<th scope="row">${s}</th>`);
    expect(html.match(/<tr class="kpi-row">/g)).toHaveLength(32);
    expect(html).toContain('▼ behind by 13');
    expect(html).toMatch(/<td class="good">✔ met<\/td>/);
    expect(html).toMatch(/<svg class="chart"[^>]*role="img" aria-label="Burndown: 119 items; 112 open on 2026-12-04/);
    expect(html).toContain('class="today"');
    expect(html).toMatch(/aria-label="Bundle Size, recorded: 540KB, 480KB"/);
    expect(html).toContain('waiting for DBA');
    expect(html).toContain('Project Manager: [Emergency contact]');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('@media print');
  });

  it('Markdown: tables with the expected rows, blocked and next week as task lists, escaped text', async () => {
    const dir = await seeded();
    const r = await run(dir, '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    const root = parseMd(r.stdout);
    const tables = tablesOf(root);
    const sprints = tables.find((t) => t[0]![0] === 'Sprint')!;
    expect(sprints.slice(1).map((row) => row[0])).toEqual(['Sprint 1', 'Sprint 2', 'Sprint 3-4', 'Sprint 5']);
    expect(sprints[1]).toEqual(['Sprint 1', 'Week 1-2', '7', '41', '██░░░░░░░░ 17%', '▼ behind by 13']);
    const kpis = tables.find((t) => t[0]![0] === 'Metric')!;
    expect(kpis).toHaveLength(33);
    expect(kpis[1]).toEqual(['Bundle Size', 'Week 1', '<600KB', 'Fri 4 Dec', '480KB', '✔ met', '540KB → 480KB']);
    const people = tables.find((t) => t[0]![0] === 'Person')!;
    expect(people.slice(1).map((row) => [row[0], row.at(-1)])).toEqual([['alice', '7'], ['bob', '5'], ['carol', '3'], ['dave', '1']]);
    const tasks = all<ListItem>(root, 'listItem').filter((li) => li.checked === false);
    expect(tasks.map(cellText)).toContain('■ Redis Setup redis-setup: waiting for DBA (bob, Mon 30 Nov 11:00)');
    expect(tasks.length).toBe(17);
    expect(r.stdout).toContain('```mermaid\nxychart-beta');
  });

  it('--sprint 2 keeps that sprint\'s progress and KPIs; --date moves every figure', async () => {
    const dir = await seeded();
    const r = await run(dir, '--format', 'md', '--sprint', '2', '--date', '2026-12-01');
    expect(r.code, r.stderr).toBe(0);
    const tables = tablesOf(parseMd(r.stdout));
    expect(tables.find((t) => t[0]![0] === 'Sprint')!.slice(1).map((row) => row[0])).toEqual(['Sprint 2']);
    expect(new Set(tables.find((t) => t[0]![0] === 'Metric')!.slice(1).map((row) => row[0]))).toEqual(new Set(['Tour Completion', 'Setup Completion', 'Test Coverage', 'Deployment Time']));
    expect(r.stdout).toContain('As of **Tue 1 Dec 2026**');
    expect((await run(dir, '--sprint', '9')).code).toBe(2);
  });
});

describe('plan text is only ever text', () => {
  it('a long title is cut for <title> at a character, never inside one', async () => {
    const dir = await planWorkspace(HOSTILE.replace(/^# .*/, `# ${'🚀'.repeat(200)}`));
    const html = (await launch(['report'], dir)).stdout;
    const title = /<title>(.*)<\/title>/.exec(html)![1]!;
    expect(title.length).toBeLessThanOrEqual(70);
    expect(title).toMatch(/^(🚀)+… · report as of /u);
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/); // no half of a pair
  });

  it('<script>, quotes, & and | in titles, sprint, KPI and block reason: escaped in HTML, one cell in Markdown', async () => {
    const dir = await planWorkspace(HOSTILE);
    expect((await launch(['block', 'ship', '--reason', 'vendor <b>"late"</b> | again \u001b[31mred'], dir)).code).toBe(0);
    const html = await launch(['report'], dir);
    expect(html.code, html.stderr).toBe(0);
    await valid(html.stdout);
    expect(html.stdout).not.toMatch(/<script|<b>|<img|\u001b/i);
    expect(html.stdout).toContain('<h1>Launch &lt;script&gt;alert(&quot;plan&quot;)&lt;/script&gt; &amp; &quot;Co&quot; | pipes</h1>');
    expect(html.stdout).toContain('Ship &lt;script&gt;alert(1)&lt;/script&gt; &quot;now&quot; | fast');
    expect(html.stdout).toContain('vendor &lt;b&gt;&quot;late&quot;&lt;/b&gt; | again red');

    const md = await launch(['report', '--format', 'md'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toMatch(/\u001b|(^|[^\\])<[a-z/]/im);
    const root = parseMd(md.stdout);
    expect(all<any>(root, 'html').map((n) => n.value)).toEqual(['<!-- launch report -->']);
    const heading = all<any>(root, 'heading')[0];
    expect(cellText(heading)).toBe('Launch <script>alert("plan")</script> & "Co" | pipes');
    const kpis = tablesOf(root).find((t) => t[0]![0] === 'Metric')!;
    expect(kpis.slice(1).map((row) => [row.length, row[0]])).toEqual([[7, 'Size "<script>" | x'], [7, 'Size "<script>" | x']]);
    const tasks = all<ListItem>(root, 'listItem').filter((li) => li.checked === false).map(cellText);
    expect(tasks[0]).toMatch(/^■ Ship <script>alert\(1\)<\/script> "now" \| fast [a-z0-9-]+: vendor <b>"late"<\/b> \| again red \(alice, Fri 4 Dec 10:00\)$/);
    expect(tasks.some((t) => t.startsWith('Due next | week <img src=x onerror=alert(2)>'))).toBe(true);
  });
});

describe('a report from almost nothing', () => {
  it.each([
    ['no sprints, KPIs or working days', '# Empty plan\n', '2026-12-02'],
    ['no log yet, before the start', HOSTILE.replace(/### Sprint 1 KPIs[\s\S]*/, ''), '2026-11-01'],
    ['after the end', HOSTILE, '2027-03-01'],
  ])('%s: both formats build', async (_, plan, date) => {
    const dir = await planWorkspace(plan);
    const html = await launch(['report', '--date', date], dir);
    expect(html.code, html.stderr).toBe(0);
    await valid(html.stdout);
    const md = await launch(['report', '--format', 'md', '--date', date], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(all<any>(parseMd(md.stdout), 'heading').length).toBeGreaterThan(5);
  });

  it('the plan with no KPIs says so, and the empty log has no activity', async () => {
    const dir = await planWorkspace(HOSTILE.replace(/### Sprint 1 KPIs[\s\S]*/, ''));
    const r = await launch(['report', '--date', '2026-11-01'], dir);
    expect(r.stdout).toContain('The plan has no KPIs.');
    expect(r.stdout).toContain('No changes were recorded');
    expect(r.stdout).toContain('not started');
    expect(r.stdout).toMatch(/Week 1: Mon 30 Nov 2026 – Sun 6 Dec 2026<\/caption>[\s\S]*Thing two/);
  });
});

describe('--out', () => {
  it('writes the file whole, the format from its name; replaces an earlier report; says where on stderr', async () => {
    const dir = await seeded();
    const r = await run(dir, '--out', 'status.md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Wrote the Markdown report as of 2026-12-04 to status.md');
    expect(readFileSync(join(dir, 'status.md'), 'utf8')).toMatch(/^<!-- launch report -->\n# SecureNet/);
    expect((await run(dir, '--out', 'status.md', '--date', '2026-12-01')).code).toBe(0);
    expect(readFileSync(join(dir, 'status.md'), 'utf8')).toContain('Tue 1 Dec 2026');
    expect((await run(dir, '--out', 'page.html')).code).toBe(0);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses a file it did not write (unless --force), .launch/, and a directory: exit 1, nothing changed', async () => {
    const dir = await seeded();
    writeFileSync(join(dir, 'notes.md'), 'my notes\n');
    const mine = await run(dir, '--out', 'notes.md');
    expect(mine.code).toBe(1);
    expect(mine.stderr).toMatch(/^error: notes\.md: exists and is not a launch report; nothing was written\nhint: add --force/);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('my notes\n');
    expect((await run(dir, '--out', 'notes.md', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toContain('launch report');

    const log = readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8');
    const inside = await run(dir, '--out', '.launch/events.jsonl', '--force');
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/\.launch\/events\.jsonl: is inside a workspace's \.launch\/ directory; launch report does not write there/);
    expect(readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8')).toBe(log);
    expect((await run(dir, '--out', '.launch/report.html')).code).toBe(1);
    expect(existsSync(join(dir, '.launch', 'report.html'))).toBe(false);

    mkdirSync(join(dir, 'folder.html'));
    const folder = await run(dir, '--out', 'folder.html');
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/folder\.html: .*director/);
    expect(folder.stderr).not.toMatch(/internal error/);
  });

  it('usage errors (exit 2): a format it does not write, --json, --force without --out', async () => {
    const dir = await seeded();
    for (const args of [['--format', 'pdf'], ['--force'], ['--date', 'someday']]) {
      const r = await run(dir, ...args);
      expect(r.code, args.join(' ')).toBe(2);
    }
    const json = await launchIn(['report', '--json'], { cwd: dir, env: ENV, now: SEED_CLOCK });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/report writes a document, not JSON/);
  });

  it('goes to a terminal as it goes to a pipe: a document is never wrapped to the width', async () => {
    const dir = await seeded();
    for (const format of ['md', 'html']) {
      const piped = await run(dir, '--format', format);
      const onTerminal = await launchIn(['report', '--format', format], { cwd: dir, env: ENV, now: SEED_CLOCK, stdoutIsTTY: true, columns: 40 });
      expect(onTerminal.stdout, format).toBe(piped.stdout);
    }
  });

  it('--help teaches with examples', async () => {
    const r = await launchIn(['report', '--help'], { cwd: scratchDir(), env: ENV, now: SEED_CLOCK });
    expect(r.stdout).toMatch(/Examples:\n  launch report --out status\.html\n  launch report --format md/);
  });
});
