// Through the binary: `launch --help` prints the help the build rendered (dist/help.txt) without
// loading commander, and `--version` the version the build stamped in. How help is worded and wrapped
// is in test/commands/help.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launch, tempDir } from './run.js';

describe('help and version, through the binary', () => {
  it('--help and -h print the build\'s dist/help.txt, which is what commander renders now; --version and -V the package version', () => {
    const cwd = tempDir();
    const rendered = launch(['help'], { cwd }); // commander, at run time
    const fast = launch(['--help'], { cwd }); // dist/help.txt
    expect(rendered.code).toBe(0);
    expect(fast.code).toBe(0);
    expect(rendered.stdout).toMatch(/^Usage: launch \[options\] \[command\]/);
    expect(fast.stdout).toBe(rendered.stdout);
    expect(launch(['-h'], { cwd }).stdout).toBe(rendered.stdout);
    expect(readFileSync(join(repoRoot, 'dist', 'help.txt'), 'utf8')).toBe(rendered.stdout);

    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const viaCommander = launch(['--no-color', '--version'], { cwd });
    expect(viaCommander.stdout).toBe(`${version}\n`);
    for (const flag of ['--version', '-V']) expect(launch([flag], { cwd })).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
