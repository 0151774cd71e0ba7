// What the machine says when the user did not: its time zone.
import { readlinkSync } from 'node:fs';

/**
 * The machine's zone. Asking Intl costs as much as the rest of a run, so TZ and the /etc/localtime link
 * are tried first; Intl decides only when neither names a zone.
 */
export function systemTimeZone(env: Record<string, string | undefined>): string {
  const fromEnv = env.TZ?.replace(/^:/, '');
  if (fromEnv && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(fromEnv)) return fromEnv;
  try {
    const link = readlinkSync('/etc/localtime');
    const m = /zoneinfo\/(.+)$/.exec(link);
    if (m) return m[1]!;
  } catch {
    // not a link (or no such file): ask Intl
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
