// The completion scripts in the shells themselves, through the built binary: bash sources the script
// with `launch` as a function running bin/launch.js and calls its completion function the way bash
// would on a TAB. zsh and fish, where they are installed (they are not in CI), check the script's syntax
// and run it: zsh with its completion system's _describe and _files stubbed to print what they are
// given, fish through its own `complete -C`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, launch, tempDir } from './run.js';

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;

describe('completion scripts in a shell', () => {
  it('bash completes commands, item ids, flag values, KPI metrics and file names', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'plan.md'), '# Plan\n');
    const script = join(cwd, 'launch.bash');
    writeFileSync(script, launch(['completion', 'bash'], { cwd }).stdout);
    // Each case: the words of the line (the last one being typed) and its candidates, space-separated.
    const cases: [string[], string][] = [
      [['launch', 'st'], 'status standup'],
      [['launch', 'check', 'skeleton-l'], 'skeleton-loading-setup'],
      [['launch', 'list', '--status', 'd'], 'done'],
      [['launch', 'kpi', 'record', 'bundle'], 'bundle-size'],
      [['launch', 'import', 'pla'], 'plan.md'],
    ];
    const body = cases
      .map(([words]) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _launch_complete; echo "\${COMPREPLY[*]}"`)
      .join('\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `launch() { "${process.execPath}" "${BIN}" "$@"; }\nsource "${script}"\n${body}`], {
      cwd,
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(cases.map(([, want]) => want));
  });

  it.skipIf(!has('zsh'))('the zsh script is valid zsh and offers ids with their titles', () => {
    const cwd = tempDir();
    const file = join(cwd, '_launch');
    writeFileSync(file, launch(['completion', 'zsh'], { cwd }).stdout);
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const stubs = 'compdef() {}; _describe() { print -l -- ${(P)${@[-1]}} }; _files() { print FILES }';
    const run = `launch() { "${process.execPath}" "${BIN}" "$@" }; ${stubs}; source "${file}"
words=(launch check skeleton-l); CURRENT=3; _launch; words=(launch import p); CURRENT=3; _launch`;
    const r = spawnSync('zsh', ['-f', '-c', run], { cwd, encoding: 'utf8', timeout: 50_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('skeleton-loading-setup:Skeleton Loading Setup\nFILES\n');
  });

  it.skipIf(!has('fish'))('the fish script is valid fish and offers ids with their titles', () => {
    const cwd = tempDir();
    const file = join(cwd, 'launch.fish');
    writeFileSync(file, launch(['completion', 'fish'], { cwd }).stdout);
    expect(spawnSync('fish', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const run = `function launch; "${process.execPath}" "${BIN}" $argv; end; source "${file}"; complete -C 'launch check skeleton-l'; complete -C 'launch list --status d'`;
    const r = spawnSync('fish', ['--no-config', '-c', run], { cwd, encoding: 'utf8', timeout: 50_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('skeleton-loading-setup\tSkeleton Loading Setup\ndone\n');
  });
});
