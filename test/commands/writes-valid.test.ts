// Whatever a command writes, the reader and doctor accept: notes, reasons and answers in any script
// (emoji, combining marks, control characters, lone surrogates), names as long as allowed, KPI values
// and measurements. A command may refuse an input, but then it writes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../src/core/log/schema.js';
import { eventsOf, launcher, logOf, workspaceWith } from '../support/commands.js';

const launch = launcher('2026-12-02T09:00:00Z');

const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc.constantFrom('😀👩‍👩‍👧 ñ 漢字 \u0301', 'x'.repeat(20_000), '"quoted" \\ back\\slash', '\u2028\u2029\u0000\u001b[2J'),
);
/** Names people are called by, up to the 64 characters launch allows, and some too long to allow. */
const name = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéßüñ漢字ØÆ0123456789'), { minLength: 1, maxLength: 64 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(65, 256, 257, 300).map((n) => 'n'.repeat(n)) },
);
const as = fc.option(name, { nil: undefined });

const ITEMS = ['redis-setup', 'session-security', 'bundle-analysis', 'skeleton-loading-setup'];
const item = fc.constantFrom(...ITEMS);
const withAs = (args: string[], who: string | undefined) => (who === undefined ? args : [...args, `--as=${who}`]);

/** One write, as a user would type it (values after `=` so that a leading "-" stays a value). */
const step = fc.oneof(
  fc.tuple(item, fc.option(text, { nil: undefined }), as).map(([i, note, who]) => withAs(['check', i, ...(note === undefined ? [] : [`--note=${note}`])], who)),
  fc.tuple(item, text, as).map(([i, reason, who]) => withAs(['block', i, `--reason=${reason}`], who)),
  fc.tuple(item, text, as).map(([i, message, who]) => withAs(['note', i, `--message=${message}`], who)),
  fc.tuple(fc.constantFrom('uncheck', 'unblock'), item, as).map(([cmd, i, who]) => withAs([cmd, i], who)),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('1', '2'), fc.option(text, { nil: undefined }), as).map(([kb, week, note, who]) =>
    withAs(['kpi', 'record', 'bundle-size', `${kb}KB`, `--week=${week}`, ...(note === undefined ? [] : [`--note=${note}`])], who),
  ),
  fc.tuple(fc.integer({ min: 1, max: 999 }), as).map(([kb, who]) => withAs(['check', 'initial-bundle', `--value=${kb}KB`, '--force'], who)),
  fc.tuple(item, fc.constantFrom('high', 'critical'), text, as).map(([i, level, reason, who]) => withAs(['escalate', i, `--level=${level}`, `--reason=${reason}`], who)),
  fc.tuple(item, as).map(([i, who]) => withAs(['escalate', '--resolve', i], who)),
  fc.tuple(text, text, text, as).map(([y, t, b, who]) => withAs(['standup', '--answer', `--yesterday=${y}`, `--today=${t}`, `--blockers=${b}`], who)),
  fc.tuple(as).map(([who]) => withAs(['undo'], who)),
);

describe('what commands write', () => {
  it('is read back whole, and doctor finds nothing wrong with it', async () => {
    // Over all runs, not per run: a run whose every step is refused (too long a name, nothing to
    // resolve) is a fair case, but the property must have checked written events somewhere.
    let writtenInAll = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 10 }), async (steps) => {
        const dir = await workspaceWith(launch, 'UTC');
        let written = 0;
        for (const args of steps) {
          const before = logOf(dir);
          const r = await launch(args, dir);
          expect(r.stderr, args.join(' ')).not.toMatch(/internal error/);
          if (r.code === 0) written++;
          else expect(logOf(dir), `${args.join(' ')} failed (${r.stderr}) but wrote`).toBe(before);
        }
        for (const e of eventsOf(dir)) expect(validateEvent(e), JSON.stringify(e)).toEqual({ ok: true });
        const doctor = await launch(['doctor', '--json'], dir);
        expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
        const { log } = JSON.parse(doctor.stdout);
        expect(log).toMatchObject({ ok: true, errors: [], invalid: [], torn: [] });
        expect(log.events).toBe(eventsOf(dir).length);
        writtenInAll += written;
      }),
      { numRuns: 12 },
    );
    expect(writtenInAll).toBeGreaterThan(0);
  });

  it('never holds a line doctor calls malformed, even for a name too long to record', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    const long = await launch(['check', 'redis-setup', `--as=${'n'.repeat(300)}`], dir);
    expect(long.code).not.toBe(0);
    expect(logOf(dir)).toBe('');
    expect((await launch(['check', 'redis-setup', `--as=${'n'.repeat(64)}`], dir)).code).toBe(0);
    expect((await launch(['doctor'], dir)).code).toBe(0);
  });
});
