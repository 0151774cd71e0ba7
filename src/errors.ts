// Typed errors: commands throw these; only src/cli.ts turns them into messages and exit codes.

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

export interface LaunchErrorOptions {
  exitCode?: number;
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
  constructor(message: string, opts: LaunchErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LaunchError';
    this.exitCode = opts.exitCode ?? EXIT.failure;
    this.hint = opts.hint;
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

export function isLaunchError(error: unknown): error is LaunchError {
  return typeof error === 'object' && error !== null && (error as { isLaunchError?: unknown }).isLaunchError === true;
}
