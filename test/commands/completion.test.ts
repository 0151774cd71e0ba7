// `launch completion <shell>` and the hidden `launch __complete <words…>` behind its scripts, in-process:
// commands, flags and choices as commander defines them, ids and names from the workspace or the
// bundled plan, and never an error or a non-zero exit, whatever the line or the workspace holds.
// The scripts themselves run in bash (and zsh/fish when installed) in test/e2e/completion.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { launcher, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-02T09:00:00Z');
let dir: string;
beforeAll(async () => {
  dir = await workspaceWith(launch);
});

/** The candidates' values (without descriptions), after checking the run printed nothing else. */
async function complete(words: string[], cwd = dir): Promise<string[]> {
  const r = await launch(['__complete', ...words], cwd);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
}

describe('launch __complete', () => {
  it('completes command names from the registered commands, hidden ones left out', async () => {
    expect(await complete(['st'])).toEqual(['status', 'standup']);
    const all = await complete(['']);
    const help = (await launch(['help'], dir)).stdout;
    const listed = [...help.slice(help.indexOf('Commands:'), help.indexOf('Quick start:')).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(all).toEqual(listed);
    expect(all).toContain('completion');
    expect(all).not.toContain('__complete');
  });

  it('completes item ids for item arguments, with titles when few are left', async () => {
    expect(await complete(['check', 'skel'])).toEqual(['skeleton-loading-setup', 'skeleton-components-implemented']);
    const r = await launch(['__complete', 'show', 'skeleton-l'], dir);
    expect(r.stdout).toBe('skeleton-loading-setup\tSkeleton Loading Setup\n');
    expect(await complete(['block', 'redis-setup', 'bundle-a'])).toEqual(['bundle-analysis']);
    expect(await complete(['log', '--item', 'skeleton-l'])).toEqual(['skeleton-loading-setup']);
  });

  it('completes flags of the command and the global ones, and fixed choices of a flag', async () => {
    const flags = await complete(['list', '--']);
    expect(flags).toEqual(expect.arrayContaining(['--sprint', '--status', '--kind', '--plan', '--json', '--dir']));
    expect(await complete(['list', '--s'])).toEqual(['--sprint', '--status']);
    expect(await complete(['list', '--status', ''])).toEqual(['todo', 'done', 'blocked']);
    expect(await complete(['standup', '--format', ''])).toEqual(['text', 'md']);
    expect(await complete(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    // A flag's value is not taken for the command's argument.
    expect(await complete(['check', '--note', 'x', 'skeleton-l'])).toEqual(['skeleton-loading-setup']);
  });

  it('completes team words, sprint numbers, weeks, escalation levels and KPI ids from the plan', async () => {
    expect(await complete(['today', '--team', 'back'])).toEqual(['backend']);
    expect(await complete(['list', '--sprint', ''])).toEqual(['1', '2', '3-4', '5']);
    expect(await complete(['list', '--week', '1'])).toEqual(['1', '10']);
    expect(await complete(['escalate', 'x', '--level', ''])).toEqual(['critical', 'high']);
    const metrics = await complete(['kpi', 'record', '']);
    expect(metrics).toContain('bundle-size');
    expect(await complete(['kpi', 'record', 'bundle'])).toEqual(['bundle-size']);
    // After the metric come its value or more of its name: nothing to offer.
    expect(await complete(['kpi', 'record', 'bundle-size', ''])).toEqual([]);
    expect(await complete(['kpi', ''])).toEqual(['record']);
  });

  it('asks the shell for file names where a file is expected', async () => {
    expect(await complete(['import', ''])).toEqual([':file']);
    expect(await complete(['list', '--plan', ''])).toEqual([':file']);
    expect(await complete(['--dir', ''])).toEqual([':file']);
    expect(await complete(['report', '--out', ''])).toEqual([':file']);
    expect(await complete(['export', 'md', '--source', ''])).toEqual([':file']);
  });

  it('outside a workspace completes from the bundled plan, and --dir on the line names the workspace', async () => {
    const outside = scratchDir();
    expect(await complete(['check', 'skeleton-l'], outside)).toEqual(['skeleton-loading-setup']);
    expect(await complete(['--dir', join(dir, '.launch'), 'list', '--team', 'back'], outside)).toEqual(['backend']);
  });

  it('prints nothing and exits 0 on a broken workspace, a missing --dir or a line it cannot read', async () => {
    const broken = scratchDir();
    mkdirSync(join(broken, '.launch'));
    writeFileSync(join(broken, '.launch', 'plan.yaml'), 'schema: [unclosed\n\u001b[31m');
    writeFileSync(join(broken, '.launch', 'config.yaml'), ': : :\n');
    for (const [words, cwd] of [
      [['check', ''], broken],
      [['--dir', '/nonexistent/launch', 'check', 'sk'], dir],
      [['nosuchcommand', '--x', ''], dir],
      [['list', '--status', '--sprint', ''], dir],
      [[], dir],
    ] as const) {
      const r = await launch(['__complete', ...words], cwd);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect((await launch(['__complete', 'check', ''], broken)).stdout).toBe('');
  });
});

describe('launch completion', () => {
  it('prints a script for bash, zsh and fish that asks launch __complete', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await launch(['completion', shell], dir);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('launch __complete');
    }
    expect((await launch(['completion', 'bash'], dir)).stdout).toContain('complete -F _launch_complete launch');
  });

  it('refuses another shell as a usage error', async () => {
    const r = await launch(['completion', 'tcsh'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'tcsh' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish/);
  });
});
