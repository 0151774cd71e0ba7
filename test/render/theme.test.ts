// Colour is decided once: --no-color and NO_COLOR always win, then FORCE_COLOR, then whether stdout is
// a terminal. These are the rules; test/commands/color.test.ts runs a command under them.
import { describe, expect, it } from 'vitest';
import { colorLevel, createTheme } from '../../src/render/theme.js';

const ANSI = /\u001b\[[0-9;]*m/;

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
