// The caches under .launch/ are launch's own, but they are files anyone can edit. An edited one,
// even to the same length, is never believed: the answer is the one the YAML and the log give.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcher, workspaceWith } from '../support/commands.js';

const launch = launcher('2026-12-01T09:00:00Z');
const done = async (dir: string) => JSON.parse((await launch(['list', '--json', '--status', 'done'], dir)).stdout).items.map((i: { id: string }) => i.id);

describe('an edited cache', () => {
  it('a fold snapshot edited to say 5 done instead of 2 is rebuilt from the log', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    for (const args of [['check', 'redis-setup'], ['check', 'session-security'], ['block', 'bundle-analysis', 'skeleton-loading-setup', 'initial-bundle', '--reason', 'later']]) {
      expect((await launch(args, dir)).code).toBe(0);
    }
    const file = join(dir, '.launch', '.events.fold.snapshot.json');
    rmSync(file); // so that the next read folds the whole log into a new one
    expect(await done(dir)).toEqual(['redis-setup', 'session-security']);
    const text = readFileSync(file, 'utf8');
    const status = /"status":"([tdb]+)"/.exec(text)!;
    expect(status[1]).toMatch(/b/);
    writeFileSync(file, text.replace(status[0], `"status":"${'d'.repeat(status[1]!.length)}"`));
    expect(await done(dir)).toEqual(['redis-setup', 'session-security']);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a plan snapshot edited to the same length is read from the YAML again', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    const before = await launch(['status'], dir);
    const file = join(dir, '.launch', '.plan.yaml.snapshot.json');
    const text = readFileSync(file, 'utf8');
    const title = /"title":"([^"]+)"/.exec(text)!;
    writeFileSync(file, text.replace(title[0], `"title":"${'X'.repeat(title[1]!.length)}"`));
    expect(await launch(['status'], dir)).toEqual(before);
  });
});
