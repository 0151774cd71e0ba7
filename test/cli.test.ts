import { readdirSync } from 'node:fs';
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
    // One command per file in src/commands (kpi-record and plan-update are subcommands; export-md and export-ics are export's; complete and man are hidden).
    const files = readdirSync(new URL('../src/commands/', import.meta.url)).filter((f) => f.endsWith('.ts') && !['kpi-record.ts', 'plan-update.ts', 'complete.ts', 'man.ts', 'export-md.ts', 'export-ics.ts'].includes(f));
    expect([...all].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).concat(['kpi', 'plan']).sort());
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
