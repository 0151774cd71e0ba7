// After any damage to a log (a torn line, a corrupt one, a writer killed mid-append): the log still
// reads, doctor --repair cleans it with a backup, and doctor is then satisfied. Shared by the
// in-process damage tests and the crash tests through the binary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Result } from './in-process.js';

export type Runner = (args: string[], dir: string) => Result | Promise<Result>;

const rawLines = (dir: string) => readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);

export async function expectRecoverable(run: Runner, dir: string): Promise<void> {
  const list = await run(['list', '--json'], dir);
  expect(list.code, list.stderr).toBe(0);
  JSON.parse(list.stdout);
  // A torn last line is a warning, never an error.
  expect(list.stderr).not.toMatch(/^error|malformed/m);
  const before = readdirSync(join(dir, '.launch'));
  const repair = await run(['doctor', '--repair'], dir);
  expect(repair.code, repair.stdout + repair.stderr).toBe(0);
  if (/moved (\d+) line/.test(repair.stdout)) {
    const added = readdirSync(join(dir, '.launch')).filter((f) => !before.includes(f));
    expect(added.some((f) => f.startsWith('events.jsonl.bad-')), added.join(', ')).toBe(true);
    expect(added.some((f) => f.startsWith('events.jsonl.bak-')), added.join(', ')).toBe(true);
  }
  const doctor = await run(['doctor'], dir);
  expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  for (const line of rawLines(dir)) expect(() => JSON.parse(line)).not.toThrow();
}
