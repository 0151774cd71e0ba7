// Every help screen fits an 80-column terminal: the root's, every command's and every subcommand's,
// descriptions, paragraphs and examples alike. The commands are found by walking the program itself, so
// a command added later is checked without touching this file. Width is counted in columns
// (string-width), not bytes: "·", "→" and "—" are one column and three bytes.
import type { Command } from 'commander';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildProgram, HELP_WIDTH } from '../../src/cli.js';
import { launchIn, scratchDir } from '../support/in-process.js';


/** The command paths (["plan", "update"]) of every command and subcommand, depth first. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

/** The lines of a help text wider than the limit, with their width. */
const tooWide = (text: string, width = HELP_WIDTH): string[] => text.split('\n').filter((l) => stringWidth(l) > width).map((l) => `${stringWidth(l)}: ${l}`);

describe('help fits 80 columns, or the terminal when narrower', () => {
  it('counts columns, not bytes or UTF-16 units, and finds a wide line', () => {
    expect(tooWide(`${'·'.repeat(80)}\n${'x'.repeat(80)}`)).toEqual([]);
    expect(tooWide(`short\n${'x'.repeat(81)}`)).toEqual([`81: ${'x'.repeat(81)}`]);
    expect(tooWide('漢'.repeat(41))).toHaveLength(1); // wide characters take two columns
  });

  it.each([
    ['in a pipe', undefined],
    ['on an 80-column terminal', 80],
    ['on a 60-column terminal', 60],
  ] as const)('for the root and every command and subcommand, %s', async (_where, columns) => {
    const cwd = scratchDir();
    const program = await buildProgram({ cwd, env: {}, now: () => new Date(0), stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false }, ['--help']);
    const paths = commandPaths(program);
    // The walk reaches subcommands, and every command of src/cli.ts.
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['today', 'kpi record', 'plan update', 'sync', 'import', 'check']));
    const wide: string[] = [];
    for (const args of [['--help'], ['help'], ...paths.map((p) => [...p, '--help'])]) {
      const r = await launchIn(args, { cwd, now: '2026-12-01T09:00:00Z', stdoutIsTTY: columns !== undefined, columns });
      expect(r.code, `launch ${args.join(' ')}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^Usage: launch/);
      wide.push(...tooWide(r.stdout, columns).map((l) => `launch ${args.join(' ')} → ${l}`));
    }
    expect(wide).toEqual([]);
  });
});
