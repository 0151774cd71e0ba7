import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launch, tempDir } from './run.js';

describe('help', () => {
  it('launch --help prints the help the build rendered, which is what commander renders now', () => {
    const cwd = tempDir();
    const rendered = launch(['help'], { cwd }); // commander, at run time
    const fast = launch(['--help'], { cwd }); // dist/help.txt
    expect(rendered.code).toBe(0);
    expect(fast.code).toBe(0);
    expect(rendered.stdout).toMatch(/^Usage: launch \[options\] \[command\]/);
    expect(fast.stdout).toBe(rendered.stdout);
    expect(launch(['-h'], { cwd }).stdout).toBe(rendered.stdout);
    expect(readFileSync(join(repoRoot, 'dist', 'help.txt'), 'utf8')).toBe(rendered.stdout);
  });

  it('launch --version prints the package version, as commander does', () => {
    const cwd = tempDir();
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const viaCommander = launch(['--no-color', '--version'], { cwd });
    expect(viaCommander.stdout).toBe(`${version}\n`);
    for (const flag of ['--version', '-V']) expect(launch([flag], { cwd })).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('wraps option and command descriptions at 80 columns', () => {
    const cwd = tempDir();
    for (const args of [['--help'], ['standup', '--help']]) {
      const { stdout } = launch(args, { cwd });
      // Up to the examples and quick start, which are printed as written.
      const described = stdout.split(/\n(?:Examples|Example|Quick start):/)[0]!;
      expect(Math.max(...described.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
      expect(Math.max(...described.split('\n').map((l) => l.length))).toBeGreaterThan(70);
    }
  });
});
