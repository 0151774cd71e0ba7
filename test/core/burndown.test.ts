// The burndown keeps its count of done items as each item's last change moves; this checks it against
// a count made from scratch for every day: the events before the day's end, the undone ones left out,
// each item's last change winning.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar/calendar.js';
import { parseInstant } from '../../src/core/calendar/instant.js';
import { EVENT_TYPES, isKnownType } from '../../src/core/log/event-types.js';
import { createEvent, type LogEvent, type NewEvent } from '../../src/core/log/events.js';
import { cancelledIds, orderEvents } from '../../src/core/log/fold.js';
import { itemsOf } from '../../src/core/plan/items.js';
import { parsePlanYaml } from '../../src/core/plan/yaml.js';
import { burndown } from '../../src/core/queries/burndown.js';
import { buildPlanView, type PlanView } from '../../src/core/queries/schedule.js';

const parsed = parsePlanYaml(readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('bundled plan invalid');
const plan = parsed.plan;
const calendar = createCalendar({ start: '2026-11-30', timeZone: 'Europe/Berlin', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, plan.totalWeeks);
const view = buildPlanView(plan, itemsOf(plan.items), calendar, new Map());
const ids = view.counted.map((e) => e.id);
// Some items the plan marks done (`[x]`), so that an uncheck of one counts too.
const marked = new Set(view.counted.filter((e) => e.markedDone).map((e) => e.id));
const items = [...ids.slice(0, 6), ...[...marked].slice(0, 3)];

const moves = (e: LogEvent) => (isKnownType(e.type) ? EVENT_TYPES[e.type].burndown : undefined);

/** Open items at the end of each working day, counted from scratch. */
function recount(v: PlanView, timeline: readonly LogEvent[], until: string): (number | null)[] {
  const range = v.calendar.planRange!;
  return v.calendar.workingDaysIn(range.first, range.last).map((day) => {
    if (day > until) return null;
    const end = v.calendar.dayEnd(day);
    const counted = timeline.filter((e) => parseInstant(e.ts) < end);
    const cancelled = cancelledIds(counted);
    const last = new Map<string, LogEvent>();
    for (const e of [...counted].sort((a, b) => parseInstant(a.ts) - parseInstant(b.ts) || timeline.indexOf(a) - timeline.indexOf(b))) {
      if (moves(e) && !cancelled.has(e.id) && typeof e.item === 'string' && ids.includes(e.item)) last.set(e.item, e);
    }
    const done = v.counted.filter((entry) => {
      const e = last.get(entry.id);
      return e ? moves(e) === 'done' : entry.markedDone;
    }).length;
    return v.counted.length - done;
  });
}

const DAY = 86_400_000;
const start = Date.parse('2026-11-28T00:00:00Z');

describe('burndown', () => {
  it('each day\'s open items are what a count from scratch gives, undos and [x] items included', () => {
    const event = fc.record({
      type: fc.constantFrom('check', 'check', 'uncheck', 'block', 'unblock', 'note', 'undo'),
      item: fc.constantFrom(...items),
      minute: fc.integer({ min: 0, max: 80 * 24 * 60 }),
      target: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), fc.integer({ min: 0, max: 80 }), (raw, untilDays) => {
        const events: LogEvent[] = [];
        raw.forEach((r, i) => {
          const ts = new Date(start + r.minute * 60_000).toISOString().replace('Z', '+00:00');
          const id = i.toString(16).padStart(16, '0');
          const fields = (r.type === 'undo'
            ? events.length > 0 ? { actor: 'a', type: 'undo', target: events[r.target % events.length]!.id } : { actor: 'a', type: 'check', item: r.item }
            : { actor: 'a', type: r.type, item: r.item, ...(r.type === 'note' ? { text: 'n' } : {}), ...(r.type === 'block' ? { reason: 'r' } : {}) }) as NewEvent;
          events.push(createEvent(fields, id, ts));
        });
        const { timeline } = orderEvents(events);
        const until = new Date(start + untilDays * DAY).toISOString().slice(0, 10);
        expect(burndown(view, timeline, until).points.map((p) => p.remaining)).toEqual(recount(view, timeline, until));
      }),
      { numRuns: 150 },
    );
  });
});
