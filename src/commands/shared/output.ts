// Where `launch export … --out` writes: the rules of `launch import -o` (io/output-file.ts), and a file
// already there is replaced only when it is an earlier output of the same kind, or with --force.
import { relative, resolve } from 'node:path';
import { LaunchError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { checkOutputFile, type OutputRules } from '../../io/output-file.js';
import { safeText } from '../../render/sanitize.js';
import type { Ctx } from '../../runtime.js';

export interface OutFile {
  out: string;
  force: boolean | undefined;
  rules: OutputRules;
  /** Whether an existing file is an earlier output, which is replaced without --force. */
  isEarlierOutput: (existing: string) => boolean;
  /** What it is, for the refusal ("a calendar"). */
  kind: string;
}

/**
 * Refuses what `file` may not replace (exit 1, nothing written), before anything is built; the result
 * writes `content` whole or not at all and returns the path as shown.
 */
export function checkOutFile(ctx: Ctx, file: OutFile): (content: string) => string {
  const full = resolve(ctx.rt.cwd, file.out);
  const { target, existing } = checkOutputFile(full, file.out, file.rules);
  if (existing !== null && !file.force && !file.isEarlierOutput(existing)) {
    throw new LaunchError(`${safeText(file.out)}: exists and is not ${file.kind}; nothing was written`, {
      hint: 'add --force to replace it, or choose another output file',
    });
  }
  return (content) => {
    writeFileAtomic(target, content, { makeDir: true, display: file.out, bounds: 'anywhere' });
    return relative(ctx.rt.cwd, full) || full;
  };
}

/** Writes `content` whole or not at all; returns the path as shown. */
export const writeOutFile = (ctx: Ctx, file: OutFile, content: string): string => checkOutFile(ctx, file)(content);
