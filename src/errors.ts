// Typed errors: commands throw these; only src/cli.ts turns them into messages and exit codes.

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/**
 * What kind of error, for a script reading `--json` errors (docs/json-errors.md): a short stable word.
 * Exit 2 is always "usage", 130 "cancelled"; exit 1 is one of the others.
 */
export type ErrorCode = 'usage' | 'not-found' | 'ambiguous' | 'conflict' | 'io' | 'failed' | 'cancelled' | 'internal';

export interface LaunchErrorOptions {
  exitCode?: number;
  /** Unless given: from the exit code, else "io" for an operating-system error (a cause with an E… code), else "failed". */
  code?: ErrorCode;
  /** One line telling the user what to do next ("run `launch init`"). */
  hint?: string;
  cause?: unknown;
}

/** A failure the user can act on: printed without a stack trace (unless LAUNCH_DEBUG=1). */
export class LaunchError extends Error {
  /** Lazily loaded chunks carry their own copy of this class, so `instanceof` is not enough. */
  readonly isLaunchError = true;
  readonly exitCode: number;
  readonly hint: string | undefined;
  readonly errorCode: ErrorCode;
  constructor(message: string, opts: LaunchErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LaunchError';
    this.exitCode = opts.exitCode ?? EXIT.failure;
    this.hint = opts.hint;
    this.errorCode = opts.code ?? defaultCode(this.exitCode, opts.cause);
  }
}

export class UsageError extends LaunchError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.usage, hint });
    this.name = 'UsageError';
  }
}

/** The user pressed Ctrl-C at a prompt: nothing was recorded. */
export class CancelledError extends LaunchError {
  constructor() {
    super('cancelled, nothing recorded', { exitCode: EXIT.cancelled });
    this.name = 'CancelledError';
  }
}

function defaultCode(exitCode: number, cause: unknown): ErrorCode {
  if (exitCode === EXIT.usage) return 'usage';
  if (exitCode === EXIT.cancelled) return 'cancelled';
  const os = (cause as { code?: unknown } | undefined)?.code;
  return typeof os === 'string' && /^E[A-Z]+$/.test(os) ? 'io' : 'failed';
}

export function isLaunchError(error: unknown): error is LaunchError {
  return typeof error === 'object' && error !== null && (error as { isLaunchError?: unknown }).isLaunchError === true;
}
