// Colour is decided once: --no-color and NO_COLOR always win, then FORCE_COLOR, then whether stdout is
// a terminal. Colour only repeats what marks and words say, so output must read the same without it.
// Here stdout is a pipe; a real terminal is in test/e2e/interactive.test.ts, and the rules themselves
// in test/render/theme.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const ANSI = /\u001b\[[0-9;]*m/;

describe('launch today, piped, under each colour setting', () => {
  let dir: string;
  beforeAll(async () => {
    dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    expect((await launch(['check', 'skeleton-loading-setup', '--date', '2026-11-30'], dir)).code).toBe(0);
    expect((await launch(['block', 'database-index-creation', '--reason', 'waiting for DBA', '--date', '2026-11-30'], dir)).code).toBe(0);
  });
  const today = async (env: Record<string, string> = {}, extra: string[] = []) => {
    const r = await launch(['today', '--date', '2026-11-30', ...extra], dir, { ...ENV, ...env });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };

  it('piped output has no escape codes by default', async () => {
    const r = await today();
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('FORCE_COLOR=1 colours a pipe', async () => {
    expect((await today({ FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
  });

  it('NO_COLOR=1 wins over FORCE_COLOR=1', async () => {
    expect((await today({ FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b');
  });

  it('--no-color wins over FORCE_COLOR=1, before or after the command', async () => {
    expect((await today({ FORCE_COLOR: '1' }, ['--no-color'])).stdout).not.toContain('\u001b');
    const r = await launch(['--no-color', 'today', '--date', '2026-11-30'], dir, { ...ENV, FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('FORCE_COLOR=0 turns colour off', async () => {
    expect((await today({ FORCE_COLOR: '0' })).stdout).not.toContain('\u001b');
  });

  it('--json is never coloured', async () => {
    const r = await today({ FORCE_COLOR: '3' }, ['--json']);
    expect(r.stdout).not.toContain('\u001b');
    JSON.parse(r.stdout);
  });

  it('marks carry the status without colour: ✔ done, ○ open, ■ blocked', async () => {
    const out = (await today({ NO_COLOR: '1' })).stdout;
    expect(out).toMatch(/^ {2}✔ skeleton-loading-setup/m);
    expect(out).toMatch(/^ {2}○ \S+/m);
    expect(out).toMatch(/^ {2}■ database-index-creation .*waiting for DBA/m);
    // The same lines, with colour stripped, are exactly the uncoloured ones.
    const coloured = (await today({ FORCE_COLOR: '1' })).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(coloured).toBe(out);
  });
});

// The KPI table's library colours through @colors/colors, which decides by itself from the real stdout
// (seen: CI, with no terminal, printed the borders uncoloured under FORCE_COLOR). Our theme must decide.
describe('launch kpis tables follow our colour decision', () => {
  let dir: string;
  beforeAll(async () => {
    dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
  });
  const kpis = async (env: Record<string, string>) => {
    const r = await launch(['kpis', '--date', '2026-11-30'], dir, { ...ENV, ...env });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('FORCE_COLOR=1 makes the head bold and its rule dim', async () => {
    const out = await kpis({ FORCE_COLOR: '1' });
    expect(out).toMatch(/\u001b\[2m─+/);
    expect(out).toMatch(/\u001b\[1mMetric\u001b\[22m/);
  });

  it('NO_COLOR leaves the table plain', async () => {
    expect(await kpis({ NO_COLOR: '1' })).not.toContain('\u001b');
  });
});
