// launch import: a Markdown plan in, a validated YAML plan out, or one clear message and no file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launcher } from '../support/commands.js';
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
    ['a file over 10 MB', 'huge.md', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), /huge\.md: 10\.0 MB is over the 10 MB limit/],
  ])('refuses %s with one clear message, exit 1 and no output file', async (_what, file, content, message) => {
    const dir = scratchDir();
    if (content !== undefined) writeFileSync(join(dir, file), content);
    const r = await launch(['import', file, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('leaves an existing output untouched when the write fails', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'out.yaml'));
    const r = await launch(['import', seed, '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\.yaml: could not write/);
  });
});
