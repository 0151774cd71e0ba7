// Shared by the log and fold tests: a temporary log file, events with rising timestamps, and fold
// results in a form `toEqual` compares fully (Maps and Sets as arrays).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEvent, type LogEvent, type NewEvent } from '../src/core/log/events.js';
import { type FoldResult } from '../src/core/log/state.js';
import { newEventId } from '../src/io/event-log-append.js';

export function tempLog(prefix: string): { dir: string; log: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, log: path.join(dir, 'events.jsonl') };
}

let n = 0;
/** A `check` by alice one second after the previous event, unless `fields` says otherwise. */
export function ev(fields: Partial<NewEvent> = {}): LogEvent {
  n++;
  const ts = new Date(Date.UTC(2026, 10, 30, 9, 0, n)).toISOString();
  return createEvent({ actor: 'alice', type: 'check', item: `item-${n}`, ...fields } as NewEvent, newEventId(), ts);
}

export const line = (e: LogEvent): string => JSON.stringify(e) + '\n';

type Comparable = Pick<FoldResult, 'items' | 'kpis' | 'standups' | 'escalations' | 'cancelled' | 'duplicates'>;

export function comparable(s: Comparable) {
  return {
    // Each state's fields as values (a state from the fold snapshot reads its notes when asked).
    items: [...s.items].map(([id, st]) => [id, JSON.parse(JSON.stringify(st)) as unknown]),
    kpis: [...s.kpis],
    standups: s.standups,
    escalations: [...s.escalations],
    cancelled: [...s.cancelled].sort(),
    duplicates: s.duplicates,
  };
}
