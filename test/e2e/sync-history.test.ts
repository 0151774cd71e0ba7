// launch sync pushes only the log commits it made itself since the last sync. A teammate's force-push
// that removed a commit (a leaked secret.txt) must not be undone by the next sync, and the user's own
// unpushed commits must not ride along with the log. Real git; launch in-process (see git-team.ts).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, run, statusIn, team } from './git-team.js';

async function sync(dir: string) {
  const r = await run(dir, 'sync');
  expect(r.code, r.stderr).toBe(0);
  return r;
}

async function refused(dir: string) {
  const r = await run(dir, 'sync');
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(1);
  expect(r.stderr).not.toMatch(/internal error/);
  return r.stderr;
}

const remoteHead = (remote: string) => git(remote, 'rev-parse', 'main').trim();
const remoteFiles = (remote: string) => git(remote, 'ls-tree', '-r', '--name-only', 'main');

/** Bob publishes secret.txt; Alice's sync brings it to her; Bob force-pushes it away again. */
async function leakedAndRemoved() {
  const t = await team();
  writeFileSync(join(t.bob, 'secret.txt'), 'password\n');
  git(t.bob, 'add', 'secret.txt');
  git(t.bob, 'commit', '-q', '-m', 'Add secret.txt');
  git(t.bob, 'push', '-q');
  await sync(t.alice);
  expect(existsSync(join(t.alice, 'secret.txt'))).toBe(true);
  git(t.bob, 'reset', '-q', '--hard', 'HEAD~1');
  git(t.bob, 'push', '-q', '--force');
  return t;
}

describe('launch sync after a force-push', () => {
  it('refuses to publish again a commit the remote removed, says what to do, and pushes after', async () => {
    const { alice, remote } = await leakedAndRemoved();
    const before = remoteHead(remote);
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    const err = await refused(alice);
    expect(err).toMatch(/error: origin\/main no longer has 1 commit that it had and this branch still has: its history was rewritten \(a force-push\)/);
    expect(err).toMatch(/nothing was pushed:\n {2}[0-9a-f]{7,} Add secret\.txt\n/);
    const hint = /hint: if they were removed on purpose, drop them here too: (git rebase --onto origin\/main [0-9a-f]+) /.exec(err);
    expect(hint, err).not.toBeNull();
    expect(remoteHead(remote)).toBe(before);
    expect(remoteFiles(remote)).not.toMatch(/secret\.txt/);
    // The check is kept in a local commit; following the hint drops the secret and keeps it.
    expect(await statusIn(alice, 'redis-setup')).toBe('done');
    git(alice, ...hint![1]!.split(' ').slice(1));
    const r = await sync(alice);
    expect(r.stdout).toMatch(/pushed to origin\/main/);
    expect(remoteFiles(remote)).not.toMatch(/secret\.txt/);
    expect(git(remote, 'log', '--format=%s', 'main')).toMatch(/^launch: alice checked 1\n/);
  });

  it('refuses as well when git fetched the rewritten remote before sync ran (an editor that fetches)', async () => {
    const { alice, remote } = await leakedAndRemoved();
    git(alice, 'fetch', '-q');
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    expect(await refused(alice)).toMatch(/origin\/main no longer has 1 commit[\s\S]*Add secret\.txt/);
    expect(remoteFiles(remote)).not.toMatch(/secret\.txt/);
  });

  it("refuses to bring back a teammate's removed log commit, even when git's reflog has forgotten it", async () => {
    const { alice, bob, remote } = await team();
    expect((await run(bob, 'check', 'database-index-creation')).code).toBe(0);
    await sync(bob);
    await sync(alice);
    git(bob, 'reset', '-q', '--hard', 'HEAD~1');
    git(bob, 'push', '-q', '--force');
    git(alice, 'fetch', '-q');
    git(alice, 'reflog', 'expire', '--expire=now', '--all');
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    const before = remoteHead(remote);
    expect(await refused(alice)).toMatch(/origin\/main no longer has 1 commit[\s\S]*launch: bob checked 1/);
    expect(remoteHead(remote)).toBe(before);
  });
});

describe('launch sync pushes only its own commits', () => {
  it('refuses an unpushed commit of the plan, or one named like launch\'s that changes other files', async () => {
    const { alice, remote } = await team();
    const before = remoteHead(remote);
    writeFileSync(join(alice, '.launch', 'plan.yaml'), `${git(alice, 'show', 'HEAD:.launch/plan.yaml')}# reviewed\n`);
    git(alice, 'commit', '-q', '-am', 'Update the plan');
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    const err = await refused(alice);
    expect(err).toMatch(/1 unpushed commit on this branch was not made by launch sync, and sync would push it too \(it pushes only its own log commits\), so nothing was pushed:\n {2}[0-9a-f]+ Update the plan \(not made by launch sync\)/);
    expect(err).toMatch(/hint: push them yourself first \(git push\)/);
    expect(remoteHead(remote)).toBe(before);

    git(alice, 'push', '-q');
    writeFileSync(join(alice, 'app.js'), 'code\n');
    git(alice, 'add', 'app.js');
    git(alice, 'commit', '-q', '-m', 'launch: alice checked 1');
    expect(await refused(alice)).toMatch(/1 unpushed commit on this branch changes files outside \.launch\/[\s\S]*launch: alice checked 1 \(changes app\.js\)/);
    git(alice, 'reset', '-q', '--keep', 'HEAD~1'); // the uncommitted check stays
    await sync(alice);
    expect(await statusIn(alice, 'redis-setup')).toBe('done');
  });

  it('a damaged or missing record of the last sync is no failure', async () => {
    const { alice } = await team();
    writeFileSync(join(alice, '.git', 'launch-sync-seen.json'), '{not json');
    await run(alice, 'check', 'redis-setup');
    await sync(alice);
    rmSync(join(alice, '.git', 'launch-sync-seen.json'));
    await run(alice, 'check', 'skeleton-loading-setup');
    await sync(alice);
  });
});
