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
const names = (argv: string[]) => buildProgram(rt, argv).commands.map((c) => c.name());

describe('buildProgram registers what a run needs', () => {
  it('only the command the run names, after any global options', () => {
    expect(names(['today'])).toEqual(['today']);
    expect(names(['--json', '--dir', 'x/.launch', 'check', 'redis'])).toEqual(['check']);
    expect(names(['--dir=x', '--no-color', 'kpi', 'record', 'a', '1'])).toEqual(['kpi']);
  });

  it('every command, in help order, for help, typos and no command', () => {
    const all = names([]);
    expect(all.slice(0, 4)).toEqual(['import', 'validate', 'today', 'status']);
    expect(all).toHaveLength(21);
    for (const argv of [['--help'], ['help', 'today'], ['todya'], ['--verbose', 'today'], ['--dir']]) expect(names(argv)).toEqual(all);
  });
});
