// launch export ics: read back with an independent parser (ical.js), not with launch's own code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../src/core/export/ical.js';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const LONG = 'A very long task title that goes on and on well past the seventy-five octet limit of one content line';
const PUNCTUATED = 'Deploy API, workers; then\\verify';
const UNICODE = 'Überprüfung der Zugriffsrechte für alle Mandanten – Datenschutz-Folgenabschätzung 🚀 abschließen';

const md = `# Calendar Plan

## Sprint 1: Foundations (Weeks 1-2)

### Week 1: Build

#### Monday - Wednesday: Backend, API; infra

- [x] Done by import
- [ ] ${PUNCTUATED}

**Daily Tasks**:
\`\`\`bash
# Day 1: ${LONG}
# Day 2: ${UNICODE}
# Day 3: Plain task
\`\`\`

## KPIs

| Metric | Week 1 | Week 2 |
|---|---|---|
| Bundle size | <600KB | <500KB |
`;

async function exported(holiday?: string): Promise<{ dir: string; text: string; events: any[] }> {
  const dir = scratchDir('launch-ics-');
  writeFileSync(join(dir, 'plan.md'), md);
  const init = ['init', '--plan', 'plan.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice', ...(holiday ? ['--holiday', holiday] : [])];
  expect((await launch(init, dir)).code).toBe(0);
  const r = await launch(['export', 'ics'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const cal = new ICAL.Component(ICAL.parse(r.stdout));
  return { dir, text: r.stdout, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('launch export ics', () => {
  it('is a calendar an independent parser reads: dates, unique UIDs, folded and escaped titles', async () => {
    const { text, events } = await exported();
    const summaries = events.map((e) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining([LONG, UNICODE, 'Plain task', 'Deadline: Backend, API; infra', 'Sprint review: Sprint 1 - Foundations']));
    expect(summaries.filter((s) => s.startsWith('KPI checkpoint: Bundle size'))).toHaveLength(2);
    expect(events[0].startDate.toString()).toBe('2026-11-30');
    expect(events[0].startDate.isDate).toBe(true);
    expect(events.find((e) => e.summary === 'Plain task').startDate.toString()).toBe('2026-12-02');
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.every((u) => u.endsWith('@plan.launch'))).toBe(true);
    // Every line is at most 75 octets, ends in CRLF, and folding split no character.
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n|\r/);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    expect(text).toMatch(/\r\nDTSTAMP:20261201T090\d{3}Z\r\n/);
    expect(text).toContain('PRODID:-//launch//launch export ics//EN');
  });

  it('escapes commas, semicolons and backslashes in text', async () => {
    const { text, events } = await exported();
    expect(text).toContain('SUMMARY:Deadline: Backend\\, API\\; infra\r\n');
    expect(events.find((e) => e.summary.startsWith('Deadline')).summary).toBe('Deadline: Backend, API; infra');
    // A backslash and a line break, through the writer itself.
    const { calendarText } = await import('../../src/core/export/ical.js');
    const one = calendarText({ name: 'x', stamp: 0, events: [{ uid: 'a@b', date: '2026-12-01', summary: PUNCTUATED, description: 'line one\nline two' }] });
    expect(one).toContain('SUMMARY:Deploy API\\, workers\\; then\\\\verify');
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(one)).getFirstSubcomponent('vevent')!);
    expect(parsed.summary).toBe(PUNCTUATED);
    expect(parsed.description).toBe('line one\nline two');
  });

  it('never splits a multi-byte character when folding', () => {
    for (let pad = 0; pad < 8; pad++) {
      const folded = foldLine(`SUMMARY:${'x'.repeat(pad)}${'é🚀'.repeat(40)}`);
      for (const line of folded.split('\r\n')) {
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(Buffer.from(line).toString()).not.toContain('\uFFFD');
      }
      expect(folded.replaceAll('\r\n ', '')).toBe(`SUMMARY:${'x'.repeat(pad)}${'é🚀'.repeat(40)}`);
    }
  });

  it('puts tasks on working days: a holiday moves Day 1, and done items say so', async () => {
    const { dir, events } = await exported('2026-11-30');
    expect(events.find((e) => e.summary === LONG).startDate.toString()).toBe('2026-12-01');
    expect((await launch(['check', 'plain-task'], dir)).code).toBe(0);
    const again = await launch(['export', 'ics'], dir);
    const plain = new ICAL.Component(ICAL.parse(again.stdout)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary === 'Plain task')!;
    expect(plain.description).toMatch(/Done\./);
    // The same UIDs from one export to the next: a calendar updates its events.
    expect(plain.uid).toBe(events.find((e) => e.summary === 'Plain task').uid);
  });

  it('--out writes the file atomically, replaces an earlier export, and refuses anything else without --force', async () => {
    const { dir } = await exported();
    expect((await launch(['export', 'ics', '--out', 'plan.ics'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await launch(['export', 'ics', '--out', 'plan.ics'], dir)).code).toBe(0);
    const refused = await launch(['export', 'ics', '--out', 'plan.md'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: plan\.md: exists and is not a calendar launch exported; nothing was written\nhint: add --force/);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(md);
    const workspace = await launch(['export', 'ics', '--out', '.launch/plan.ics'], dir);
    expect(workspace.code).toBe(1);
    expect(workspace.stderr).toMatch(/inside a workspace's \.launch\/ directory; launch export does not write there/);
    expect((await launch(['export', 'ics', '--out', 'plan.md', '--force'], dir)).code).toBe(0);
  });
});
