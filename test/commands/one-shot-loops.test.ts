// A command about to walk every item of a large plan tells the runtime so (the real one then stops V8
// compiling those loops while they run: src/main.ts, src/commands/shared/view.ts); a small plan, or a
// command that finds one item, does not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_SHOT_ITEMS } from '../../src/commands/shared/view.js';
import { manyItemsPlanYaml } from '../helpers.js';
import { launchIn, scratchDir } from '../support/in-process.js';

async function workspace(count: number): Promise<string> {
  const dir = scratchDir();
  writeFileSync(join(dir, 'plan.yaml'), manyItemsPlanYaml(count));
  const init = await launchIn(['init', '--plan', 'plan.yaml', '--start', '2026-11-30', '--tz', 'UTC'], { cwd: dir, now: '2026-12-01T09:00:00Z' });
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

async function told(dir: string, args: string[]): Promise<number> {
  let calls = 0;
  const r = await launchIn(args, { cwd: dir, now: '2026-12-01T09:00:00Z', oneShotLoops: () => calls++ });
  expect(r.code, r.stderr).toBe(0);
  return calls;
}

describe('one-shot loops', () => {
  it('are announced by each command that walks a large plan, once', { timeout: 60_000 }, async () => {
    const dir = await workspace(ONE_SHOT_ITEMS);
    for (const args of [['today'], ['standup'], ['status']]) expect(await told(dir, args), args.join(' ')).toBe(1);
    expect(await told(dir, ['check', 'item-7'])).toBe(0);
  });

  it('are not announced on a smaller plan', { timeout: 60_000 }, async () => {
    const dir = await workspace(ONE_SHOT_ITEMS - 1);
    expect(await told(dir, ['today'])).toBe(0);
  });
});
