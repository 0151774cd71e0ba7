// Colour is decided once per run: --no-color and NO_COLOR always win, then FORCE_COLOR, then whether
// stdout is a terminal. Colour only ever repeats what marks and words already say.
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorInputs {
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export function colorLevel({ flag, env, isTTY }: ColorInputs): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

export interface Theme {
  c: ChalkInstance;
  enabled: boolean;
  /** Status marks: the shape alone tells the status, colour only repeats it. */
  mark: {
    done: string;
    todo: string;
    blocked: string;
    missed: string;
    met: string;
    onTrack: string;
    atRisk: string;
    pending: string;
    noData: string;
  };
}

export function createTheme(level: 0 | 1 | 2 | 3): Theme {
  const c = new Chalk({ level });
  return {
    c,
    enabled: level > 0,
    mark: {
      done: c.green('✔'),
      todo: '○',
      blocked: c.red('■'),
      missed: c.red('✖'),
      met: c.green('✔'),
      onTrack: c.green('✓'),
      atRisk: c.yellow('◔'),
      pending: c.dim('·'),
      noData: c.yellow('–'),
    },
  };
}
