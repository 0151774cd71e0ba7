import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEventLog } from '../../src/io/event-log.js';
import { doctorEventLog, repairEventLog } from '../../src/io/event-log-doctor.js';
import { ev, line, tempLog } from '../events-fixtures.js';

let dir: string;
let log: string;
beforeEach(() => {
  ({ dir, log } = tempLog('launch-log-doctor-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = () => fs.readFileSync(log);

describe('doctor and repair', () => {
  function damagedLog() {
    const good = [ev(), ev({ type: 'note', text: 'hi' }), ev()];
    const dup = good[0]!;
    const conflicting = { ...good[1]!, text: 'changed' };
    const undo = ev({ type: 'undo', target: 'nope' });
    const future = { ...ev(), type: 'deploy' };
    const invalidKpi = ev({ type: 'kpi', metric: 'm', value: '1', week: 0 });
    const text =
      line(good[0]!) +
      '{"broken": \n' + // 2: torn (an interrupted write, then a newline from a later append)
      line(good[1]!) +
      'not json at all\n' + // 4: corrupt
      line(good[2]!) +
      line(dup) + // 6: identical duplicate
      line(conflicting) + // 7: same id, different content: moved out
      line(undo) + // 8: dangling undo
      line(future) + // 9: unknown type
      line(invalidKpi) + // 10: malformed (week 0)
      line(ev()).slice(0, 20); // 11: torn tail
    fs.writeFileSync(log, text);
    return { text, good };
  }

  it('doctor reports every kind of problem and writes nothing', () => {
    const { text, good } = damagedLog();
    const report = doctorEventLog(log, new Date('2027-01-01T00:00:00Z'));
    expect(report).toMatchObject({ exists: true, lines: 11, events: 6, ok: false });
    // The reader refuses what the full schema refuses (week 0): one list, the lines every command skips.
    expect(report.errors).toEqual([
      { file: log, line: 4, message: expect.stringMatching(/not valid JSON/) },
      { file: log, line: 10, message: expect.stringMatching(/week/) },
    ]);
    expect(report.torn.map((t) => t.line)).toEqual([2, 11]);
    expect(report.invalid).toEqual([]);
    // Ids are unique: the first line with one is the event, a later one with other content is damage.
    expect(report.conflicts).toEqual([{ file: log, line: 7, message: 'repeats the id of line 3 with different content' }]);
    expect(report.duplicates).toEqual([
      { id: good[0]!.id, lines: [1, 6], identical: true },
      { id: good[1]!.id, lines: [3, 7], identical: false },
    ]);
    expect(report.danglingUndos).toEqual([{ line: 8, target: 'nope' }]);
    expect(report.unknownTypes).toEqual([{ line: 9, type: 'deploy' }]);
    expect(bytes().toString()).toBe(text);
    expect(fs.readdirSync(dir)).toEqual(['events.jsonl']);
  });

  it('doctor on a missing log', () => {
    expect(doctorEventLog(log, new Date('2027-01-01T00:00:00Z'))).toMatchObject({ exists: false, lines: 0, ok: true });
  });

  it('repair moves bad lines to a dated backup, keeps a full copy, and rewrites atomically', async () => {
    const { text } = damagedLog();
    const now = new Date('2026-12-01T08:09:10.500Z');
    const result = await repairEventLog(log, now);
    expect(result).toEqual({
      moved: 5,
      backup: `${log}.bad-20261201-080910`,
      copy: `${log}.bak-20261201-080910`,
    });
    const lines = text.split('\n');
    expect(fs.readFileSync(result.backup!, 'utf8')).toBe([lines[1], lines[3], lines[6], lines[9], lines[10], ''].join('\n'));
    expect(fs.readFileSync(result.copy!, 'utf8')).toBe(text);
    const after = bytes().toString();
    expect(after).toBe([0, 2, 4, 5, 7, 8].map((i) => lines[i] + '\n').join(''));
    expect(readEventLog(log)).toMatchObject({ errors: [], warnings: [] });
    expect(doctorEventLog(log, new Date('2027-01-01T00:00:00Z')).ok).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['events.jsonl', 'events.jsonl.bad-20261201-080910', 'events.jsonl.bak-20261201-080910'].sort(),
    );

    // Nothing left to do: nothing written.
    expect(await repairEventLog(log, now)).toEqual({ moved: 0, backup: null, copy: null });
    // A second repair in the same second never overwrites the first backup.
    fs.appendFileSync(log, 'junk\n');
    expect(await repairEventLog(log, now)).toMatchObject({ moved: 1, backup: `${log}.bad-20261201-080910-2` });
  });

  it('repair of a missing log does nothing', async () => {
    expect(await repairEventLog(log, new Date('2026-12-01T08:09:10Z'))).toEqual({ moved: 0, backup: null, copy: null });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
