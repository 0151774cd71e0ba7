import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foldEvents } from '../../src/core/log/fold.js';
import { type LogEvent } from '../../src/core/log/events.js';
import { EventLogCorruptError, EventLogIoError, readEventLog } from '../../src/io/event-log.js';
import { appendEvent, appendEvents, newEventId } from '../../src/io/event-log-append.js';
import { ev, line, tempLog } from '../events-fixtures.js';

// event-log.ts imports writeSync by name, so a spy on the fs object would not reach it: the module is
// replaced by one whose writeSync a test can redirect.
// The hook sees what is left to write (the buffer from its offset), whatever form the call took.
const fsHook = vi.hoisted(() => ({
  writeSync: undefined as undefined | ((fd: number, buf: Buffer) => number),
  realWrite: undefined as unknown as (fd: number, buf: Buffer) => number,
}));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  fsHook.realWrite = real.writeSync as (fd: number, buf: Buffer) => number;
  const rest = (args: unknown[]): Buffer => {
    const buf = Buffer.from(args[1] as Uint8Array);
    const off = typeof args[2] === 'number' ? args[2] : 0;
    return buf.subarray(off, typeof args[3] === 'number' ? off + args[3] : undefined);
  };
  const writeSync = ((...args: Parameters<typeof real.writeSync>) =>
    fsHook.writeSync ? fsHook.writeSync(args[0], rest(args)) : (real.writeSync as (...a: unknown[]) => number)(...args)) as typeof real.writeSync;
  return { ...real, writeSync, default: { ...real, writeSync } };
});
afterEach(() => {
  fsHook.writeSync = undefined;
});

let dir: string;
let log: string;
beforeEach(() => {
  ({ dir, log } = tempLog('launch-log-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = () => fs.readFileSync(log);

describe('readEventLog', () => {
  it('treats a missing file as an empty log', () => {
    expect(readEventLog(log)).toEqual({ path: log, events: [], warnings: [], repeats: [], errors: [], stamp: null });
  });

  it('reads events, tolerating blank lines, CRLF, a BOM and extra fields', () => {
    const a = ev();
    const b = { ...ev({ type: 'note', text: 'hi' }), fromOtherTool: { x: 1 } };
    fs.writeFileSync(log, '\uFEFF' + JSON.stringify(a) + '\r\n\n' + line(b));
    const r = readEventLog(log);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.events).toEqual([a, b]);
  });

  it('ignores a torn last line with a warning naming the file and line', () => {
    const a = ev();
    fs.writeFileSync(log, line(a) + line(ev()).slice(0, 30));
    const r = readEventLog(log);
    expect(r.events).toEqual([a]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.stringContaining(`${log}:2: skipped a torn line`)]);
  });

  it('accepts a complete last line that only lacks its newline', () => {
    const a = ev();
    fs.writeFileSync(log, JSON.stringify(a));
    expect(readEventLog(log)).toMatchObject({ events: [a], warnings: [], errors: [] });
  });

  it('reports a corrupt middle line with its number and what is wrong', () => {
    const huge = `{"v":1,"pad":"${'x'.repeat(70_000)}"}\n`;
    fs.writeFileSync(log, [line(ev()), '<<<<<<< HEAD\n', line(ev()), '{"v":1,"id":"x"}\n', huge].join(''));
    const r = readEventLog(log);
    expect(r.events).toHaveLength(2);
    expect(r.errors).toEqual([
      { file: log, line: 2, message: expect.stringMatching(/not valid JSON/) },
      { file: log, line: 4, message: expect.stringMatching(/ts/) },
      { file: log, line: 5, message: expect.stringMatching(/longer than 64 KB/) },
    ]);
    expect(r.stamp).toBeNull();
  });

  it('skips a torn line that a later append left in the middle, with a warning', () => {
    const later = ev();
    fs.writeFileSync(log, line(ev()).slice(0, 40) + '\n' + line(later));
    const r = readEventLog(log);
    expect(r.events).toEqual([later]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.stringContaining(`${log}:1: skipped a torn line`)]);
  });

  it('skips, with a warning naming both lines, an event whose id an earlier line has with other content', () => {
    const a = ev();
    const b = ev({ type: 'note', text: 'first' });
    const forged = { ...b, text: 'second', ts: a.ts };
    fs.writeFileSync(log, line(a) + line(b) + line(forged) + line(a));
    const r = readEventLog(log);
    // The identical copy of line 1 (a git union merge) is the same event again: no warning.
    expect(r.events).toEqual([a, b, a]);
    expect(r.warnings).toEqual([`${log}:3: skipped an event whose id line 2 already has, with other content; \`launch doctor --repair\` moves it to a backup`]);
    expect(r.repeats).toEqual([3]);
    expect(r.errors).toEqual([]);
    expect(foldEvents(r.events).items.get(b.item as string)?.notes.map((n) => n.text)).toEqual(['first']);
  });

  it('reports a line that is not UTF-8 as malformed instead of reading U+FFFD into it', () => {
    const a = ev();
    const bad = Buffer.concat([Buffer.from(line(ev({ type: 'note', text: 'caf' })).slice(0, -3)), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    fs.writeFileSync(log, Buffer.concat([Buffer.from(line(a)), bad, Buffer.from(line(ev()))]));
    const r = readEventLog(log);
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toEqual(a);
    expect(r.errors).toEqual([{ file: log, line: 2, message: expect.stringMatching(/not valid UTF-8/) }]);
  });

  it('still calls a write cut off inside a character a torn line', () => {
    const a = ev();
    const cut = Buffer.from(line(ev({ type: 'note', text: 'naïve é' }))).subarray(0, -4); // ends inside "é"
    fs.writeFileSync(log, Buffer.concat([Buffer.from(line(a)), cut]));
    const r = readEventLog(log);
    expect(r.events).toEqual([a]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.stringContaining(`${log}:2: skipped a torn line`)]);
  });
});

describe('appendEvent', () => {
  it('appends whole lines that read back, creating the file', async () => {
    const a = ev();
    const b = ev({ type: 'block', reason: 'waiting' });
    await appendEvent(log, a);
    await appendEvents(log, [b, ev()]);
    expect(bytes().toString()).toBe(line(a) + line(b) + line(readEventLog(log).events[2]!));
    expect(fs.existsSync(`${log}.lock`)).toBe(false);
  });

  it('refuses when the log has a corrupt middle line, leaving it byte-identical', async () => {
    fs.writeFileSync(log, line(ev()) + 'garbage\n' + line(ev()));
    const before = bytes();
    const err = await appendEvent(log, ev()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventLogCorruptError);
    expect((err as EventLogCorruptError).exitCode).toBe(1);
    expect((err as EventLogCorruptError).message).toContain(`${log}:2:`);
    expect(bytes().equals(before)).toBe(true);
  });

  it('refuses a malformed or oversized event before touching the file', async () => {
    fs.writeFileSync(log, line(ev()));
    const before = bytes();
    await expect(appendEvent(log, { ...ev(), ts: 'now' })).rejects.toThrow(/malformed/);
    await expect(appendEvent(log, ev({ note: 'x'.repeat(70_000) }))).rejects.toThrow(/64 KB/);
    expect(bytes().equals(before)).toBe(true);
  });

  it('starts on a fresh line after a torn tail, and the log stays readable', async () => {
    const a = ev();
    const torn = line(ev()).slice(0, 25);
    fs.writeFileSync(log, line(a) + torn);
    const b = ev();
    await appendEvent(log, b);
    expect(bytes().toString()).toBe(line(a) + torn + '\n' + line(b));
    const r = readEventLog(log);
    expect(r.events).toEqual([a, b]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    await appendEvent(log, ev()); // a torn line in the middle does not block later writes
    expect(readEventLog(log).events).toHaveLength(3);
  });

  it('with a stamp, checks only what arrived since the read', async () => {
    await appendEvents(log, [ev(), ev()]);
    const first = readEventLog(log);
    await appendEvent(log, ev(), { after: first.stamp });
    const second = readEventLog(log);
    expect(second.events).toHaveLength(3);
    // Someone else appends garbage after our read: the append still notices it.
    fs.appendFileSync(log, 'oops\n');
    const before = bytes();
    const err = await appendEvent(log, ev(), { after: second.stamp }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventLogCorruptError);
    expect((err as EventLogCorruptError).problems).toEqual([{ file: log, line: 4, message: expect.any(String) }]);
    expect(bytes().equals(before)).toBe(true);
  });

  it('ignores a stamp from another file (the log was repaired or replaced)', async () => {
    await appendEvents(log, [ev()]);
    const stamp = readEventLog(log).stamp;
    const replaced = `${log}.new`;
    fs.writeFileSync(replaced, 'bad\n' + line(ev()) + line(ev()));
    fs.renameSync(replaced, log);
    await expect(appendEvent(log, ev(), { after: stamp })).rejects.toBeInstanceOf(EventLogCorruptError);
  });

  it('20 concurrent appends all land, each on its own line', async () => {
    const events = Array.from({ length: 20 }, (_, i) => ev({ item: `concurrent-${i}` }));
    await Promise.all(events.map((e) => appendEvent(log, e)));
    const r = readEventLog(log);
    expect(r.errors).toEqual([]);
    expect(r.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(bytes().toString().split('\n')).toHaveLength(21);
  });

  const PROCS = 20;
  it(`${PROCS} concurrent processes all append, none lost or duplicated`, async () => {
    const bundle = path.join(dir, 'event-log.cjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('../../src/io/event-log-append.ts', import.meta.url))],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    const child = `
      const { appendEvents, newEventId } = require(${JSON.stringify(bundle)});
      const [file, who] = process.argv.slice(1);
      const ts = '2026-12-01T09:00:00.000Z';
      const events = [0, 1].map((k) =>
        ({ v: 1, id: newEventId(), ts, actor: who, type: 'check', item: who + '-' + k }));
      appendEvents(file, events).then(
        () => process.exit(0),
        (e) => { console.error(e.message); process.exit(1); },
      );`;
    const codes = await Promise.all(
      Array.from({ length: PROCS }, (_, i) =>
        new Promise<number | null>((resolve) => {
          const p = spawn(process.execPath, ['-e', child, log, `p${i}`], {
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          p.on('close', resolve);
        }),
      ),
    );
    expect(codes).toEqual(Array(PROCS).fill(0));
    const r = readEventLog(log);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(new Set(r.events.map((e) => e.id)).size).toBe(2 * PROCS);
    expect(foldEvents(r.events).items.size).toBe(2 * PROCS);
  });

  it('takes over a lock left by a killed process once it is stale', async () => {
    fs.mkdirSync(`${log}.lock`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${log}.lock`, old, old);
    await appendEvent(log, ev());
    expect(readEventLog(log).events).toHaveLength(1);
    expect(fs.existsSync(`${log}.lock`)).toBe(false);
  });

  it('waits for a lock that goes stale while waiting', async () => {
    fs.mkdirSync(`${log}.lock`);
    const recent = new Date(Date.now() - 8_500);
    fs.utimesSync(`${log}.lock`, recent, recent);
    const started = Date.now();
    await appendEvent(log, ev());
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(readEventLog(log).events).toHaveLength(1);
  });

  describe('failed writes leave the log as it was and carry the OS reason', () => {
    it('the log path is a directory', async () => {
      fs.mkdirSync(log);
      const err = await appendEvent(log, ev()).catch((e: unknown) => e);
      expect(err).toMatchObject({ exitCode: 1, message: `${log}: is a directory, not a regular file; launch reads and writes only regular files` });
    });

    it('the directory does not exist', async () => {
      const err = await appendEvent(path.join(dir, 'missing', 'events.jsonl'), ev()).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ENOENT', exitCode: 1 });
    });

    it.skipIf(process.getuid?.() === 0)('a read-only directory', async () => {
      fs.writeFileSync(log, line(ev()));
      const before = bytes();
      fs.chmodSync(dir, 0o500);
      try {
        const err = await appendEvent(log, ev()).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'EACCES', exitCode: 1 });
      } finally {
        fs.chmodSync(dir, 0o700);
      }
      expect(bytes().equals(before)).toBe(true);
    });

    it.skipIf(!fs.existsSync('/dev/full'))('a link to a device (/dev/full) is refused before anything is written', async () => {
      fs.symlinkSync('/dev/full', log);
      const err = await appendEvent(log, ev()).catch((e: unknown) => e);
      expect(err).toMatchObject({ exitCode: 1, message: expect.stringMatching(/is a symbolic link to \/dev\/full, outside the workspace/) });
    });

    it('a write that fails half-way is rolled back', async () => {
      fs.writeFileSync(log, line(ev()));
      const before = bytes();
      const realWrite = fsHook.realWrite;
      fsHook.writeSync = (fd, buf) => {
        realWrite(fd, buf.subarray(0, 20));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      const err = await appendEvent(log, ev()).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ENOSPC', message: `cannot write ${log}: disk full (no space left on device)` });
      expect(err).toMatchObject({ hint: 'nothing was recorded; the log is unchanged' });
      expect(bytes().equals(before)).toBe(true);
    });

    it('a short write that cannot go on (0 bytes) is rolled back as a full disk', async () => {
      fs.writeFileSync(log, line(ev()));
      const before = bytes();
      const realWrite = fsHook.realWrite;
      let calls = 0;
      fsHook.writeSync = (fd, buf) => (calls++ === 0 ? realWrite(fd, buf.subarray(0, 10)) : 0);
      const err = await appendEvent(log, ev()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EventLogIoError);
      expect(err).toMatchObject({ code: 'ENOSPC', message: expect.stringContaining('disk full') });
      expect(bytes().equals(before)).toBe(true);
    });

    it('a short write that can go on completes the line', async () => {
      fs.writeFileSync(log, line(ev()));
      const realWrite = fsHook.realWrite;
      fsHook.writeSync = (fd, buf) => realWrite(fd, buf.subarray(0, 7));
      const e = ev();
      await appendEvent(log, e);
      fsHook.writeSync = undefined;
      expect(readEventLog(log)).toMatchObject({ errors: [], warnings: [] });
      expect(readEventLog(log).events.at(-1)).toEqual(e);
    });
  });
});

describe('newEventId', () => {
  it('gives 16 random hex digits, distinct across a thousand calls', () => {
    const ids = Array.from({ length: 1000 }, () => newEventId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(1000);
    // Every hex digit turns up in every position: not a counter, not a constant prefix.
    for (let i = 0; i < 16; i++) expect(new Set(ids.map((id) => id[i])).size).toBe(16);
  });
});

describe('start-up cost', () => {
  it('does not load zod: every command imports these modules, and only doctor needs the full schema', () => {
    const result = buildSync({
      entryPoints: ['event-log.ts', 'event-log-append.ts'].map((f) => fileURLToPath(new URL(`../../src/io/${f}`, import.meta.url))),
      outdir: 'out', // not written
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      // proper-lockfile is imported on demand; leave packages out and look at what is imported at all.
      packages: 'external',
      logLevel: 'error',
    });
    const imported = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    const modules = Object.keys(result.metafile.inputs);
    expect(imported.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    expect(modules.filter((p) => p.includes('log/schema'))).toEqual([]);
  });
});
