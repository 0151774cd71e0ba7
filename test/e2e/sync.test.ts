// launch sync with real git: a bare repository on disk is the remote, each teammate has a clone.
// launch itself runs in-process (see git-team.ts): what needs real processes here is git.
import { appendFileSync, chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneAs, git, run, statusIn, team } from './git-team.js';
import { tempDir } from './run.js';

async function sync(dir: string, json = false) {
  const r = await run(dir, 'sync', ...(json ? ['--json'] : []));
  expect(r.code, r.stderr).toBe(0);
  return { out: r.stdout, err: r.stderr, json: json ? JSON.parse(r.stdout) : undefined };
}

/**
 * A sync that fails as launch's own errors do: exit 1, then after any warnings "error: <message>" and
 * launch's hint last ("hint: <hint>"). The message may quote git, hint lines of git's own included.
 */
async function syncFails(dir: string): Promise<{ message: string; hint: string | undefined; out: string }> {
  const r = await run(dir, 'sync');
  expect(r.code, `sync should have failed\n${r.stdout}${r.stderr}`).toBe(1);
  expect(r.stderr).not.toMatch(/internal error/);
  const start = r.stderr.search(/^error: /m);
  expect(start, r.stderr).toBeGreaterThanOrEqual(0);
  const failure = r.stderr.slice(start + 'error: '.length).replace(/\n$/, '');
  const hintAt = failure.lastIndexOf('\nhint: ');
  if (hintAt < 0) return { message: failure, hint: undefined, out: r.stdout };
  return { message: failure.slice(0, hintAt), hint: failure.slice(hintAt + '\nhint: '.length), out: r.stdout };
}

const logText = (dir: string) => readFileSync(join(dir, '.launch', 'events.jsonl'), 'utf8');
const subjects = (dir: string) => git(dir, 'log', '--format=%s').split('\n').filter(Boolean);
const head = (dir: string) => git(dir, 'rev-parse', 'HEAD').trim();

describe('launch sync', () => {
  it('merges two teammates\' checks made without pulling first (the issue\'s must-hold case)', async () => {
    const { alice, bob } = await team();
    expect((await run(alice, 'check', 'Skeleton Loading Setup')).code).toBe(0);
    const a1 = await sync(alice, true);
    expect(a1.json).toMatchObject({ schema: 1, committed: true, commits: ['launch: alice checked 1'], pulled: [], pushed: true });

    expect((await run(bob, 'check', 'Database Index Creation')).code).toBe(0);
    const b1 = await sync(bob);
    expect(b1.out).toMatch(/committed "launch: bob checked 1"/);
    expect(b1.out).toMatch(/From origin\/main:\n {2}alice checked 1 item\n/);
    expect(b1.out).toMatch(/pushed to origin\/main/);

    const a2 = await sync(alice, true);
    expect(a2.json).toMatchObject({ committed: false, pulled: [{ actor: 'bob', counts: { check: 1 } }], pushed: false });

    for (const dir of [alice, bob]) {
      expect(await statusIn(dir, 'skeleton-loading-setup')).toBe('done');
      expect(await statusIn(dir, 'database-index-creation')).toBe('done');
      expect(logText(dir)).not.toMatch(/<<<<<<<|>>>>>>>|=======/);
      expect(logText(dir).split('\n').filter(Boolean)).toHaveLength(2);
      expect(subjects(dir)).toEqual(expect.arrayContaining(['launch: alice checked 1', 'launch: bob checked 1']));
      expect(git(dir, 'status', '--porcelain')).toBe('');
    }
    expect(head(alice)).toBe(head(bob));
  });

  it('keeps both events when two people change the same item before merging; the later one wins', async () => {
    const { alice, bob } = await team();
    expect((await run(bob, 'block', 'redis-setup', '--reason', 'waiting for DBA')).code).toBe(0);
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    await sync(alice);
    // Bob's block lands after Alice's check in the file, but Alice's check is later in time.
    const b = await sync(bob);
    expect(b.out).toMatch(/alice checked 1 item/);
    await sync(alice);
    for (const dir of [alice, bob]) {
      expect(await statusIn(dir, 'redis-setup')).toBe('done');
      const history = JSON.parse((await run(dir, 'log', '--item', 'redis-setup', '--json')).stdout).events;
      expect(history.map((e: { type: string; actor: string }) => `${e.actor} ${e.type}`)).toEqual(['alice check', 'bob block']);
    }
    const lines = logText(bob).split('\n').filter(Boolean).map((l) => JSON.parse(l).type);
    expect(lines).toEqual(['check', 'block']);
    // Bob's block was overridden by Alice's later check, and the sync said so; Alice's check stands.
    expect(b.out).toMatch(/Your changes overridden by later ones:\n {2}alice checked redis-setup, which you blocked\n/);
  });

  it('says when a teammate\'s later change overrode yours, in text and --json', async () => {
    const { alice, bob } = await team();
    expect((await run(alice, 'check', 'page-transition-animations')).code).toBe(0);
    expect((await run(alice, 'check', 'redis-setup')).code).toBe(0);
    expect((await run(alice, 'check', 'database-index-creation')).code).toBe(0);
    await sync(alice);
    await sync(bob);
    // Typed after Alice's checks; the uncheck counts for Monday but was typed last, so it stands.
    expect((await run(bob, 'uncheck', 'page-transition-animations', '--date', '2026-11-30')).code).toBe(0);
    expect((await run(bob, 'block', 'redis-setup', '--reason', 'waiting for DBA')).code).toBe(0);
    // Changes to items Alice never changed, and a note on hers, are no override.
    expect((await run(bob, 'check', 'skeleton-loading-setup')).code).toBe(0);
    expect((await run(bob, 'note', 'database-index-creation', 'indexes look good')).code).toBe(0);
    await sync(bob);
    const a = await sync(alice);
    expect(a.out).toMatch(
      /Your changes overridden by later ones:\n {2}bob unchecked page-transition-animations, which you checked\n {2}bob blocked redis-setup \(waiting for DBA\), which you checked\n/,
    );
    expect(a.out).not.toMatch(/skeleton-loading-setup|database-index-creation/);
    expect(await statusIn(alice, 'page-transition-animations')).toBe('todo');
    // Nothing new arrived: nothing new to say.
    expect((await sync(alice, true)).json.overridden).toEqual([]);

    // The JSON carries both changes, with when each was typed where that differs from when it counts.
    const { alice: a2, bob: b2 } = await team();
    await run(a2, 'check', 'page-transition-animations');
    await sync(a2);
    await sync(b2);
    await run(b2, 'uncheck', 'page-transition-animations', '--date', '2026-11-30');
    await sync(b2);
    const j = (await sync(a2, true)).json;
    const uncheck = JSON.parse(logText(b2).split('\n').filter(Boolean).at(-1)!);
    const check = JSON.parse(logText(b2).split('\n').filter(Boolean).at(-2)!);
    expect(j.overridden).toEqual([
      {
        item: 'page-transition-animations',
        was: 'done',
        status: 'todo',
        theirs: { actor: 'bob', type: 'uncheck', ts: uncheck.ts, recorded: uncheck.recorded },
        yours: { actor: 'alice', type: 'check', ts: check.ts },
        text: 'bob unchecked page-transition-animations, which you checked',
      },
    ]);
    // Alice checks it again: now Bob is the one told.
    await run(a2, 'check', 'page-transition-animations');
    await sync(a2);
    expect((await sync(b2, true)).json.overridden.map((o: { text: string }) => o.text)).toEqual(['alice checked page-transition-animations, which you unchecked']);
  });

  it('does not report a teammate\'s change typed before yours, even when it arrives after', async () => {
    const { alice, bob } = await team();
    // Bob blocks first but syncs last; Alice's check, typed after, still decides.
    await run(bob, 'block', 'page-transition-animations', '--reason', 'design pending');
    await run(alice, 'check', 'page-transition-animations');
    const a = await sync(alice, true);
    expect(a.json.overridden).toEqual([]);
    await sync(bob);
    const again = await sync(alice, true);
    expect(again.json.pulled).toEqual([{ actor: 'bob', counts: { block: 1 } }]);
    expect(again.json.overridden).toEqual([]);
    expect(await statusIn(alice, 'page-transition-animations')).toBe('done');
  });

  it('says so and changes nothing when there is nothing to do', async () => {
    const { alice } = await team();
    const before = head(alice);
    const r = await sync(alice, true);
    expect(r.json).toMatchObject({ committed: false, commits: [], pulled: [], pushed: false, upstream: 'origin/main' });
    expect(head(alice)).toBe(before);
  });

  it('retries when someone pushes between its pull and its push', async () => {
    const { alice, bob } = await team();
    installPrePushHook(alice, bob, { once: true });
    await run(alice, 'check', 'redis-setup');
    const r = await sync(alice, true);
    expect(r.json).toMatchObject({ pushed: true, attempts: 2 });
    git(bob, 'pull', '-q', '--rebase');
    expect(subjects(bob)).toEqual(expect.arrayContaining(['launch: alice checked 1', 'bob meanwhile']));
  });

  it('keeps the commit locally and says so when every push is rejected', async () => {
    const { alice, bob } = await team();
    installPrePushHook(alice, bob, { once: false });
    await run(alice, 'check', 'redis-setup');
    const failed = await syncFails(alice);
    expect(failed.message).toMatch(/changed during each of 3 attempts, so nothing was pushed/);
    expect(failed.hint).toMatch(/your events are safe in 1 local commit;/);
    expect(failed.out).toMatch(/not pushed: 1 commit kept locally/);
    expect(subjects(alice)[0]).toBe('launch: alice checked 1');
    expect(git(alice, 'rev-list', '--count', 'origin/main..HEAD').trim()).toBe('1');
    expect(await statusIn(alice, 'redis-setup')).toBe('done');
    // Once the remote is quiet, the next sync pushes it.
    installPrePushHook(alice, bob, { once: true, disabled: true });
    expect((await sync(alice, true)).json).toMatchObject({ pushed: true });
  });

  it('without the union rule, stops on the conflict, undoes the rebase and keeps the local commit', async () => {
    const { alice, bob } = await team();
    rmSync(join(alice, '.gitattributes'));
    git(alice, 'commit', '-q', '-am', 'No merge rule');
    git(alice, 'push', '-q');
    git(bob, 'pull', '-q', '--rebase');
    await run(alice, 'check', 'redis-setup');
    await run(bob, 'check', 'skeleton-loading-setup');
    const a = await sync(alice);
    expect(a.err).toMatch(/no committed merge=union rule/);
    const failed = await syncFails(bob);
    expect(failed.message).toMatch(/could not rebase onto origin\/main \(conflicts in \.launch\/events\.jsonl\); the rebase was undone/);
    expect(failed.hint).toMatch(/\.launch\/events\.jsonl merge=union/);
    expect(git(bob, 'status', '--porcelain')).toBe('');
    expect(subjects(bob)[0]).toBe('launch: bob checked 1');
    expect(await statusIn(bob, 'skeleton-loading-setup')).toBe('done');
  });

  it('commits the workspace and the merge rule on the first sync after init', async () => {
    const root = tempDir('launch-sync-');
    const remote = join(root, 'remote.git');
    git(root, 'init', '-q', '--bare', remote);
    const dir = cloneAs(remote, join(root, 'carol'), 'carol');
    writeFileSync(join(dir, 'README.md'), 'team repo\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Start');
    git(dir, 'push', '-q', '-u', 'origin', 'HEAD');
    expect((await run(dir, 'init', '--start', '2026-11-30')).code).toBe(0);
    await run(dir, 'check', 'redis-setup');
    const r = await sync(dir, true);
    expect(r.json.commits).toEqual(['launch: carol start tracking securenet-launch, checked 1']);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort()).toEqual([
      '.gitattributes',
      '.launch/.gitignore',
      '.launch/config.yaml',
      '.launch/events.jsonl',
      '.launch/plan.yaml',
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('joining a workspace', () => {
  it('a teammate who clones runs launch init --as: only her name changes, and sync commits only the log', async () => {
    const { bob } = await team();
    for (const args of [['init', '--as', 'carol'], ['init', '--force', '--as', 'carol']]) {
      const r = await run(bob, ...args);
      expect(r.code, r.stderr).toBe(0);
      expect(git(bob, 'status', '--porcelain')).toBe('');
    }
    expect((await run(bob, 'check', 'redis-setup')).code).toBe(0);
    await sync(bob);
    expect(git(bob, 'show', '--name-only', '--format=%s', 'HEAD')).toBe('launch: carol checked 1\n\n.launch/events.jsonl\n');
    expect(git(bob, 'status', '--porcelain')).toBe('');
  });
});

describe('launch sync after doctor --repair', () => {
  /** A check, then a malformed line (a bad hand edit), moved out by doctor --repair into two backups. */
  async function repaired(dir: string): Promise<string[]> {
    expect((await run(dir, 'check', 'redis-setup')).code).toBe(0);
    appendFileSync(join(dir, '.launch', 'events.jsonl'), 'not an event\n');
    const r = await run(dir, 'doctor', '--repair');
    expect(r.code, r.stderr).toBe(0);
    const backups = readdirSync(join(dir, '.launch')).filter((f) => /^events\.jsonl\.ba[dk]-/.test(f));
    expect(backups).toHaveLength(2);
    return backups;
  }

  it('a new workspace git-ignores the backups: sync commits only the log', async () => {
    const { alice } = await team();
    await repaired(alice);
    expect(git(alice, 'status', '--porcelain')).toBe(' M .launch/events.jsonl\n');
    await sync(alice);
    expect(git(alice, 'show', '--name-only', '--format=', 'HEAD')).toBe('.launch/events.jsonl\n');
    expect(git(alice, 'status', '--porcelain')).toBe('');
  });

  it('a workspace whose .gitignore predates them: sync neither refuses nor commits them', async () => {
    const { alice } = await team();
    writeFileSync(join(alice, '.launch', '.gitignore'), 'actor\n.*.snapshot.json\n*.lock\n*.tmp\n.*.tmp-*\n');
    git(alice, 'commit', '-q', '-am', 'An older .gitignore');
    git(alice, 'push', '-q'); // sync pushes only its own commits
    const backups = await repaired(alice);
    await sync(alice);
    expect(git(alice, 'show', '--name-only', '--format=', 'HEAD')).toBe('.launch/events.jsonl\n');
    expect(git(alice, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual(backups.map((f) => `?? .launch/${f}`).sort());
  });
});

describe('launch sync refuses', () => {
  it('outside a git repository', async () => {
    const dir = tempDir();
    expect((await run(dir, 'init', '--start', '2026-11-30')).code).toBe(0);
    const r = await syncFails(dir);
    expect(r.message).toMatch(/is not inside a git repository/);
  });

  it('without a remote, and without an upstream', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.name', 'dan');
    git(dir, 'config', 'user.email', 'dan@example.com');
    expect((await run(dir, 'init', '--start', '2026-11-30')).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    const none = await syncFails(dir);
    expect(none.message).toMatch(/no remote to sync with/);
    expect(none.hint).toMatch(/git remote add origin/);
    git(dir, 'remote', 'add', 'origin', join(dir, 'nowhere.git'));
    const noUpstream = await syncFails(dir);
    expect(noUpstream.message).toMatch(/has no upstream/);
    expect(noUpstream.hint).toMatch(/git push -u origin/);
  });

  it('when git ignores the log, or a merge is half done', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    writeFileSync(join(dir, '.gitignore'), '.launch/\n');
    expect((await run(dir, 'init', '--start', '2026-11-30')).code).toBe(0);
    expect((await syncFails(dir)).message).toMatch(/\.launch\/events\.jsonl is ignored by git/);
    const { alice } = await team();
    writeFileSync(join(alice, '.git', 'MERGE_HEAD'), `${head(alice)}\n`);
    expect((await syncFails(alice)).message).toMatch(/a merge is in progress/);
  });

  it('when plan.yaml was edited by hand, committing nothing', async () => {
    const { alice } = await team();
    await run(alice, 'check', 'redis-setup');
    appendFileSync(join(alice, '.launch', 'plan.yaml'), '# a local note\n');
    const before = head(alice);
    const r = await syncFails(alice);
    expect(r.message).toMatch(/\.launch\/ has changes launch did not make[\s\S]*modified: \.launch\/plan\.yaml/);
    expect(r.hint).toMatch(/git commit/);
    expect(head(alice)).toBe(before);
    expect(git(alice, 'status', '--porcelain')).toMatch(/events\.jsonl/);
  });

  it('when the log was rewritten rather than appended to, or a stray file sits in .launch/', async () => {
    const { alice } = await team();
    await run(alice, 'check', 'redis-setup');
    await sync(alice);
    writeFileSync(join(alice, '.launch', 'events.jsonl'), '');
    expect((await syncFails(alice)).message).toMatch(/events\.jsonl \(lines changed or removed, not only appended\)/);
    git(alice, 'checkout', '--', '.launch/events.jsonl');
    writeFileSync(join(alice, '.launch', 'notes.txt'), 'mine\n');
    expect((await syncFails(alice)).message).toMatch(/new file: \.launch\/notes\.txt/);
  });

  it('when other tracked files are modified, or unpushed commits would be published', async () => {
    const { alice } = await team();
    writeFileSync(join(alice, '.gitattributes'), 'something else\n');
    expect((await syncFails(alice)).message).toMatch(/uncommitted changes outside \.launch\/ \(\.gitattributes\)/);
    git(alice, 'checkout', '--', '.gitattributes');
    writeFileSync(join(alice, 'app.js'), 'code\n');
    git(alice, 'add', 'app.js');
    git(alice, 'commit', '-q', '-m', 'WIP code');
    const r = await syncFails(alice);
    expect(r.message).toMatch(/1 unpushed commit on this branch changes files outside \.launch\/[\s\S]*WIP code/);
    expect(r.hint).toMatch(/git push/);
  });
});

/** A pre-push hook in Alice's clone that makes Bob push first, so Alice's push is rejected. */
function installPrePushHook(alice: string, bob: string, opts: { once: boolean; disabled?: boolean }): void {
  const hook = join(alice, '.git', 'hooks', 'pre-push');
  const marker = join(alice, '.git', 'bob-pushed');
  const script = opts.disabled
    ? ['#!/bin/sh', 'exit 0']
    : [
        '#!/bin/sh',
        // git exports these to hooks; Bob's clone must not inherit Alice's repository.
        'unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE',
        opts.once ? `[ -e '${marker}' ] && exit 0` : '',
        `touch '${marker}'`,
        `cd '${bob}' && git pull -q --rebase && git commit -q --allow-empty -m 'bob meanwhile' && git push -q origin HEAD:main`,
        'exit 0',
      ];
  writeFileSync(hook, `${script.join('\n')}\n`);
  chmodSync(hook, 0o755);
}
