// Symbolic links in a workspace. A dangling `.launch/events.jsonl` or `.gitattributes` link once made
// check and init create a file outside the workspace, and a link to /etc/passwd had its lines echoed
// as malformed events and copied into doctor --repair's backups. A link that leads out of the
// workspace or to nothing is refused, naming the link and where it points; one that stays inside it
// is followed and stays a link.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, launcher, logOf, logPath, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

/** A file outside every workspace, shaped like /etc/passwd. */
function secret(): string {
  const file = join(scratchDir('launch-outside-'), 'passwd');
  writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
  return file;
}
const nowhere = () => join(scratchDir('launch-outside-'), 'missing', 'events.jsonl');
const backups = (dir: string) => readdirSync(join(dir, '.launch')).filter((n) => /\.ba[dk]-/.test(n));

describe('the event log as a link', () => {
  it('to nothing: check refuses naming the link and its target, and creates nothing', async () => {
    const dir = await workspaceWith(launch);
    const target = nowhere();
    renameSync(logPath(dir), join(dir, 'kept.jsonl'));
    symlinkSync(target, logPath(dir));
    for (const args of [['check', 'redis-setup'], ['today']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`${logPath(dir)}: is a symbolic link to ${target}, which does not exist; launch does not create files through a link`);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('out of the workspace (/etc/passwd): no line of it is echoed, copied or written to', async () => {
    const dir = await workspaceWith(launch);
    const passwd = secret();
    const before = readFileSync(passwd, 'utf8');
    renameSync(logPath(dir), join(dir, 'kept.jsonl'));
    symlinkSync(passwd, logPath(dir));
    for (const args of [['today'], ['log'], ['doctor'], ['doctor', '--repair'], ['check', 'redis-setup'], ['sync']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`${logPath(dir)}: is a symbolic link to ${passwd}, outside the workspace; launch does not read or write through it`);
      expect(r.stdout + r.stderr).not.toMatch(/root:x:0|daemon/);
    }
    expect(readFileSync(passwd, 'utf8')).toBe(before);
    expect(backups(dir)).toEqual([]);
  });

  it('within the workspace: followed for reading, appending and repairing, and still a link', async () => {
    const dir = await workspaceWith(launch);
    mkdirSync(join(dir, 'state'));
    renameSync(logPath(dir), join(dir, 'state', 'events.jsonl'));
    symlinkSync('../state/events.jsonl', logPath(dir));
    expect((await launch(['check', 'redis-setup'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'state', 'events.jsonl'), 'utf8')).toMatch(/"item":"redis-setup"/);
    writeFileSync(join(dir, 'state', 'events.jsonl'), 'not json\n', { flag: 'a' });
    expect((await launch(['doctor', '--repair'], dir)).code).toBe(0);
    expect(lstatSync(logPath(dir)).isSymbolicLink()).toBe(true);
    expect(logOf(dir)).not.toMatch(/not json/);
    expect((await launch(['show', 'redis-setup', '--json'], dir)).stdout).toMatch(/"status": "done"/);
  });
});

describe('the files init writes', () => {
  it.each(['events.jsonl', 'config.yaml', 'plan.yaml', 'actor', '.gitignore'])('a dangling .launch/%s link: init refuses before writing anything', async (name) => {
    const dir = scratchDir();
    mkdirSync(join(dir, '.launch'));
    const target = nowhere();
    symlinkSync(target, join(dir, '.launch', name));
    const r = await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`.launch/${name}: is a symbolic link to ${target}, which does not exist`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(dir, '.launch'))).toEqual([name]);
  });

  it('a dangling .gitattributes link in the repository: init refuses, nothing created there or here', async () => {
    const dir = scratchDir();
    execFileSync('git', ['init', '-q', dir]);
    const target = join(scratchDir('launch-outside-'), 'gitattributes');
    symlinkSync(target, join(dir, '.gitattributes'));
    const r = await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir, { ...ENV, PATH: process.env.PATH });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`.gitattributes: is a symbolic link to ${target}, which does not exist`);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });

  it('a .gitattributes link within the repository: the rule goes into the file it names', async () => {
    const dir = scratchDir();
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'attributes'), '*.png binary\n');
    symlinkSync('attributes', join(dir, '.gitattributes'));
    const r = await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir, { ...ENV, PATH: process.env.PATH });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'attributes'), 'utf8')).toBe('*.png binary\n.launch/events.jsonl merge=union\n');
    expect(lstatSync(join(dir, '.gitattributes')).isSymbolicLink()).toBe(true);
  });

  it('init --as with .launch/actor linking out of the workspace: refused, the file it names untouched', async () => {
    const dir = await workspaceWith(launch);
    const passwd = secret();
    const before = readFileSync(passwd, 'utf8');
    rmSync(join(dir, '.launch', 'actor'));
    symlinkSync(passwd, join(dir, '.launch', 'actor'));
    for (const args of [['init', '--as', 'bob'], ['check', 'redis-setup']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`.launch/actor: is a symbolic link to ${passwd}, outside the workspace`);
    }
    expect(readFileSync(passwd, 'utf8')).toBe(before);
  });

  it('plan.yaml and config.yaml linked within the project: read, and rewritten through by init --force', async () => {
    const dir = await workspaceWith(launch);
    mkdirSync(join(dir, 'shared'));
    for (const name of ['plan.yaml', 'config.yaml']) {
      renameSync(join(dir, '.launch', name), join(dir, 'shared', name));
      symlinkSync(`../shared/${name}`, join(dir, '.launch', name));
    }
    expect((await launch(['today', '--date', '2026-12-01'], dir)).code).toBe(0);
    const r = await launch(['init', '--force', '--start', '2026-12-07'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'shared', 'config.yaml'), 'utf8')).toMatch(/start: ["']?2026-12-07/);
    expect(lstatSync(join(dir, '.launch', 'config.yaml')).isSymbolicLink()).toBe(true);
  });

  it('plan.yaml linking out of the workspace: refused on read', async () => {
    const dir = await workspaceWith(launch);
    const outside = join(scratchDir('launch-outside-'), 'plan.yaml');
    renameSync(join(dir, '.launch', 'plan.yaml'), outside);
    symlinkSync(outside, join(dir, '.launch', 'plan.yaml'));
    const r = await launch(['today'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`.launch/plan.yaml: is a symbolic link to ${outside}, outside the workspace`);
  });
});
