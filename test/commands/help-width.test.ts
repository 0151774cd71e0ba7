// Every help screen fits an 80-column terminal: the root's, every command's and every subcommand's,
// descriptions, paragraphs and examples alike. The commands are found by walking the program itself, so
// a command added later is checked without touching this file. Width is counted in columns
// (string-width), not bytes: "·", "→" and "—" are one column and three bytes.
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, HELP_WIDTH } from '../../src/cli.js';
import { launchIn, scratchDir } from '../support/in-process.js';

const require = createRequire(import.meta.url);
const stringWidth = require('string-width') as (s: string) => number;

/** The command paths (["plan", "update"]) of every command and subcommand, depth first. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

/** The lines of a help text wider than the limit, with their width. */
const tooWide = (text: string): string[] => text.split('\n').filter((l) => stringWidth(l) > HELP_WIDTH).map((l) => `${stringWidth(l)}: ${l}`);

describe('help fits 80 columns', () => {
  it('counts columns, not bytes or UTF-16 units, and finds a wide line', () => {
    expect(tooWide(`${'·'.repeat(80)}\n${'x'.repeat(80)}`)).toEqual([]);
    expect(tooWide(`short\n${'x'.repeat(81)}`)).toEqual([`81: ${'x'.repeat(81)}`]);
    expect(tooWide('漢'.repeat(41))).toHaveLength(1); // wide characters take two columns
  });

  it('for the root and every command and subcommand', async () => {
    const cwd = scratchDir();
    const program = await buildProgram({ cwd, env: {}, now: () => new Date(0), stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false }, ['--help']);
    const paths = commandPaths(program);
    // The walk reaches subcommands, and every command of src/cli.ts.
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['today', 'kpi record', 'plan update', 'sync', 'import', 'check']));
    const wide: string[] = [];
    for (const args of [['--help'], ['help'], ...paths.map((p) => [...p, '--help'])]) {
      const r = await launchIn(args, { cwd, now: '2026-12-01T09:00:00Z' });
      expect(r.code, `launch ${args.join(' ')}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^Usage: launch/);
      wide.push(...tooWide(r.stdout).map((l) => `launch ${args.join(' ')} → ${l}`));
    }
    expect(wide).toEqual([]);
  });
});
