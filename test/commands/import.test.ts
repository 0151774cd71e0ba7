// launch import: a Markdown plan in, a validated YAML plan out, or one clear message and no file.
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launcher, logOf } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const seed = join(repoRoot, 'plans', 'securenet-launch.md');

describe('launch import', () => {
  it('the committed bundled YAML is exactly what the importer produces now', async () => {
    const dir = scratchDir();
    const r = await launch(['import', seed, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(0);
    const fresh = readFileSync(join(dir, 'out.yaml'), 'utf8');
    expect(fresh).toBe(readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8'));
  });

  it('--json reports the counts and warnings with lines', async () => {
    const dir = scratchDir();
    const r = await launch(['import', seed, '--json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({ sprints: 4, weeks: 8, blocks: 21, tasks: 47, checklist: 72, kpis: 16, standupQuestions: 4 });
    expect(out.warnings[0]).toMatchObject({ line: 6 });
    expect(existsSync(join(dir, 'plans', 'securenet-launch.yaml'))).toBe(true);
  });

  it('prints a summary and warnings on stderr', async () => {
    const dir = scratchDir();
    const r = await launch(['import', seed, '-o', 'p.yaml'], dir);
    expect(r.stdout).toMatch(/72 checklist items · 16 KPIs · 4 standup questions/);
    expect(r.stderr).toMatch(/securenet-launch\.md:6: repaired 8 characters/);
  });

  it.each([
    ['a missing file', 'missing.md', undefined, /missing\.md: no such file/],
    ['a directory', '.', undefined, /is a directory/],
    ['an empty file', 'empty.md', '', /empty\.md: the file is empty/],
    ['a binary file', 'binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), /binary\.md: looks like a binary file/],
    ['invalid UTF-8', 'latin1.md', Buffer.from('# ok\ncaf\xe9\n', 'latin1'), /latin1\.md: line 2: not valid UTF-8/],
    ['a file over 2 MB', 'huge.md', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'), /huge\.md: 2\.0 MB is over the 2 MB limit for a Markdown plan/],
  ])('refuses %s with one clear message, exit 1 and no output file', async (_what, file, content, message) => {
    const dir = scratchDir();
    if (content !== undefined) writeFileSync(join(dir, file), content);
    const r = await launch(['import', file, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('leaves an existing output untouched when it cannot be replaced (a directory)', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'out.yaml'));
    const r = await launch(['import', seed, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\.yaml: is a directory, not a regular file/);
  });
});

// `import -o` once wrote over whatever it was given: the Markdown source itself, the workspace's log
// (two acknowledged events gone), and, as root, /dev/null (replaced by a regular file).
describe('launch import -o refuses what it must not replace (exit 1, nothing written)', () => {
  const copyOfSeed = (dir: string) => {
    writeFileSync(join(dir, 'self.md'), readFileSync(seed));
    return readFileSync(seed);
  };

  it.each([
    ['the same path', 'self.md'],
    ['another path to it', './sub/../self.md'],
    ['a hard link to it', 'hard.md'],
    ['a symbolic link to it', 'soft.yaml'],
  ])('the source itself, by %s', async (_how, output) => {
    const dir = scratchDir();
    const before = copyOfSeed(dir);
    mkdirSync(join(dir, 'sub'));
    linkSync(join(dir, 'self.md'), join(dir, 'hard.md'));
    symlinkSync('self.md', join(dir, 'soft.yaml'));
    const r = await launch(['import', 'self.md', '-o', output], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${output}: is the plan being imported; choose another output file`);
    expect(readFileSync(join(dir, 'self.md'))).toEqual(before);
    expect(lstatSync(join(dir, 'soft.yaml')).isSymbolicLink()).toBe(true);
  });

  it.each([
    ['the event log', '.launch/events.jsonl'],
    ['a new file there', '.launch/new.yaml'],
    ['a link into it', 'into.yaml'],
    ['the workspace\'s plan, by --dir', 'ws/.launch/plan.yaml'],
  ])('anything in a .launch/ directory: %s', async (_what, output) => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    for (const item of ['skeleton-loading-setup', 'redis-setup']) expect((await launch(['check', item], dir)).code).toBe(0);
    mkdirSync(join(dir, 'ws'));
    symlinkSync('../.launch', join(dir, 'ws', '.launch'));
    symlinkSync('.launch/plan.yaml', join(dir, 'into.yaml'));
    const before = new Map(readdirSync(join(dir, '.launch')).map((n) => [n, readFileSync(join(dir, '.launch', n))]));
    const r = await launch(['import', seed, '-o', output, '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${output}: is inside a workspace's .launch/ directory; launch import does not write there`);
    expect(r.stderr).toMatch(/hint: .*launch plan update/);
    expect(new Map(readdirSync(join(dir, '.launch')).map((n) => [n, readFileSync(join(dir, '.launch', n))]))).toEqual(before);
    expect(logOf(dir).trim().split('\n')).toHaveLength(2);
  });

  it('a FIFO, a dangling link, a directory: refused as not regular files, left as they are', async () => {
    const dir = scratchDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync(join(dir, 'nowhere', 'x.yaml'), join(dir, 'dangling.yaml'));
    mkdirSync(join(dir, 'folder.yaml'));
    for (const [output, message] of [
      ['pipe.yaml', 'pipe.yaml: is a named pipe (FIFO), not a regular file'],
      ['dangling.yaml', `dangling.yaml: is a symbolic link to ${join(dir, 'nowhere', 'x.yaml')}, which does not exist`],
      ['folder.yaml', 'folder.yaml: is a directory, not a regular file'],
    ]) {
      const r = await launch(['import', seed, '-o', output!, '--force'], dir);
      expect(r.code, output).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(lstatSync(join(dir, 'pipe.yaml')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.yaml')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it.skipIf(process.getuid?.() !== 0)('a device (as root, one made with mknod like /dev/null): left a device', async () => {
    const dir = scratchDir();
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    const r = await launch(['import', seed, '-o', 'null', '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('null: is a character device, not a regular file');
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it('an existing file that is not a launch plan needs --force; a plan is replaced without it', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'notes.yaml'), 'shopping: [milk, eggs]\n');
    let r = await launch(['import', seed, '-o', 'notes.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: notes.yaml: exists and is not a launch plan; nothing was written\nhint: add --force to replace it, or choose another output file');
    expect(readFileSync(join(dir, 'notes.yaml'), 'utf8')).toBe('shopping: [milk, eggs]\n');
    r = await launch(['import', seed, '-o', 'notes.yaml', '--force'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'notes.yaml'), 'utf8')).toBe(readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8'));
    // Now a plan: imported over again without --force.
    r = await launch(['import', join(repoRoot, 'test', 'fixtures', 'plans', 'go-live.md'), '-o', 'notes.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a source that never ends (/dev/zero) stops at the size limit', async () => {
    const dir = scratchDir();
    const r = await launch(['import', '/dev/zero', '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/dev\/zero: 2\.0 MB is over the 2 MB limit/);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });
});
