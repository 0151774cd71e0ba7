// The bundle's entry: wires the real process into the runtime and sets the exit code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { run } from './cli.js';
import { fdWriter, isTerminal } from './io/stdio.js';

// `launch list | head` closes the pipe early: that is the reader's choice, not an error.
const closed = () => process.exit(process.exitCode ?? 0);
/** Said on stderr if it can be; when stderr is what failed, the exit code is all that is left to say it. */
const failed = (message: string) => {
  try {
    stderr.write(`${message}\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(1);
};
/**
 * No on-stack replacement for the rest of the run (see commands/shared/view.ts for why and what it
 * saves). V8 stamps its flags into the compiled code bin/launch.js caches at exit, and rejects a cache
 * stamped with other flags than a run starts with: the flag is back before that handler runs.
 */
let oneShot = false;
function oneShotLoops(): void {
  // Started with either flag: the user's choice, and restoring it would stamp the cache with another.
  if (oneShot || /use-osr/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return;
  oneShot = true;
  // Loaded here, not at the top: node:v8 brings Node's heap and stream modules, ~5 M instructions that
  // every run paid (standup on the bundled plan, three callgrind counts each: 634–644 → 629–636 M).
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  setFlagsFromString('--no-use-osr');
  process.prependOnceListener('exit', () => setFlagsFromString('--use-osr'));
}

const stdout = fdWriter(1, () => process.stdout, closed, (error) => failed(`error: ${error.message}`));
const stderr = fdWriter(2, () => process.stderr, closed, () => process.exit(1));

run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
  stdout,
  stderr,
  // Asked only when stdout is a terminal; process.stdin.isTTY would build a stream to answer.
  get stdinIsTTY() {
    return isTerminal(0);
  },
  // Only on a terminal: process.stdout builds a stream to answer, and a pipe has no width to fit.
  get columns() {
    return isTerminal(1) ? process.stdout.columns : undefined;
  },
  oneShotLoops,
  // Next to the bundle, written by scripts/build.mjs; absent while the build itself renders it.
  rootHelp: () => {
    try {
      return readFileSync(fileURLToPath(new URL('./help.txt', import.meta.url)), 'utf8');
    } catch {
      return undefined;
    }
  },
}).then(
  (code) => {
    process.exitCode = code;
    // The command is done and its output written: ending here spares Node freeing the heap page by
    // page on its way out (~150 M instructions, a seventh of `today` on a 10,000-item plan). Output
    // still queued in a stream (a pipe that was full) is left to the natural exit, which drains it.
    if (stdout.drained && stderr.drained) process.exit(code);
  },
  (error: unknown) => {
    // Output that failed outside a command (`launch --version > /dev/full`), the error message itself
    // failing (stderr on a full disk), or a bug.
    const plain = (error as { isLaunchError?: boolean })?.isLaunchError === true;
    failed(`${plain ? 'error' : 'internal error'}: ${(error as Error).message}`);
  },
);
