// Help as commander renders it at run time. The root help the build renders once (dist/help.txt) and
// the version the build stamps in are checked through the binary in test/e2e/help.test.ts.
import { describe, expect, it } from 'vitest';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

describe('help', () => {
  it('launch help, --help and -h print the same help', async () => {
    const cwd = scratchDir();
    const rendered = await launch(['help'], cwd);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toMatch(/^Usage: launch \[options\] \[command\]/);
    for (const flag of ['--help', '-h']) expect(await launch([flag], cwd)).toEqual({ code: 0, stdout: rendered.stdout, stderr: '' });
  });

  it('wraps option and command descriptions at 80 columns', async () => {
    const cwd = scratchDir();
    for (const args of [['--help'], ['standup', '--help']]) {
      const { stdout } = await launch(args, cwd);
      // Up to the examples and quick start, which are printed as written.
      const described = stdout.split(/\n(?:Examples|Example|Quick start):/)[0]!;
      expect(Math.max(...described.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
      expect(Math.max(...described.split('\n').map((l) => l.length))).toBeGreaterThan(70);
    }
  });
});
