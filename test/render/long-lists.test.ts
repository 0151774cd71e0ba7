// Screens over lists longer than the stack has room for arguments (Math.max(...list) and
// push(...lines) overflow somewhere past 100,000): a plan or log that long is rendered, not crashed on.
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/core/log/events.js';
import { zoneOf, zoneTableFor } from '../../src/core/calendar/zone.js';
import { idWidthOf } from '../../src/render/items.js';
import { type ListRow, renderList } from '../../src/render/list.js';
import { renderLog } from '../../src/render/log.js';
import { createTheme } from '../../src/render/theme.js';

const N = 200_000;
const theme = createTheme(0);

describe('long lists', () => {
  it('list: 200,000 items', () => {
    const rows = Array.from({ length: N }, (_, i) => ({
      item: { id: `item-${i}`, title: `Item ${i}`, kind: 'check' },
      view: { status: 'todo', weeks: { from: 1, to: 1 }, block: 'B', team: null, due: null },
    })) as unknown as ListRow[];
    const lines = renderList(rows, theme, undefined);
    expect(lines).toHaveLength(N + 2);
    expect(lines[1]).toBe(`  ○ ${'item-0'.padEnd(11)}  Item 0`);
  });

  it('the id column of a day with 200,000 items', () => {
    expect(idWidthOf(Array.from({ length: N }, (_, i) => ({ id: `item-${i}` })) as never, undefined)).toBe(11);
  });

  it('log: 200,000 events', () => {
    const events = Array.from({ length: N }, (_, i) => ({ v: 1, id: String(i), ts: '2026-12-01T09:00:00.000+00:00', actor: i === 7 ? 'bob' : 'alice', type: 'check', item: 'x' })) as LogEvent[];
    // With the table of offsets the store hands every command's zone (src/io/store/plan-snapshot.ts):
    // without one, each of the 200,000 times went to Intl (~6 s), a path no command takes for them.
    const day = Date.parse('2026-12-01T00:00:00Z');
    const zone = zoneOf('UTC', zoneTableFor('UTC', day - 400 * 86_400_000, day + 400 * 86_400_000));
    const lines = renderLog(events, { zone, cancelled: new Set() }, true, theme);
    expect(lines).toHaveLength(N);
    expect(lines[7]).toMatch(/ bob  {3}checked x$/);
  });
});
