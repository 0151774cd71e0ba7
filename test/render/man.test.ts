// launch(1): made from the command definitions --help prints (every command, its usage and flags), and
// help text can never become roff markup.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { launchIn, scratchDir } from '../support/in-process.js';
import { manPage, roffText } from '../../src/render/man.js';
import type { CommandSpec } from '../../src/render/command-spec.js';

const page = async (): Promise<string> => {
  const r = await launchIn(['__man'], { cwd: scratchDir(), now: '2026-12-02T09:00:00Z' });
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return r.stdout;
};

describe('launch(1)', () => {
  it('has the sections of a man page and every command, with its usage and flags', async () => {
    const roff = await page();
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'COMMANDS', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES']) {
      expect(roff).toMatch(new RegExp(`^\\.SH ${section}$`, 'm'));
    }
    const help = (await launchIn(['help'], { cwd: scratchDir(), now: '2026-12-02T09:00:00Z' })).stdout;
    const names = [...help.slice(help.indexOf('Commands:'), help.indexOf('Quick start:')).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
    expect(names.length).toBeGreaterThan(20);
    const sections = [...roff.matchAll(/^\.SS "([^"]+)"$/gm)].map((m) => m[1]!);
    // A command with subcommands (export md, export ics) has a section for each.
    expect([...new Set(sections.map((s) => s.split(' ')[0]))]).toEqual(names);
    expect(sections).toContain('kpi record');
    expect(sections).toContain('plan update');
    expect(roff).toContain('.B launch kpi record [options] <metric...> <value>'.replace(/-/g, '\\-'));
    expect(roff).toContain('.B \\-\\-status <status>');
    expect(roff).toMatch(/^\.TP\n\.B 130\n/m);
  });

  it('escapes backslashes, leading dots and quotes, and characters beyond ASCII in help text', () => {
    expect(roffText('.TH EVIL\n\'br\nC:\\fBbold\\fR · x')).toBe('\\&.TH EVIL\n\\&\'br\nC:\\efBbold\\efR \\[u00B7] x');
    const hostile: CommandSpec = {
      name: 'launch',
      path: [],
      usage: 'launch [options]',
      description: 'Root: text',
      options: [{ flags: '--x <v>', names: ['--x'], takesValue: true, description: '.so /etc/passwd' }],
      arguments: [],
      after: '',
      commands: [
        {
          name: 'evil',
          path: ['evil'],
          usage: 'launch evil "quoted"',
          description: "'ds x\n.sh rm -rf /",
          options: [],
          arguments: [],
          commands: [],
          after: 'Examples:\n.pso rm\n\\(dq',
        },
      ],
    };
    const lines = manPage(hostile, { version: '1"2' });
    const requests = lines.filter((l) => /^[.']/.test(l)).map((l) => l.split(/\s/)[0]);
    expect(new Set(requests)).toEqual(new Set(['.\\"', '.TH', '.SH', '.B', '.br', '.PP', '.TP', '.SS', '.RS', '.nf', '.fi', '.RE']));
    expect(lines).toContain('.TH LAUNCH 1 "" "launch 1\\(dq2" "User Commands"');
    expect(lines).toContain('\\&.so /etc/passwd');
    expect(lines).toContain('\\&.pso rm');
    expect(lines).toContain('\\e(dq');
  });

  it.skipIf(spawnSync('groff', ['-v'], { stdio: 'ignore' }).status !== 0)('renders with groff without a warning', async () => {
    const r = spawnSync('groff', ['-man', '-ww', '-Tutf8'], { input: await page(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('kpi record');
  });
});
