import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import type { Runtime } from '../src/runtime.js';

const rt: Runtime = {
  cwd: '/',
  env: {},
  now: () => new Date('2026-12-01T09:00:00Z'),
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdinIsTTY: false,
};
const names = async (argv: string[]) => (await buildProgram(rt, argv)).commands.map((c) => c.name());

describe('buildProgram registers what a run needs', () => {
  it('only the command the run names, after any global options', async () => {
    expect(await names(['today'])).toEqual(['today']);
    expect(await names(['--json', '--dir', 'x/.launch', 'check', 'redis'])).toEqual(['check']);
    expect(await names(['--dir=x', '--no-color', 'kpi', 'record', 'a', '1'])).toEqual(['kpi']);
  });

  it('every command, in help order, for help, typos and no command', async () => {
    const all = await names([]);
    expect(all.slice(0, 4)).toEqual(['import', 'validate', 'today', 'status']);
    expect(all).toHaveLength(23);
    for (const argv of [['--help'], ['help', 'today'], ['todya'], ['--verbose', 'today'], ['--dir']]) expect(await names(argv)).toEqual(all);
  });

  it('a word that names no command gets only the names, for "did you mean"; help gets the commands whole', async () => {
    const options = async (argv: string[]) => (await buildProgram(rt, argv)).commands.find((c) => c.name() === 'today')!.options.length;
    expect(await options(['todya'])).toBe(0);
    expect(await options(['todya', '--help'])).toBeGreaterThan(0);
    expect(await options(['help', 'today'])).toBeGreaterThan(0);
    expect(await options([])).toBeGreaterThan(0);
  });
});
