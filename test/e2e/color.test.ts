// Colour is decided once: --no-color and NO_COLOR always win, then FORCE_COLOR, then whether stdout is
// a terminal. Colour only repeats what marks and words say, so output must read the same without it.
import { beforeAll, describe, expect, it } from 'vitest';
import { colorLevel, createTheme } from '../../src/render/theme.js';
import { launch, tempDir } from './run.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('launch today, piped, under each colour setting', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    expect(launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], { cwd: dir }).code).toBe(0);
    expect(launch(['check', 'skeleton-loading-setup'], { cwd: dir }).code).toBe(0);
    expect(launch(['block', 'database-index-creation', '--reason', 'waiting for DBA'], { cwd: dir }).code).toBe(0);
  });
  const today = (env: Record<string, string> = {}, extra: string[] = []) => {
    const r = launch(['today', '--date', '2026-11-30', ...extra], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };

  it('piped output has no escape codes by default', () => {
    const r = today();
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('FORCE_COLOR=1 colours a pipe', () => {
    expect(today({ FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
  });

  it('NO_COLOR=1 wins over FORCE_COLOR=1', () => {
    expect(today({ FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b');
  });

  it('--no-color wins over FORCE_COLOR=1, before or after the command', () => {
    expect(today({ FORCE_COLOR: '1' }, ['--no-color']).stdout).not.toContain('\u001b');
    const r = launch(['--no-color', 'today', '--date', '2026-11-30'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('FORCE_COLOR=0 turns colour off', () => {
    expect(today({ FORCE_COLOR: '0' }).stdout).not.toContain('\u001b');
  });

  it('--json is never coloured', () => {
    const r = today({ FORCE_COLOR: '3' }, ['--json']);
    expect(r.stdout).not.toContain('\u001b');
    JSON.parse(r.stdout);
  });

  it('marks carry the status without colour: ✔ done, ○ open, ■ blocked', () => {
    const out = today({ NO_COLOR: '1' }).stdout;
    expect(out).toMatch(/^ {2}✔ skeleton-loading-setup/m);
    expect(out).toMatch(/^ {2}○ \S+/m);
    expect(out).toMatch(/^ {2}■ database-index-creation .*waiting for DBA/m);
    // The same lines, with colour stripped, are exactly the uncoloured ones.
    const coloured = today({ FORCE_COLOR: '1' }).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(coloured).toBe(out);
  });
});

describe('colorLevel', () => {
  const level = (env: Record<string, string | undefined>, isTTY: boolean, flag?: boolean) => colorLevel({ flag, env, isTTY });

  it.each([
    // [description, env, isTTY, flag, expected]
    ['pipe, nothing set', {}, false, undefined, 0],
    ['pipe, commander default flag', {}, false, true, 0],
    ['TTY, plain TERM', { TERM: 'xterm' }, true, undefined, 1],
    ['TTY, 256-colour TERM', { TERM: 'xterm-256color' }, true, true, 2],
    ['TTY, truecolor', { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, true, undefined, 3],
    ['TTY, 24bit', { COLORTERM: '24bit' }, true, undefined, 3],
    ['TTY, dumb terminal', { TERM: 'dumb' }, true, undefined, 0],
    ['TTY, --no-color', { TERM: 'xterm-256color' }, true, false, 0],
    ['TTY, NO_COLOR=1', { TERM: 'xterm-256color', NO_COLOR: '1' }, true, undefined, 0],
    ['TTY, NO_COLOR empty is not set', { TERM: 'xterm', NO_COLOR: '' }, true, undefined, 1],
    ['TTY, FORCE_COLOR=0', { TERM: 'xterm', FORCE_COLOR: '0' }, true, undefined, 0],
    ['TTY, FORCE_COLOR=false', { TERM: 'xterm', FORCE_COLOR: 'false' }, true, undefined, 0],
    ['pipe, FORCE_COLOR=1', { FORCE_COLOR: '1' }, false, undefined, 1],
    ['pipe, FORCE_COLOR empty', { FORCE_COLOR: '' }, false, undefined, 1],
    ['pipe, FORCE_COLOR=true', { FORCE_COLOR: 'true' }, false, undefined, 1],
    ['pipe, FORCE_COLOR=2', { FORCE_COLOR: '2' }, false, undefined, 2],
    ['pipe, FORCE_COLOR=3', { FORCE_COLOR: '3' }, false, undefined, 3],
    ['dumb TERM, FORCE_COLOR=1', { TERM: 'dumb', FORCE_COLOR: '1' }, true, undefined, 1],
    ['pipe, FORCE_COLOR=1 and NO_COLOR=1', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, undefined, 0],
    ['TTY, FORCE_COLOR=3 and NO_COLOR=1', { FORCE_COLOR: '3', NO_COLOR: '1' }, true, undefined, 0],
    ['pipe, FORCE_COLOR=1 and --no-color', { FORCE_COLOR: '1' }, false, false, 0],
    ['TTY, FORCE_COLOR=3 and --no-color', { FORCE_COLOR: '3', TERM: 'xterm-256color' }, true, false, 0],
    ['TTY, FORCE_COLOR=2 overrides truecolor detection', { FORCE_COLOR: '2', COLORTERM: 'truecolor' }, true, undefined, 2],
  ] as const)('%s', (_name, env, isTTY, flag, expected) => {
    expect(level(env, isTTY, flag)).toBe(expected);
  });

  it('the theme with colour off still has a distinct mark for every status', () => {
    const { mark, enabled } = createTheme(0);
    expect(enabled).toBe(false);
    expect([mark.done, mark.todo, mark.blocked, mark.missed, mark.pending, mark.noData]).toEqual(['✔', '○', '■', '✖', '·', '–']);
    const coloured = createTheme(1).mark;
    expect(coloured.done).toMatch(ANSI);
    expect(coloured.done.replace(/\u001b\[[0-9;]*m/g, '')).toBe('✔');
    expect(coloured.blocked.replace(/\u001b\[[0-9;]*m/g, '')).toBe('■');
  });
});
